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
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import partial
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Literal, Protocol, get_args

from cc_career.context import plan_for, resolve_lang
from cc_career.core.cohort import PlanFacts, facts_of
from cc_career.core.interview import missing_fields
from cc_career.core.models.answers import Answers
from cc_career.core.models.catalog import Catalog
from cc_career.errors import (
    CcCareerError,
    ExitCode,
    InputError,
    RefusedOverwrite,
    UsageError,
)
from cc_career.files.load import dump_answers, expand_inputs, load_answers, load_catalog, progress_beside
from cc_career.files.resources import DATA_FILES, data_file
from cc_career.files.safe_names import Namer, safe_name
from cc_career.files.writers import ensure_dir, holds, remove_made, would_change, write_all
from cc_career.render.cohort import SUMMARY_FILES, render_summary
from cc_career.render.html import PLAN_HTML, render_plan_html
from cc_career.render.i18n import t
from cc_career.render.plan_json import PLAN_JSON, render_plan_json
from cc_career.render.plan_md import render_plan
from cc_career.render.text import path_text

PLAN_FILE = "career-plan.md"
REPORT_VERSION = 1
Status = Literal["written", "unchanged", "failed", "refused"]
STATUSES: tuple[Status, ...] = get_args(Status)
INDEX_FILE = "index.csv"  # which input made which output folder
UNREADABLE = ("file.", "yaml.")  # faults of the file itself, before its answers are looked at


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
    readable: bool = True  # False: the file itself could not be read (bytes, YAML syntax)
    # a check-in (NAME.progress.yaml): what goes to history/<day>/ before the plan is replaced
    history: dict[str, str] = field(default_factory=dict)
    history_day: str = ""


@dataclass(frozen=True)
class FileResult:
    """What became of one input file: a line of the report."""

    file: str
    status: Status
    output: str | None = None  # the folder under --out, when there is one
    problems: tuple[Problem, ...] = ()
    notice: str | None = None
    readable: bool = True  # a failed file: False when it could not even be read


@dataclass
class BatchResult:
    files: list[FileResult]
    total: int  # input files, including any not reached before an interruption
    out: Path
    summary: str | None = None  # what became of the cohort summary; None when not reached
    summary_problems: tuple[Problem, ...] = ()
    interrupted: bool = False
    notices: list[str] = field(default_factory=list)  # how the run went, e.g. fewer workers
    lang: str = "ja"  # the language of this run's messages
    # files written after the run (the --report file, index.csv) that could not be: path → why
    late_problems: dict[Path, str] = field(default_factory=dict)

    def count(self, status: str) -> int:
        return sum(1 for f in self.files if f.status == status)

    @property
    def exit_code(self) -> int:
        """1 when any file was not planned or not written (the rest were), else 0."""
        incomplete = (self.count("failed") or self.count("refused") or self.summary_problems
                      or self.late_problems)
        return ExitCode.SOME_FAILED if incomplete else ExitCode.OK


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
        documents = {PLAN_FILE: render_plan(plan, catalog, plan_lang),
                     PLAN_HTML: render_plan_html(plan, catalog, plan_lang),
                     PLAN_JSON: render_plan_json(plan, catalog, plan_lang)}
        check_in, history, day = None, {}, ""
        progress_path = progress_beside(path)
        if progress_path is not None:
            history = {**documents, HISTORY_ANSWERS: dump_answers(answers)}
            plan, answers, check_in, more, kept, day = _reviewed(plan, answers, catalog, progress_path,
                                                                 today, plan_lang)
            history[HISTORY_PROGRESS] = kept
            documents = {PLAN_FILE: render_plan(plan, catalog, plan_lang),
                         PLAN_HTML: render_plan_html(plan, catalog, plan_lang),
                         PLAN_JSON: render_plan_json(plan, catalog, plan_lang), **more}
        if wants_interview(answers) and not plan.strain:  # under strain: no answer (interview.refusal)
            from cc_career.render.interview import compose_answer, interview_documents

            answer = compose_answer(plan, catalog, answers.interview, plan_lang)
            documents.update(interview_documents(answer, plan, catalog))
    except InputError as error:
        return Outcome(shown(path), problems=tuple(_problem(e, ui_lang) for e in [error, *error.more]),
                       readable=not error.key.startswith(UNREADABLE))
    except CcCareerError as error:
        return Outcome(shown(path), problems=(Problem(None, None, None, error.render(ui_lang)),))
    except Exception as error:  # a fault in one plan must not stop the other 999
        message = t("batch.unexpected", ui_lang, kind=type(error).__name__)
        return Outcome(shown(path), problems=(Problem(None, None, None, message),))
    return Outcome(
        file=shown(path),
        folder=safe_name(answers.name, path.stem),
        documents=documents,
        facts=replace(facts_of(plan), check_in=check_in),
        notice=t(notice, ui_lang) if notice else None,
        history=history,
        history_day=day,
    )


