"""How fast cc-career is, as named measurements and the ratios between them.

    .venv/bin/python benchmarks/bench.py            # every measurement, then the ratios
    .venv/bin/python benchmarks/bench.py --files 200 --repeat 1

The SPEC wants a replayed plan dominated by interpreter start-up and a 1,000-file batch that
takes seconds, using both cores. The batch is timed against one replayed plan in the same
run, so the ratio holds on a slow or a fast machine alike; its target is 15 or less
(interpreter start-up paid once, both cores busy). Not a test: numbers vary by machine.

Start-up: `cc-career --help` is timed against bare `python -c "import typer"` (target 1.5 or
less) and one replayed plan against `python -c "import typer, pydantic, yaml"` (target 2.5 or
less), in the same run. These quick measurements run many times each (--startup-repeat),
interleaved round by round with the others so that a busy moment of the machine hits all of
them alike; a measurement's median counts, and a ratio is the median of its per-round ratios.

    .venv/bin/python benchmarks/bench.py --files 2 --only help import_typer single_plan \
        import_typer_pydantic_yaml          # just the start-up ratios, in a few seconds
    .venv/bin/python benchmarks/bench.py --check   # exit 1 when a ratio is above its target

To add a measurement, write a function decorated with `@measurement("name")` that returns
the seconds of one run (`startup=True` for a quick one that runs --startup-repeat times); to
add a ratio, append a `Ratio` to RATIOS.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

# The single-run baseline: `plan` replays one answers file exactly as a user would
# (`cc-career plan --answers F --no-input --out D`). `validate` (load the data, check one file)
# stood in while `plan` did not exist yet; `auto` uses `plan` when it works, else `validate`.
SINGLE_RUN = "auto"  # auto | plan | validate

# `cc-career` as a user runs it: the console script next to this interpreter (else `-m`).
_SCRIPT = Path(sys.executable).with_name("cc-career")
CLI = [str(_SCRIPT)] if _SCRIPT.is_file() else [sys.executable, "-m", "cc_career"]


@dataclass
class Context:
    """What the measurements share: a scratch folder, the generated cohort, the settings."""

    work: Path
    files: int
    jobs: int | None
    single_run: str
    cohort: Path | None = None
    one_file: Path | None = None


Measure = Callable[[Context], float]
MEASUREMENTS: dict[str, Measure] = {}
STARTUP: set[str] = set()  # quick measurements, run --startup-repeat times each


def measurement(name: str, *, startup: bool = False) -> Callable[[Measure], Measure]:
    def register(function: Measure) -> Measure:
        MEASUREMENTS[name] = function
        if startup:
            STARTUP.add(name)
        return function

    return register


@dataclass(frozen=True)
class Ratio:
    name: str
    numerator: str
    denominator: str
    target: float  # at most


RATIOS = [
    Ratio("batch_vs_single_plan", "batch", "single_plan", 15.0),
    Ratio("help_vs_import_typer", "help", "import_typer", 1.5),
    Ratio("single_plan_vs_imports", "single_plan", "import_typer_pydantic_yaml", 2.5),
]


# ---- the measurements ------------------------------------------------------------------------


def _run(command: list[str], ok: tuple[int, ...] = (0,)) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if done.returncode not in ok:
        raise SystemExit(f"{' '.join(command)} exited {done.returncode}:\n{done.stderr[-2000:]}")
    return elapsed


@measurement("python_startup", startup=True)
def python_startup(context: Context) -> float:
    """A bare interpreter: the floor every command stands on."""
    return _run([sys.executable, "-c", "pass"])


@measurement("import_typer", startup=True)
def import_typer(context: Context) -> float:
    """The interpreter plus the CLI library: what `--help` cannot do without."""
    return _run([sys.executable, "-c", "import typer"])


@measurement("help", startup=True)
def cli_help(context: Context) -> float:
    """`cc-career --help`: must feel instant, so it imports nothing a command needs."""
    return _run([*CLI, "--help"])


@measurement("import_typer_pydantic_yaml", startup=True)
def import_libraries(context: Context) -> float:
    """The interpreter plus the libraries every replayed plan needs."""
    return _run([sys.executable, "-c", "import typer, pydantic, yaml"])


@measurement("single_plan", startup=True)
def single_plan(context: Context) -> float:
    """One replayed plan, start to finish, as a user runs it."""
    out = Path(tempfile.mkdtemp(dir=context.work))
    if context.single_run == "plan":
        return _run(_replay(context, out))
    return _run([*CLI, "validate", str(context.one_file)])


def _replay(context: Context, out: Path) -> list[str]:
    return [*CLI, "plan", "--answers", str(context.one_file), "--no-input", "--out", str(out)]


@measurement("batch")
def batch(context: Context) -> float:
    """The whole cohort into a fresh folder (all files are good: every one is planned)."""
    out = Path(tempfile.mkdtemp(dir=context.work)) / "out"
    jobs = ["--jobs", str(context.jobs)] if context.jobs else []
    return _run([*CLI, "batch", str(context.cohort), "--out", str(out), *jobs])


# ---- the cohort ------------------------------------------------------------------------------


def make_cohort(folder: Path, count: int, seed: int = 2026) -> Path:
    """`count` answers files from varied personas: every role someone starts from, targets
    reachable from there (or none: the top recommendation), both languages, trainer ratings,
    short and long horizons, strain, and an interview section where that renderer exists."""
    from cc_career.files.load import load_catalog
    from cc_career.files.yamlio import dump

    catalog = load_catalog(None)
    rng = random.Random(seed)
    skills = list(catalog.skills)
    starts = [r for r in catalog.roles if catalog.outgoing(r)]
    interview = importlib.util.find_spec("cc_career.render.interview") is not None
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        current = rng.choice(starts)
        targets = [r for r in catalog.roles if r != current and catalog.reachable(current, r)]
        years_total = rng.choice([0.5, 1, 2, 3, 5, 8])
        rated = rng.sample(skills, rng.randint(3, 12))
        answers: dict = {
            "schema_version": 1,
            "name": f"研修生 {index:04d}" if index % 3 else f"Trainee {index:04d}",
            "language": "en" if index % 4 == 0 else "ja",
            "today": "2026-04-01",
            "current": {
                "role": current,
                "years_in_role": min(years_total, rng.choice([0.5, 1, 2])),
                "years_total": years_total,
                "employment": rng.choice(["dispatch", "contract", "part_time", "full_time"]),
                "channels": rng.sample(["phone", "email", "chat"], rng.randint(1, 3)),
                "skills": {s: rng.randint(0, 4) for s in rated},
                "kpis": {"aht_seconds": rng.randint(240, 720), "fcr_rate": round(rng.uniform(0.5, 0.95), 2)},
            },
            "ideal": {
                "values": rng.sample(list(catalog.values), 2),
                "interests": rng.sample(list(catalog.interests), 1),
                "style": rng.choice(["management", "specialist", "other_department", "career_change",
                                     "undecided"]),
                "horizon_years": rng.choice([1, 2, 3, 5]),
            },
        }
        if index % 2:
            answers["current"]["trainer_skills"] = {s: rng.randint(0, 4) for s in rated[:4]}
        if targets and index % 5:
            answers["ideal"]["target_role"] = rng.choice(targets)
        if index % 7 == 0:
            answers["concerns"] = {"reasons": ["workload"], "sleep_trouble": True}
        if interview and index % 3 == 0:
            answers["interview"] = {"company": "株式会社サンプル", "position": "オペレーター",
                                    "motivation": "品質を軸にキャリアを築けること", "question": "career_plan",
                                    "seconds": rng.choice([30, 60, 180])}
        (folder / f"trainee-{index:04d}.yaml").write_text(dump(answers), "utf-8")
    return folder


def pick_single_run(context: Context) -> str:
    if SINGLE_RUN != "auto":
        return SINGLE_RUN
    probe = Path(tempfile.mkdtemp(dir=context.work))
    done = subprocess.run(_replay(context, probe), capture_output=True, text=True)
    return "plan" if done.returncode == 0 else "validate"


# ---- running them ----------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=1000, help="answers files in the batch (default 1000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement; the median counts")
    parser.add_argument("--startup-repeat", type=int, default=15,
                        help="runs of each quick start-up measurement (default 15)")
    parser.add_argument("--check", action="store_true", help="exit 1 when a ratio is above its target")
    parser.add_argument("--jobs", type=int, default=None, help="batch workers (default: the CPU count)")
    parser.add_argument("--only", nargs="*", choices=sorted(MEASUREMENTS), help="just these measurements")
    options = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="cc-career-bench-") as scratch:
        work = Path(scratch)
        # An installed package carries its compiled bytecode; where writing it is switched off
        # (PYTHONDONTWRITEBYTECODE), every run would compile cc-career's sources again. The
        # warm-up run compiles everything into the scratch folder instead.
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
        os.environ["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
        context = Context(work=work, files=options.files, jobs=options.jobs, single_run=SINGLE_RUN)
        context.cohort = make_cohort(work / "cohort", options.files)
        context.one_file = sorted(context.cohort.iterdir())[1]
        context.single_run = pick_single_run(context)
        print(f"{options.files} answers files, {options.repeat} runs each ({options.startup_repeat} for "
              f"start-up), interleaved, median; single run = `cc-career {context.single_run}`")
        chosen = [name for name in MEASUREMENTS if not options.only or name in options.only]
        wanted = {name: options.startup_repeat if name in STARTUP else options.repeat for name in chosen}
        for name in chosen:
            MEASUREMENTS[name](context)  # warm the disk cache and .pyc files; not counted
        runs: dict[str, list[float]] = {name: [] for name in chosen}
        for _ in range(max(wanted.values(), default=0)):
            for name in chosen:
                if len(runs[name]) < wanted[name]:
                    runs[name].append(MEASUREMENTS[name](context))
        results: dict[str, float] = {}
        for name, times in runs.items():
            results[name] = statistics.median(times)
            print(f"  {name:<28} {results[name]:8.3f} s   (runs: {', '.join(f'{t:.3f}' for t in times)})")
        failed = False
        for ratio in RATIOS:
            if ratio.numerator in results and ratio.denominator in results:
                # Runs of the same round ran side by side, under the same load: the median of
                # their ratios shrugs off a busy moment of the machine better than a ratio of medians.
                pairs = zip(runs[ratio.numerator], runs[ratio.denominator], strict=False)
                value = statistics.median(a / b for a, b in pairs)
                verdict = "ok" if value <= ratio.target else "ABOVE TARGET"
                failed |= value > ratio.target
                print(f"  {ratio.name:<28} {value:8.2f}     (target ≤ {ratio.target:g}: {verdict})")
    return 1 if failed and options.check else 0


if __name__ == "__main__":
    sys.exit(main())
