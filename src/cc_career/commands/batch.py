"""`cc-career batch`: a cohort's answers files → one plan each, a report and a cohort summary."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from cc_career.answers import expand_inputs
from cc_career.batch import (
    BatchResult,
    FileResult,
    Progress,
    check_report,
    ordered_inputs,
    run_batch,
    shown,
    write_report,
)
from cc_career.errors import EXIT_INTERRUPTED, InputError, UsageError
from cc_career.i18n import t
from cc_career.render.cohort import SUMMARY_FILES

REFUSED_SHOWN = 10


def batch(items: list[Path], out: Path, *, jobs: int | None, lang: str | None,
          data_dir: Path | None, report: Path | None, force: bool) -> int:
    """Run the batch and say what became of every file; the exit code says whether all did."""
    ui_lang = lang or "ja"
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
    _tell(result, report, ui_lang)
    return EXIT_INTERRUPTED if result.interrupted else result.exit_code


def _tell(result: BatchResult, report: Path | None, lang: str) -> None:
    counts = {status: result.count(status) for status in ("written", "unchanged", "failed", "refused")}
    for notice in result.notices:
        sys.stderr.write(f"cc-career: {notice}\n")
    for entry in result.files:
        if entry.notice:
            sys.stderr.write(f"{entry.file}: {entry.notice}\n")
    if result.interrupted:
        sys.stderr.write(t("batch.interrupted", lang, total=result.total, done=len(result.files),
                           **counts) + "\n")
    else:
        print(t("batch.done", lang, out=shown(result.out), **counts))
    entries = list(result.files)
    if result.summary_problems:
        entries.append(FileResult(shown(result.out / SUMMARY_FILES[0]), result.summary or "failed",
                                  problems=result.summary_problems))
    _list(t("batch.failed_title", lang), [f for f in entries if f.status == "failed"])
    refused = [f for f in entries if f.status == "refused"]
    # A changed template refuses every plan of a re-run: the first few say enough.
    _list(t("batch.refused_title", lang), refused[:REFUSED_SHOWN])
    if len(refused) > REFUSED_SHOWN:
        sys.stderr.write("  " + t("batch.more", lang, count=len(refused) - REFUSED_SHOWN) + "\n")
    if result.summary in ("written", "unchanged"):
        key = "batch.summary" if result.summary == "written" else "batch.summary_unchanged"
        print(t(key, lang, md=shown(result.out / SUMMARY_FILES[0]), csv=shown(result.out / SUMMARY_FILES[1])))
    if result.report_problem:
        sys.stderr.write(f"cc-career: {result.report_problem}\n")
    elif report is not None:
        print(t("batch.report", lang, path=shown(report)))


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
