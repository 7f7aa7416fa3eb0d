"""`cc-career batch`: a cohort's answers files → one plan each, a report and a cohort summary."""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from cc_career.batch import (
    INDEX_FILE,
    BatchResult,
    FileResult,
    Progress,
    check_report,
    ordered_inputs,
    run_batch,
    shown,
    write_late,
    write_report,
)
from cc_career.context import resolve_lang
from cc_career.errors import ExitCode, InputError, UsageError
from cc_career.files.load import expand_inputs
from cc_career.render.cohort import SUMMARY_FILES
from cc_career.render.i18n import t

REFUSED_SHOWN = 10


def batch(items: list[Path], out: Path, *, jobs: int | None, lang: str | None,
          data_dir: Path | None, report: Path | None, force: bool) -> int:
    """Run the batch and say what became of every file; the exit code says whether all did."""
    ui_lang = resolve_lang(lang)
    for item in items:
        if not item.exists():
            raise InputError(item, "file.missing")
    if report is not None and report.is_dir():
        raise UsageError("batch.report_is_folder", path=report)
    files = expand_inputs(items)
    if not files:
        raise UsageError("batch.no_files", paths=", ".join(map(str, items)))
    reserved = check_report(report, out, ordered_inputs(files), force) if report is not None else ()
    with _progress_bar(ui_lang) as progress:
        result = run_batch(files, out, jobs=jobs, lang=lang, data_dir=data_dir, force=force,
                           progress=progress, reserved=reserved)
    if report is not None:
        write_report(report, result, force=force)
    if result.files and not result.interrupted:
        write_index(result, ui_lang)
    _tell(result, report, ui_lang)
    return ExitCode.INTERRUPTED if result.interrupted else result.exit_code


def _tell(result: BatchResult, report: Path | None, lang: str, terminal: bool | None = None) -> None:
    """The end screen: what went wrong, file by file (a table on a terminal, `file:line:col:
    field: reason` lines for scripts and editors), then where everything is, the counts last —
    the line a trainer reads first must not scroll away above the failures."""
    terminal = sys.stderr.isatty() if terminal is None else terminal
    counts = {status: result.count(status) for status in ("written", "unchanged", "failed", "refused")}
    for notice in result.notices:
        sys.stderr.write(f"cc-career: {notice}\n")
    for entry in result.files:
        if entry.notice:
            sys.stderr.write(f"{entry.file}: {entry.notice}\n")
    entries = list(result.files)
    if result.summary_problems:
        entries.append(FileResult(shown(result.out / SUMMARY_FILES[0]), result.summary or "failed",
                                  problems=result.summary_problems))
    failed = [f for f in entries if f.status == "failed"]
    failed.sort(key=lambda f: f.readable)  # the files that could not be read at all come first
    refused = [f for f in entries if f.status == "refused"]
    if terminal and failed:
        failure_table(failed, lang)
    else:
        _list(t("batch.failed_title", lang), failed)
    # A changed template refuses every plan of a re-run: the first few say enough.
    _list(t("batch.refused_title", lang), refused[:REFUSED_SHOWN])
    if len(refused) > REFUSED_SHOWN:
        sys.stderr.write("  " + t("batch.more", lang, count=len(refused) - REFUSED_SHOWN) + "\n")
    sys.stderr.flush()
    if result.summary in ("written", "unchanged"):
        key = "batch.summary" if result.summary == "written" else "batch.summary_unchanged"
        md, csv, html = (shown(result.out / name) for name in SUMMARY_FILES)
        _say(lang, t(key, lang, md=md, csv=csv, html=html))
    if (result.out / INDEX_FILE).is_file():
        _say(lang, t("screen.batch_index", lang, path=shown(result.out / INDEX_FILE)))
    for problem in result.late_problems.values():
        sys.stderr.write(f"cc-career: {problem}\n")
    if report is not None and report not in result.late_problems:
        _say(lang, t("batch.report", lang, path=shown(report)))
    if result.interrupted:
        sys.stderr.write(t("batch.interrupted", lang, total=result.total, done=len(result.files),
                           **counts) + "\n")
        return
    _say(lang, t("batch.done", lang, out=shown(result.out), **counts))
    unread = sum(1 for f in failed if not f.readable)
    if failed:
        _say(lang, t("screen.batch_failed_kinds", lang, unread=unread, unplanned=len(failed) - unread))


