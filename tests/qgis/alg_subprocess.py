"""Run one Sozialmonitor algorithm in a child Python process, so a crash (segfault) fails a test instead
of killing pytest.

    python tests/qgis/alg_subprocess.py <algorithm id> '<parameters as JSON>' [stop|skip|none]

prints one JSON line {"results": {...} | null, "error": text | null, "log": [text, ...]} on stdout.
The optional third argument is the Processing setting for invalid input features (QGIS's own check, before
the plugin's): ``none`` is what qgis_process uses (the default here), ``stop`` the desktop default.
``run_algorithm`` (for tests) returns (return code, that dict or None, stderr).
"""
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_algorithm(alg, params, qgis_check="none", timeout=300):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SOZIALMONITOR_LANG="en")
    proc = subprocess.run([sys.executable, __file__, alg, json.dumps(params), qgis_check],
                          capture_output=True, text=True,
                          timeout=timeout, env=env)
    out = None
    for line in proc.stdout.splitlines():
        if line.startswith("{"):
            out = json.loads(line)
    return proc.returncode, out, proc.stderr


def _main(alg, params, qgis_check):
    import importlib.util

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("SOZIALMONITOR_LANG", "en")

    spec = importlib.util.spec_from_file_location("sozialmonitor", ROOT / "__init__.py",
                                                  submodule_search_locations=[str(ROOT)])
    module = importlib.util.module_from_spec(spec)
    sys.modules["sozialmonitor"] = module
    spec.loader.exec_module(module)

    from qgis.core import (
        QgsApplication,
        QgsFeatureRequest,
        QgsProcessingContext,
        QgsProcessingException,
        QgsProcessingFeedback,
        QgsProject,
    )

    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing

    Processing.initialize()
    from sozialmonitor.plugin.processing.provider import register_provider

    register_provider()
    import processing

    log = []

    class Feedback(QgsProcessingFeedback):
        def pushInfo(self, text):  # noqa: N802
            log.append(text)

        def pushWarning(self, text):  # noqa: N802
            log.append("WARNING " + text)

        def reportError(self, text, fatal=False):  # noqa: N802
            log.append("ERROR " + text)

    out = {"results": None, "error": None, "log": log}
    try:
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        context.setInvalidGeometryCheck({"none": QgsFeatureRequest.GeometryNoCheck,
                                         "skip": QgsFeatureRequest.GeometrySkipInvalid,
                                         "stop": QgsFeatureRequest.GeometryAbortOnInvalid}[qgis_check])
        feedback = Feedback()
        context.setFeedback(feedback)
        results = processing.run(alg, params, feedback=feedback, context=context)
        out["results"] = {k: (v if isinstance(v, (int, float, str, type(None))) else str(v))
                          for k, v in results.items()}
    except QgsProcessingException as err:
        out["error"] = str(err)
    print(json.dumps(out, default=str), flush=True)
    os._exit(0)  # skip exitQgis(): the result is out, teardown crashes are not the algorithm's


if __name__ == "__main__":
    _main(sys.argv[1], json.loads(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else "none")