def _reviewed(plan, answers: Answers, catalog: Catalog, progress_path: Path, today: dt.date,  # noqa: ANN001
              lang: str) -> tuple:
    """A trainee's check-in applied to the plan their answers make: the reviewed plan, the new
    answers, the cohort's facts of it, the files it adds (the progress report and the new answers
    file) and the check-in as history keeps it (progress.yaml, as `review` keeps it)."""
    import json

    from cc_career.core.cohort import check_in_facts
    from cc_career.core.models.plan_file import PlanFile
    from cc_career.core.plan.review import review
    from cc_career.files.progress import check_progress, dump_progress, read_progress
    from cc_career.render.review_md import render_review, report_name

    before = render_plan_json(plan, catalog, lang)
    previous = PlanFile.model_validate(json.loads(before))
    try:
        progress = check_progress(read_progress(progress_path), previous, catalog)
    except InputError as error:  # the report lines name the answers file: say which file is at fault
        for fault in [error, *error.more]:
            fault.field = f"{progress_path.name}: {fault.field}" if fault.field else progress_path.name
        raise
    when = progress.today or today
    result = review(previous, answers, progress.model_copy(update={"today": when}), catalog, when)
    files = {report_name(when, set()): render_review(result, catalog, lang),
             HISTORY_ANSWERS: dump_answers(result.answers)}
    kept = dump_progress(progress.model_copy(update={"today": when}), lang)
    return result.plan, result.answers, check_in_facts(result), files, kept, when.isoformat()


def shown(path: Path | str) -> str:
    """A path as text that can always be printed and stored: a file name in no valid encoding
    (bytes a Windows share or an old archive left) shows its odd bytes as `\\xff`, and a
    terminal escape in a file name as `\\x1b` (render/text.py)."""
    return path_text(path)


def wants_interview(answers: Answers) -> bool:
    """An interview answer is written for files whose interview section is complete."""
    return not missing_fields(answers.interview)


def _problem(error: InputError, lang: str) -> Problem:
    column = error.column or 1 if error.line is not None else None
    return Problem(error.line, column, error.field, error.reason(lang))


STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP")
                     if hasattr(signal, name))


def _worker_main(connection: Connection, work: Callable[[Path], Outcome], data_dir: Path | str | None,
                 parent: int) -> None:
    """A worker: plan each file the parent sends, send each outcome back at once; stop when the
    parent says so, or when the parent is gone (its end of the pipe closes, or it dies)."""
    for number in STOP_SIGNALS:  # Ctrl-C, TERM, HUP reach the whole group: the parent decides
        signal.signal(number, signal.SIG_IGN)
    _die_with_parent(parent)
    catalog_for(data_dir)
    while True:
        try:
            chunk = connection.recv()
        except (EOFError, OSError):
            return
        if chunk is None:
            return
        for index, path in chunk:
            try:
                connection.send((index, work(path)))
            except (BrokenPipeError, OSError):
                return


def _die_with_parent(parent: int) -> None:
    """Ask the kernel to kill this worker when the parent dies, even by SIGKILL (Linux)."""
    if sys.platform == "linux":
        import ctypes

        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # it died before the request was made
        os._exit(0)


