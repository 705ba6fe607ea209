"""Where the plugin's shipped files are (resources/, ui/): one place, whatever the depth of the module asking."""
from pathlib import Path

PLUGIN_ROOT = Path(__file__).resolve().parents[1]
RESOURCES = PLUGIN_ROOT / "resources"
UI_DIR = PLUGIN_ROOT / "ui"
ICON = RESOURCES / "icons" / "sozialmonitor.svg"
#: the web atlas page (index.html, app.js, app.css) and its map library, built by scripts/fetch_web_vendor.sh
WEB_DIR = RESOURCES / "web"
WEB_VENDOR = WEB_DIR / "vendor"
