#!/usr/bin/env python3
"""Run every benchmark in bench/ (bench_*.py) one after another and print their tables.

Each benchmark measures Sozialmonitor against a baseline (QGIS's own tools) in the same run and
prints ratios, so the numbers compare across machines. ``--quick`` passes smaller sizes through.
"""
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv):
    status = 0
    for script in sorted(HERE.glob("bench_*.py")):
        print("=" * 72)
        print(script.name)
        print("=" * 72, flush=True)
        status |= subprocess.call([sys.executable, str(script), *argv])
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
