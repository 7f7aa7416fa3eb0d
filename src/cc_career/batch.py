"""Many answers files → many plans: workers plan each file, the parent names, writes and reports.

A worker gets a path and gives back plain data (`Outcome`): the rendered documents, the
numbers the cohort summary needs and, for a bad file, its messages already rendered — so no
pydantic error or Plan has to cross a process boundary, and a broken file is just one more
result. Only the parent touches the output folder, in input order, so folder names and every
byte written are the same with one worker or many.
"""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Protocol

from cc_career.answers import expand_inputs, load_answers
from cc_career.catalog import Catalog, load_catalog
from cc_career.commands.common import plan_for, resolve_lang
from cc_career.errors import EXIT_OK, EXIT_SOME_FAILED, CcCareerError, InputError, RefusedOverwrite
from cc_career.i18n import t
from cc_career.models.answers import Answers
from cc_career.render.cohort import SUMMARY_FILES, PlanFacts, facts_of, render_summary
from cc_career.render.plan_md import render_plan
from cc_career.resources import DATA_FILES, data_file
from cc_career.safe_names import Namer, safe_name
from cc_career.writers import ensure_dir, write_all

PLAN_FILE = "career-plan.md"
REPORT_VERSION = 1
STATUSES = ("written", "unchanged", "failed", "refused")


@dataclass(frozen=True)
class Problem:
    """One fault of one file, as the loader placed it; `message` never quotes the answers."""

    line: int | None
    column: int | None
    field: str | None
    message: str


@dataclass(frozen=True)
class Outcome:
    """What a worker sends back for one file: plain, picklable data only."""

    file: str
    folder: str = ""  # the safe folder name it asks for (from the person's name or file name)
    documents: dict[str, str] = field(default_factory=dict)
    facts: PlanFacts | None = None  # None: the file could not be planned
    problems: tuple[Problem, ...] = ()
    notice: str | None = None  # e.g. "read as cp932", already in the run's language


@dataclass(frozen=True)
class FileResult:
    """What became of one input file: a line of the report."""

    file: str
    status: str  # one of STATUSES
    output: str | None = None  # the folder under --out, when there is one
    problems: tuple[Problem, ...] = ()
    notice: str | None = None


@dataclass
class BatchResult:
    files: list[FileResult]
    total: int  # input files, including any not reached before an interruption
    out: Path
    summary: str | None = None  # what became of the cohort summary; None when not reached
    summary_problems: tuple[Problem, ...] = ()
    interrupted: bool = False

    def count(self, status: str) -> int:
        return sum(1 for f in self.files if f.status == status)

    @property
    def exit_code(self) -> int:
        """1 when any file was not planned or not written (the rest were), else 0."""
        incomplete = self.count("failed") or self.count("refused") or self.summary_problems
        return EXIT_SOME_FAILED if incomplete else EXIT_OK


class Progress(Protocol):
    """Told how many files there are (once the workers run), then about each finished file."""

    def start(self, total: int) -> None: ...

    def advance(self, result: FileResult) -> None: ...


# ---- the worker side -------------------------------------------------------------------------

_catalogs: dict[tuple, Catalog] = {}


def catalog_for(data_dir: Path | str | None) -> Catalog:
    """The catalog, loaded once per process (and inherited by forked workers)."""
    key = _catalog_key(data_dir)
    if key not in _catalogs:
        _catalogs.clear()
        _catalogs[key] = load_catalog(data_dir)
    return _catalogs[key]


def _catalog_key(data_dir: Path | str | None) -> tuple:
    # Which files, and their size and time: a long-lived process (the test suite, a script
    # calling run_batch twice) must see a trainer's edited data, not the copy it loaded first.
    key = []
    for name in DATA_FILES:
        path = data_file(name, data_dir)
        try:
            stat = path.stat()
            key.append((str(path), stat.st_mtime_ns, stat.st_size))
        except OSError:
            key.append((str(path), None, None))
    return tuple(key)