class _Workers:
    """Worker processes, each with its own pipe: no queue or lock is shared, so a worker killed
    at any moment (the OOM killer) can block no one. Its file in progress is reported failed,
    the files it had not started go to the others, and a new worker takes its place."""

    def __init__(self, count: int, work: Callable[[Path], Outcome], data_dir: Path | str | None,
                 inputs: list[Path], lang: str) -> None:
        self.work, self.data_dir, self.lang = work, data_dir, lang
        self.context = _start_method()
        self.waiting = deque(enumerate(inputs))
        self.chunk = _chunk(len(inputs), count)
        self.busy: dict[Connection, tuple[multiprocessing.process.BaseProcess, list]] = {}
        self.start_problem: str | None = None
        for _ in range(count):
            if not self._start():
                break

    def _start(self) -> bool:
        parent_end, child_end = multiprocessing.Pipe(duplex=True)
        process = self.context.Process(target=_worker_main, daemon=True,
                                       args=(child_end, self.work, self.data_dir, os.getpid()))
        try:
            process.start()
        except OSError as error:  # fork refused: out of processes or memory
            parent_end.close()
            child_end.close()
            self.start_problem = error.strerror or type(error).__name__
            return False
        child_end.close()
        self.busy[parent_end] = (process, [])
        self._feed(parent_end)
        return True

    @property
    def count(self) -> int:
        return len(self.busy)

    def _feed(self, connection: Connection) -> None:
        process, pending = self.busy[connection]
        if pending:
            return
        chunk = [self.waiting.popleft() for _ in range(min(self.chunk, len(self.waiting)))]
        pending.extend(chunk)
        try:
            connection.send(chunk if chunk else None)
        except OSError:
            pass  # it died: its sentinel says so next

    def results(self) -> Iterator[tuple[int, Outcome]]:
        """Each (input index, outcome) as it arrives, until every file has one."""
        while self.busy:
            sentinels = {process.sentinel: connection for connection, (process, _) in self.busy.items()}
            ready = wait([*self.busy, *sentinels])
            for item in ready:
                connection = item if item in self.busy else sentinels.get(item)
                if connection is None or connection not in self.busy:
                    continue
                process, pending = self.busy[connection]
                if item is connection:
                    try:
                        index, outcome = connection.recv()
                    except (EOFError, OSError):
                        yield from self._lost(connection)
                        continue
                    pending[:] = [entry for entry in pending if entry[0] != index]
                    yield index, outcome
                    if not pending:
                        if self.waiting:
                            self._feed(connection)
                        else:
                            self._retire(connection)
                elif not connection.poll():  # dead, with nothing left to read
                    yield from self._lost(connection)

    def _lost(self, connection: Connection) -> Iterator[tuple[int, Outcome]]:
        process, pending = self.busy.pop(connection)
        connection.close()
        process.join(1)
        code = process.exitcode
        if pending:
            index, path = pending[0]  # the one it was planning when it died
            self.waiting.extendleft(reversed(pending[1:]))
            reason = (t("safety.worker_killed", self.lang, signal=_signal_name(-code))
                      if code is not None and code < 0 else t("batch.worker_crashed", self.lang))
            yield index, Outcome(shown(path), problems=(Problem(None, None, None, reason),))
        if self.waiting and not self._start() and not self.busy:
            message = t("safety.no_worker", self.lang, reason=self.start_problem or "?")
            while self.waiting:
                index, path = self.waiting.popleft()
                yield index, Outcome(shown(path), problems=(Problem(None, None, None, message),))

    def _retire(self, connection: Connection) -> None:
        process, _ = self.busy.pop(connection)
        try:
            connection.send(None)
        except OSError:
            pass
        connection.close()
        process.join(5)

    def stop(self) -> None:
        """Interrupted or done: every worker is told to stop, and ended if it does not."""
        for connection in list(self.busy):
            process, _ = self.busy.pop(connection)
            connection.close()  # the worker's next recv or send ends it
            process.join(2)
            if process.is_alive():
                process.kill()
                process.join()


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return str(number)