def _say(lang: str, text: str) -> None:
    """A line of the end screen; on a terminal folded at phrase or word boundaries."""
    if sys.stdout.isatty():
        import shutil

        from cc_career.render.fold import fold

        text = "\n".join(fold(text, lang, shutil.get_terminal_size((80, 24)).columns - 1))
    print(text, flush=True)


def failure_table(failed: list[FileResult], lang: str) -> None:
    """One row per fault: file, line:col, what is wrong — folded to the terminal, never cut."""
    from rich.console import Console
    from rich.table import Table

    from cc_career.render.fold import Folded

    table = Table(title=t("batch.failed_title", lang).rstrip(":："), show_lines=True,
                  title_justify="left")
    table.add_column(t("screen.col_file", lang))
    table.add_column(t("screen.col_where", lang), no_wrap=True)
    table.add_column(t("screen.col_reason", lang))
    for entry in failed:
        kind = t("screen.unread" if not entry.readable else "screen.unplanned", lang)
        for number, problem in enumerate(entry.problems):
            where = "" if problem.line is None else f"{problem.line}:{problem.column}"
            reason = f"{problem.field}: {problem.message}" if problem.field else problem.message
            file_cell = Folded([entry.file, (kind, "dim")], lang) if number == 0 else ""
            table.add_row(file_cell, where, Folded([reason], lang))
    Console(stderr=True, highlight=False).print(table)


def _list(title: str, entries: list[FileResult]) -> None:
    """`file:line:col: field: reason`, one line per fault, as compilers and `validate` print them."""
    if not entries:
        return
    sys.stderr.write(title + "\n")
    for entry in entries:
        for problem in entry.problems:
            where = entry.file if problem.line is None else f"{entry.file}:{problem.line}:{problem.column}"
            field = f"{problem.field}: " if problem.field else ""
            sys.stderr.write(f"  {where}: {field}{problem.message}\n")


def write_index(result: BatchResult, lang: str) -> None:
    """`index.csv` in the output folder: which answers file made which folder, or why none
    (replaced on each run, like the report; a BOM so that Excel reads it as UTF-8)."""
    from cc_career.render.text import csv_cell

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([t(f"screen.index_{column}", lang) for column in ("file", "status", "folder", "problem")])
    for entry in result.files:
        first = entry.problems[0] if entry.problems else None
        problem = ""
        if first is not None:
            where = "" if first.line is None else f"{first.line}:{first.column}: "
            problem = where + (f"{first.field}: " if first.field else "") + first.message
        # what the file gave, not what this run did: a re-run writes the very same index
        status = {"written": "planned", "unchanged": "planned"}.get(entry.status, entry.status)
        status = "unreadable" if status == "failed" and not entry.readable else status
        writer.writerow([csv_cell(entry.file), t(f"screen.status_{status}", lang),
                         csv_cell(entry.output or ""), csv_cell(problem)])
    write_late(result, result.out, INDEX_FILE, "\ufeff" + buffer.getvalue(), force=True)


@contextmanager
def _progress_bar(lang: str) -> Iterator[Progress | None]:
    """A live bar on a terminal; nothing at all when the output goes to a file or a pipe."""
    if not sys.stdout.isatty():
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
    from rich.progress import Progress as RichProgress

    bar = RichProgress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                       TimeRemainingColumn(), transient=True)

    class Live:
        task = None

        def start(self, total: int) -> None:
            self.task = bar.add_task(t("batch.progress", lang), total=total)
            bar.start()

        def advance(self, result: FileResult) -> None:
            bar.advance(self.task)

    try:
        yield Live()
    finally:
        bar.stop()