def plan_one(path: Path, *, data_dir: Path | str | None, lang: str | None, ui_lang: str,
             today: dt.date) -> Outcome:
    """Load, plan and render one answers file. Never raises for a bad file: any fault the
    loader reports, or any unexpected error while planning, becomes a failed Outcome."""
    catalog = catalog_for(data_dir)
    try:
        answers, notice = load_answers(path, catalog)
        plan = plan_for(answers, catalog, today)
        plan_lang = resolve_lang(lang, answers)
        documents = {PLAN_FILE: render_plan(plan, catalog, plan_lang)}
        if wants_interview(answers) and not plan.strain:  # under strain: no answer (interview.refusal)
            from cc_career.render.interview import render_interview_files

            documents.update(render_interview_files(plan, catalog, plan_lang))
    except InputError as error:
        return Outcome(shown(path), problems=tuple(_problem(e, ui_lang) for e in [error, *error.more]))
    except CcCareerError as error:
        return Outcome(shown(path), problems=(Problem(None, None, None, error.render(ui_lang)),))
    except Exception as error:  # a fault in one plan must not stop the other 999
        message = t("batch.unexpected", ui_lang, kind=type(error).__name__)
        return Outcome(shown(path), problems=(Problem(None, None, None, message),))
    return Outcome(
        file=shown(path),
        folder=safe_name(answers.name, path.stem),
        documents=documents,
        facts=facts_of(plan),
        notice=t(notice, ui_lang) if notice else None,
    )


def shown(path: Path | str) -> str:
    """A path as text that can always be printed and stored: a file name in no valid encoding
    (bytes a Windows share or an old archive left) shows its odd bytes as `\\xff`."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def wants_interview(answers: Answers) -> bool:
    """An interview answer is written for files whose interview section is complete."""
    interview = answers.interview
    return all(getattr(interview, name) is not None
               for name in ("company", "position", "motivation", "question", "seconds"))


def _problem(error: InputError, lang: str) -> Problem:
    column = error.column or 1 if error.line is not None else None
    return Problem(error.line, column, error.field, error.reason(lang))


def _start_worker(data_dir: Path | str | None) -> None:
    # Ctrl-C reaches the whole process group; the parent alone decides how to stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    catalog_for(data_dir)


# ---- the parent side -------------------------------------------------------------------------


def ordered_inputs(files: Iterable[Path]) -> list[Path]:
    """Each file once, sorted by path: the order names are handed out and results reported in,
    whatever order the command line or the workers had."""
    unique: dict[str, Path] = {}
    for path in files:
        key = os.path.normcase(os.path.realpath(path))
        unique.setdefault(key, path)
    return sorted(unique.values(), key=str)


def run_batch(
    files: Iterable[Path],
    out: Path,
    *,
    jobs: int | None = None,
    lang: str | None = None,
    data_dir: Path | str | None = None,
    force: bool = False,
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> BatchResult:
    """Plan every answers file (folders: their *.yaml files) into `out/<safe-name>/`, then
    write the cohort summary.

    A bad file is recorded and the rest go on. Ctrl-C stops the workers, keeps what was
    written (no temp file stays behind) and returns with `interrupted` set.
    """
    ui_lang = lang or "ja"
    catalog = catalog_for(data_dir)  # a fault in the data stops the run before anything is written
    ensure_dir(out)
    inputs = ordered_inputs(expand_inputs(list(files)))
    result = BatchResult(files=[], total=len(inputs), out=out)
    work = partial(plan_one, data_dir=data_dir, lang=lang, ui_lang=ui_lang,
                   today=today or dt.date.today())
    namer = Namer(reserved=SUMMARY_FILES)
    facts: list[PlanFacts] = []
    workers = max(1, min(jobs or os.cpu_count() or 1, len(inputs)))
    pool = None
    try:
        if workers == 1:
            outcomes: Iterator[Outcome] = map(work, inputs)
        else:
            pool = ProcessPoolExecutor(workers, mp_context=_start_method(),
                                       initializer=_start_worker, initargs=(data_dir,))
            outcomes = pool.map(work, inputs, chunksize=_chunk(len(inputs), workers))
        if progress:
            progress.start(len(inputs))  # after the workers are forked: no thread runs yet
        for outcome in _contained(outcomes, inputs, ui_lang):
            with _whole_or_not_at_all():
                written = _write_person(outcome, out, namer, force, ui_lang)
                result.files.append(written)
            if outcome.facts is not None:
                facts.append(outcome.facts)
            if progress:
                progress.advance(written)
        documents = render_summary(facts, catalog, ui_lang, files=result.total)
        with _whole_or_not_at_all():
            result.summary, result.summary_problems = _write_documents(out, documents, force, ui_lang)
    except KeyboardInterrupt:
        result.interrupted = True
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
    return result


def _start_method() -> multiprocessing.context.BaseContext | None:
    # Forked workers start with the catalog already loaded; elsewhere (macOS,
    # Windows) fork is unsafe or missing and the platform's default is used.
    return multiprocessing.get_context("fork") if sys.platform == "linux" else None


def _chunk(files: int, workers: int) -> int:
    # Large enough that 1,000 files are a few dozen hand-overs, small enough for a live bar.
    return max(1, min(16, files // (workers * 4)))


def _contained(outcomes: Iterator[Outcome], inputs: list[Path], lang: str) -> Iterator[Outcome]:
    """The outcomes in input order; if a worker process dies (not a Python error: those are
    caught inside it), the files it had not finished are reported failed, not lost."""
    done = 0
    try:
        for outcome in outcomes:
            done += 1
            yield outcome
    except BrokenProcessPool:
        message = t("batch.worker_crashed", lang)
        for path in inputs[done:]:
            yield Outcome(shown(path), problems=(Problem(None, None, None, message),))


def _write_person(outcome: Outcome, out: Path, namer: Namer, force: bool, lang: str) -> FileResult:
    if outcome.facts is None:
        return FileResult(outcome.file, "failed", problems=outcome.problems)
    name = namer.take(outcome.folder)
    folder = out / name
    if folder.is_symlink():  # it would lead this person's plan out of --out
        refusal = Problem(None, None, None, t("batch.symlink", lang, path=folder))
        return FileResult(outcome.file, "refused", output=name, problems=(refusal,))
    status, problems = _write_documents(folder, outcome.documents, force, lang)
    return FileResult(outcome.file, status, output=name, problems=problems, notice=outcome.notice)


@contextmanager
def _whole_or_not_at_all() -> Iterator[None]:
    """Hold a Ctrl-C until the folder being written is complete and recorded (a few
    milliseconds), so an interrupted run leaves each person's folder whole or absent, never
    half made, and reports every folder it made."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread receives signals
        return
    pressed: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda number, frame: pressed.append(number))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous if previous is not None else signal.default_int_handler)
    if pressed:
        raise KeyboardInterrupt