def available_cpus() -> int:
    """The CPUs this process may run on (a container or taskset may allow fewer than exist)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


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
    reserved: Iterable[str] = (),
) -> BatchResult:
    """Plan every answers file (folders: their *.yaml files) into `out/<safe-name>/`, then
    write the cohort summary.

    A bad file is recorded and the rest go on. Ctrl-C, TERM or HUP stop the workers, keep
    what was written (no temp file stays behind) and return with `interrupted` set. `reserved`
    names are never given to a person's folder (the report's, when it is written into `out`).
    """
    ui_lang = resolve_lang(lang)
    catalog = catalog_for(data_dir)  # a fault in the data stops the run before anything is written
    made = ensure_dir(out)
    inputs = ordered_inputs(expand_inputs(list(files)))
    result = BatchResult(files=[], total=len(inputs), out=out, lang=ui_lang)
    work = partial(plan_one, data_dir=data_dir, lang=lang, ui_lang=ui_lang,
                   today=today or dt.date.today())
    namer = Namer(reserved=(*SUMMARY_FILES, INDEX_FILE, *reserved))
    facts: list[PlanFacts] = []
    cpus = available_cpus()
    if jobs and jobs > cpus:  # more workers than CPUs only cost memory (300 took ~10 GB)
        result.notices.append(t("safety.jobs_capped", ui_lang, jobs=jobs, cpus=cpus))
    workers = max(1, min(jobs or cpus, cpus, len(inputs)))
    pool = None
    try:
        with _stop_signals_interrupt():
            if workers > 1:
                pool = _Workers(workers, work, data_dir, inputs, ui_lang)
                if pool.count < workers and pool.start_problem:
                    result.notices.append(t("safety.fewer_workers", ui_lang, started=pool.count,
                                            wanted=workers, reason=pool.start_problem))
                if not pool.count:
                    pool = None
            outcomes = _in_order(pool.results(), len(inputs)) if pool else map(work, inputs)
            if progress:
                progress.start(len(inputs))  # after the workers are forked: no thread runs yet
            for outcome in outcomes:
                with _whole_or_not_at_all():
                    written = _write_person(outcome, out, namer, force, ui_lang)
                    result.files.append(written)
                if outcome.facts is not None:
                    facts.append(outcome.facts)
                if progress:
                    progress.advance(written)
            documents = render_summary(facts, catalog, ui_lang, files=result.total)
            with _whole_or_not_at_all():
                result.summary, result.summary_problems = _write_documents(out, documents, force,
                                                                           ui_lang)
    except KeyboardInterrupt:
        result.interrupted = True
    finally:
        if pool is not None:
            pool.stop()
        if not any(True for _ in _entries(out)):
            remove_made(made)  # nothing was written: no empty --out left behind
    return result


def _entries(folder: Path) -> Iterator[Path]:
    try:
        yield from folder.iterdir()
    except OSError:
        return


def _in_order(arrivals: Iterator[tuple[int, Outcome]], total: int) -> Iterator[Outcome]:
    """Outcomes in input order, whatever order the workers finished them in."""
    early: dict[int, Outcome] = {}
    following = 0
    for index, outcome in arrivals:
        early[index] = outcome
        while following in early:
            yield early.pop(following)
            following += 1
    while following < total and following in early:
        yield early.pop(following)
        following += 1


@contextmanager
def _stop_signals_interrupt() -> Iterator[None]:
    """TERM (`timeout`, a CI cancel) and HUP (a closed terminal) stop the run as Ctrl-C does:
    what was written is kept and reported, the workers are ended."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {}
    for number in STOP_SIGNALS:
        if number != signal.SIGINT and signal.getsignal(number) in (signal.SIG_DFL, None):
            previous[number] = signal.signal(number, _raise_interrupt)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _raise_interrupt(number: int, frame: object) -> None:
    raise KeyboardInterrupt


def _start_method() -> multiprocessing.context.BaseContext | None:
    # Forked workers start with the catalog already loaded; elsewhere (macOS,
    # Windows) fork is unsafe or missing and the platform's default is used.
    return multiprocessing.get_context("fork") if sys.platform == "linux" else None


