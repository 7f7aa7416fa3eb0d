"""The benchmark still runs against the code as it is (a moved module must not break it
unnoticed). Its numbers are not checked here: speed is read from `benchmarks/bench.py`'s
ratios in one run, never from a timed test."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "bench.py"


@pytest.mark.slow
def test_the_benchmark_runs_every_measurement_and_names_each_ratio():
    quick = ["--files", "2", "--repeat", "1", "--startup-repeat", "1"]
    run = subprocess.run([sys.executable, str(BENCH), *quick], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    for ratio in ("batch_vs_single_plan", "help_vs_import_typer", "single_plan_vs_imports"):
        assert ratio in run.stdout