def _write_documents(folder: Path, documents: dict[str, str], force: bool,
                     lang: str) -> tuple[str, tuple[Problem, ...]]:
    """written | unchanged | refused | failed, all-or-nothing for the folder."""
    try:
        written = write_all(folder, documents, force=force)
    except RefusedOverwrite as error:
        return "refused", (Problem(None, None, None, error.render(lang)),)
    except CcCareerError as error:
        return "failed", (Problem(None, None, None, error.render(lang)),)
    return ("written" if written else "unchanged"), ()


# ---- the report ------------------------------------------------------------------------------


_PROBLEM_FIELDS = ("line", "column", "field", "message")


def report_json(result: BatchResult) -> str:
    """`--report`: every input file with its status, sorted by path; no names beyond the
    output folder's, no answers."""
    rows = []
    for entry in result.files:
        first = vars(entry.problems[0]) if entry.problems else dict.fromkeys(_PROBLEM_FIELDS)
        rows.append({
            "file": entry.file,
            "status": entry.status,
            "output": entry.output,
            **first,
            "problems": [vars(p) for p in entry.problems],
        })
    summary: dict[str, object] = {"files": result.total}
    summary.update({status: result.count(status) for status in STATUSES})
    summary["not_done"] = result.total - len(result.files)
    summary["cohort_summary"] = result.summary
    summary["interrupted"] = result.interrupted
    document = {"version": REPORT_VERSION, "files": rows, "summary": summary}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def write_report(path: Path, result: BatchResult) -> None:
    """The report is this run's log, named on the command line: it is replaced each run."""
    write_all(path.parent, {path.name: report_json(result)}, force=True)