def _chunk(files: int, workers: int) -> int:
    # Large enough that 1,000 files are a few dozen hand-overs, small enough for a live bar.
    return max(1, min(16, files // (workers * 4)))


def _write_person(outcome: Outcome, out: Path, namer: Namer, force: bool, lang: str) -> FileResult:
    if outcome.facts is None:
        return FileResult(outcome.file, "failed", problems=outcome.problems, readable=outcome.readable)
    name = namer.take(outcome.folder)
    folder = out / name
    if folder.is_symlink():  # it would lead this person's plan out of --out
        refusal = Problem(None, None, None, t("batch.symlink", lang, path=folder))
        return FileResult(outcome.file, "refused", output=name, problems=(refusal,))
    kept = False
    if outcome.history and (force or not would_change(folder, outcome.documents)):
        place = _history_place(folder, outcome.history_day, outcome.history)
        if place is None:
            refusal = Problem(None, None, None, t("batch.symlink", lang, path=folder / HISTORY))
            return FileResult(outcome.file, "refused", output=name, problems=(refusal,))
        status, problems = _write_documents(place, outcome.history, False, lang)
        if status in ("refused", "failed"):
            return FileResult(outcome.file, status, output=name, problems=problems, notice=outcome.notice)
        kept = status == "written"
    status, problems = _write_documents(folder, outcome.documents, force, lang)
    if kept and status == "unchanged":
        status = "written"
    return FileResult(outcome.file, status, output=name, problems=problems, notice=outcome.notice)


HISTORY = "history"  # as `cc-career review` keeps it (commands/review.py)
HISTORY_ANSWERS = "cc-career-answers.yaml"
HISTORY_PROGRESS = "progress.yaml"


def _history_place(folder: Path, day: str, files: dict[str, str]) -> Path | None:
    """history/<day>/ for a check-in's earlier plan, answers and progress file; never over a
    different one: the next free history/<day>-2, -3 … (the rule of commands/review.py). A folder
    that already holds exactly these files is the same check-in run again: it is used as it is,
    so a re-run changes no byte. None when history/ is a link (it would lead out of --out)."""
    root = folder / HISTORY
    if root.is_symlink():
        return None
    place, number = root / day, 1
    while place.is_symlink() or (place.exists()
                                 and not all(holds(place / n, text) for n, text in files.items())):
        number += 1
        place = root / f"{day}-{number}"
    return place


@contextmanager
def _whole_or_not_at_all() -> Iterator[None]:
    """Hold a Ctrl-C (or TERM, HUP) until the folder being written is complete and recorded (a
    few milliseconds), so an interrupted run leaves each person's folder whole or absent, never
    half made, and reports every folder it made."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread receives signals
        return
    pressed: list[int] = []
    previous = {number: signal.signal(number, lambda number, frame: pressed.append(number))
                for number in STOP_SIGNALS}
    try:
        yield
    finally:
        for number, handler in previous.items():
            if handler is None:
                handler = signal.default_int_handler if number == signal.SIGINT else signal.SIG_DFL
            signal.signal(number, handler)
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


def check_report(report: Path, out: Path, inputs: list[Path], force: bool) -> tuple[str, ...]:
    """Before anything is written: the report is an output like the others (never over an
    existing file without --force, never over an input, never over a file of the run). The
    name it takes in `out`, if it is written there, is returned to be kept from every person."""
    where = Path(os.path.realpath(report))
    for path in inputs:
        if os.path.realpath(path) == str(where):
            raise UsageError("safety.report_is_input", path=report)
    home = Path(os.path.realpath(out))
    if where.parent == home and where.name in SUMMARY_FILES:
        raise UsageError("safety.report_is_summary", path=report)
    if home in where.parents and where.parent != home:  # inside a person's folder
        raise UsageError("safety.report_in_person_folder", path=report, out=out)
    if not force and (report.exists() or report.is_symlink()):
        raise RefusedOverwrite("file.exists_path", path=report)
    return (where.name,) if where.parent == home else ()


def write_report(path: Path, result: BatchResult, *, force: bool = False) -> None:
    """The report, written after the run (a failure is kept on the result)."""
    write_late(result, path.parent, path.name, report_json(result), force=force)


def write_late(result: BatchResult, folder: Path, name: str, text: str, *, force: bool) -> bool:
    """A file written after the run: a failure is kept on the result (`late_problems`) so that
    what became of every file is still told, and the exit code says it."""
    try:
        write_all(folder, {name: text}, force=force)
    except CcCareerError as error:
        result.late_problems[folder / name] = error.render(result.lang)
        return False
    return True

