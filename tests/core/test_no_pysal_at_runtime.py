"""The plugin never needs PySAL: PySAL is the test oracle only (issue 7).

Version breakage of PySAL inside QGIS's Python is the most common complaint of comparable plugins,
so no plugin module may import it (checked on the source, also inside functions), and the
analysis runs in QGIS's own Python (/usr/bin/python3, which has no PySAL) with nothing of it loaded.
"""
import ast
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN = {"esda", "libpysal", "pysal", "splot", "spreg", "mgwr", "pointpats", "geopandas", "numba"}


def test_no_plugin_module_imports_pysal():
    problems = []
    for path in sorted((ROOT / "plugin").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in (
                    "import_module", "__import__") and node.args and isinstance(node.args[0], ast.Constant):
                names = [str(node.args[0].value)]
            problems += [f"{path.relative_to(ROOT)}:{node.lineno} imports {n}"
                         for n in names if n.split(".")[0] in FORBIDDEN]
    assert not problems, "\n".join(problems)


SCRIPT = r"""
import importlib.util, sys
spec = importlib.util.spec_from_file_location("sozialmonitor", sys.argv[1] + "/__init__.py",
                                              submodule_search_locations=[sys.argv[1]])
module = importlib.util.module_from_spec(spec); sys.modules["sozialmonitor"] = module; spec.loader.exec_module(module)
import numpy as np
from sozialmonitor.plugin.core.spatial.cluster_analysis import analyse
from sozialmonitor.plugin.core.spatial.weights import SpatialWeights
n = 6
nb = [[j for j in (i - 1, i + 1, i - n, i + n) if 0 <= j < n * n and (abs(j - i) != 1 or j // n == i // n)]
      for i in range(n * n)]
result = analyse(np.arange(n * n, dtype=float) % 7, SpatialWeights.from_neighbours(nb), permutations=99)
loaded = sorted(m for m in sys.modules if m.split(".")[0] in {forbidden!r})
print("I=%.6f loaded=%s" % (result.global_moran["I"], loaded))
"""


@pytest.mark.skipif(not Path("/usr/bin/python3").exists(), reason="needs the system Python QGIS uses")
def test_analysis_runs_in_qgis_python_without_pysal():
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")}
    proc = subprocess.run(["/usr/bin/python3", "-c", SCRIPT.replace("{forbidden!r}", repr(FORBIDDEN)), str(ROOT)],
                          capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "loaded=[]" in proc.stdout and "I=" in proc.stdout
