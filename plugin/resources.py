"""Where the plugin's shipped files are (resources/, ui/): one place, whatever the depth of the module asking."""
from pathlib import Path

PLUGIN_ROOT = Path(__file__).resolve().parents[1]
RESOURCES = PLUGIN_ROOT / "resources"
UI_DIR = PLUGIN_ROOT / "ui"
ICON = RESOURCES / "icons" / "sozialmonitor.svg"
