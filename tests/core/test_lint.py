"""Static checks: ruff with the rules of pyproject.toml (pycodestyle, pyflakes, import order, bugbear, naming,
pyupgrade) over the plugin, tests, bench and scripts. Fix what it finds; do not blanket-ignore.
"""
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _ruff():
    candidate = Path(sys.executable).with_name("ruff")
    return str(candidate) if candidate.exists() else shutil.which("ruff")


def test_ruff_rules_pass():
    ruff = _ruff()
    assert ruff, "ruff is not installed: run `make test` (it installs requirements-dev.txt)"
    proc = subprocess.run([ruff, "check", "--no-cache", "--output-format", "concise",
                           "plugin", "tests", "bench", "scripts", "__init__.py"],
                          cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
