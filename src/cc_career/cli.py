"""The `cc-career` command line: options in, calls to cc_career.commands out.

This module must stay light to import (`cc-career --help` has to feel instant): everything
heavy — yaml, pydantic, rich, questionary, jinja2 — is imported inside the commands.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from typer.core import TyperGroup

from cc_career import __version__, helptext
from cc_career.context import option_value, resolve_lang
from cc_career.errors import CcCareerError, ExitCode

HELP_LANG = helptext.help_language(sys.argv[1:])
# The order a person meets the commands in: make a plan, answer the interview question, come
# back to review it; a trainer's batch; then looking things up and checking files.
COMMAND_ORDER = ("plan", "interview-answer", "review", "batch", "paths", "skills", "certs", "validate",
                 "schema")


def _h(key: str) -> str:
    """A help text in the help's one language: the [help] table of render/locales/*.toml."""
    return helptext.table("help", HELP_LANG)[key]


class InOrder(TyperGroup):
    def list_commands(self, ctx: typer.Context) -> list[str]:
        known = [name for name in COMMAND_ORDER if name in self.commands]
        return known + [name for name in self.commands if name not in known]


def _complete_roles(incomplete: str) -> list[tuple[str, str]]:
    """Tab completion of role ids, each with its name (the data of --data-dir / the env var)."""
    return _complete("roles", incomplete)


def _complete_skills(incomplete: str) -> list[tuple[str, str]]:
    return _complete("skills", incomplete)


def _complete(table: str, incomplete: str) -> list[tuple[str, str]]:
    try:
        from cc_career.files.load import load_catalog

        catalog = load_catalog(os.environ.get("CC_CAREER_DATA_DIR") or None)
    except Exception:  # noqa: BLE001 - a broken data folder must not break the shell
        return []
    items = getattr(catalog, table)
    return [(key, item.name(HELP_LANG)) for key, item in items.items() if key.startswith(incomplete)]


app = typer.Typer(
    name="cc-career",
    cls=InOrder,
    help=_h("app"),
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
paths_app = typer.Typer(
    cls=InOrder,
    help=_h("paths"),
    short_help=_h("paths_short"),
    invoke_without_command=True,
)
app.add_typer(paths_app, name="paths")


class Lang(str, Enum):
    ja = "ja"
    en = "en"


class SchemaName(str, Enum):
    answers = "answers"
    paths = "paths"
    skills = "skills"
    certifications = "certifications"
    plan = "plan"
    progress = "progress"


LangOption = Annotated[
    Lang | None,
    typer.Option("--lang", help=_h("lang")),
]
DataDirOption = Annotated[
    Path | None,
    typer.Option(
        "--data-dir",
        metavar="DIR",
        envvar="CC_CAREER_DATA_DIR",
        help=_h("data_dir"),
        file_okay=False,
    ),
]
AnswersOption = Annotated[
    Path | None,
    typer.Option("--answers", metavar="FILE", help=_h("answers"), dir_okay=True),
]
OutOption = Annotated[
    Path,
    typer.Option("--out", metavar="DIR", help=_h("out"), file_okay=False),
]
ForceOption = Annotated[
    bool, typer.Option("--force", help=_h("force"))
]
NoInputOption = Annotated[
    bool,
    typer.Option("--no-input", help=_h("no_input")),
]


def _command(group: typer.Typer, key: str, name: str | None = None):  # noqa: ANN202 - typer's decorator
    """A command whose help and short help are the [help] table's `key` and `key_short`."""
    return group.command(name, help=_h(key), short_help=_h(f"{key}_short"))


def _file_option(flag: str, help_key: str, *, read: bool = False) -> typer.models.OptionInfo:
    """An option naming one file, with its help (a [help] key). A file the command reads is
    checked by its loader, which names a folder given instead in the one error format
    (FILE: what is wrong); for a file it writes, typer refuses a folder."""
    return typer.Option(flag, metavar="FILE", dir_okay=read, help=_h(help_key))


def _lang(option: Lang | None) -> str:
    return resolve_lang(option_value(option))


@contextmanager
def _errors(lang: str) -> Iterator[None]:
    """The one place where errors become a message and an exit code, never a traceback."""
    try:
        yield
    except CcCareerError as error:
        shown = resolve_lang(None if lang == "auto" else lang, hint=getattr(error, "lang_hint", None))
        _tell_error(f"cc-career: {error.render(shown)}", shown)
        raise typer.Exit(error.exit_code) from None
    except KeyboardInterrupt:
        from cc_career.render.i18n import t

        shown = resolve_lang(None if lang == "auto" else lang)
        _tell_error(f"\ncc-career: {t('screen.interrupted', shown)}", shown)
        raise typer.Exit(ExitCode.INTERRUPTED) from None


def _dispatch(command: str, lang: Lang | None, **options: object) -> None:
    """Run `cc_career.commands.<command>.run` with the options and the chosen language, under the
    one error policy. The command's module is imported only here, so --help stays light."""
    import importlib

    chosen = option_value(lang)
    with _errors(chosen or "auto"):
        importlib.import_module(f"cc_career.commands.{command}").run(lang=chosen, **options)


def _tell_error(message: str, lang: str) -> None:
    """On a terminal, folded at phrase or word boundaries (a path is never broken); to a file
    or a pipe, one line per fault as editors and scripts read them."""
    try:
        if sys.stderr.isatty():
            import shutil

            from cc_career.render.fold import fold

            width = shutil.get_terminal_size((80, 24)).columns - 1
            message = "\n".join("\n".join(fold(line, lang, width) or [""]) for line in message.split("\n"))
        sys.stderr.write(message + "\n")
        sys.stderr.flush()
    except OSError:
        # After a HUP the terminal may be gone: the message is lost, the exit code still says it.
        pass


def _version(value: bool) -> None:
    if value:
        typer.echo(f"cc-career {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True,
                     help=_h("version")),
    ] = False,
) -> None:
    pass


@_command(app, "plan")
def plan(
    answers: AnswersOption = None,
    no_input: NoInputOption = False,
    out: OutOption = Path("."),
    force: ForceOption = False,
    lang: LangOption = None,
    data_dir: DataDirOption = None,
) -> None:
    _dispatch("plan", lang, answers_path=answers, no_input=no_input, out=out, force=force, data_dir=data_dir)


@_command(app, "interview_answer", "interview-answer")
def interview_answer(
    answers: AnswersOption = None,
    out: OutOption = Path("."),
    force: ForceOption = False,
    no_input: NoInputOption = False,
    lang: LangOption = None,
    data_dir: DataDirOption = None,
) -> None:
    _dispatch("interview", lang, answers_path=answers, out=out, force=force, no_input=no_input,
              data_dir=data_dir)


@_command(app, "review")
def review(
    out: OutOption = Path("."),
    answers: AnswersOption = None,
    plan_file: Annotated[Path | None, _file_option("--plan", "review_plan", read=True)] = None,
    progress: Annotated[Path | None, _file_option("--progress", "review_progress", read=True)] = None,
    no_input: NoInputOption = False,
    lang: LangOption = None,
    data_dir: DataDirOption = None,
) -> None:
    _dispatch("review", lang, out=out, answers_path=answers, plan_path=plan_file, progress_path=progress,
              no_input=no_input, data_dir=data_dir)


@_command(app, "batch")
def batch(
    inputs: Annotated[
        list[Path],
        typer.Argument(metavar="FILES_OR_DIRS",
                       help=_h("batch_inputs")),
    ],
    out: Annotated[
        Path,
        typer.Option("--out", metavar="DIR", help=_h("batch_out"),
                     file_okay=False),
    ],
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", metavar="N", min=1, help=_h("batch_jobs")),
    ] = None,
    report: Annotated[Path | None, _file_option("--report", "batch_report")] = None,
    force: ForceOption = False,
    lang: LangOption = None,
    data_dir: DataDirOption = None,
) -> None:
    with _errors(_lang(lang)):
        from cc_career.commands import batch as batch_command

        raise typer.Exit(batch_command.batch(inputs, out, jobs=jobs, lang=option_value(lang),
                                             data_dir=data_dir, report=report, force=force))


@paths_app.callback()
def paths(
    ctx: typer.Context,
    lang: LangOption = None,
    data_dir: DataDirOption = None,
) -> None:
    if ctx.invoked_subcommand is not None:
        ctx.obj = {"lang": lang, "data_dir": data_dir}
        return
    with _errors(_lang(lang)):
        from cc_career.commands import browse

        browse.list_paths(_lang(lang), data_dir)


@_command(paths_app, "paths_show", "show")
def paths_show(
    ctx: typer.Context,
    role_id: Annotated[str, typer.Argument(metavar="ID", help=_h("paths_show_id"),
                                           autocompletion=_complete_roles)],
    lang: LangOption = None,
    data_dir: DataDirOption = None,
) -> None:
    parent = ctx.obj or {}
    lang = lang or parent.get("lang")
    with _errors(_lang(lang)):
        from cc_career.commands import browse

        browse.show_role(role_id, _lang(lang), data_dir or parent.get("data_dir"))


@_command(app, "skills")
def skills(
    ids: Annotated[
        list[str] | None,
        typer.Argument(metavar="ID", help=_h("skills_ids"),
                       autocompletion=_complete_skills),
    ] = None,
    lang: LangOption = None,
    data_dir: DataDirOption = None,
) -> None:
    with _errors(_lang(lang)):
        from cc_career.commands import browse

        browse.list_skills(_lang(lang), data_dir, only=ids or None)


@_command(app, "certs")
def certs(
    certificate_id: Annotated[
        str | None,
        typer.Argument(metavar="[ID]",
                       help=_h("certs_id")),
    ] = None,
    lang: LangOption = None,
    data_dir: DataDirOption = None,
) -> None:
    with _errors(_lang(lang)):
        from cc_career.commands import browse

        browse.list_certificates(_lang(lang), data_dir, certificate_id)


@_command(app, "validate")
def validate(
    answers: Annotated[
        list[Path] | None,
        typer.Argument(metavar="ANSWERS", help=_h("validate_answers")),
    ] = None,
    progress: Annotated[
        list[Path] | None,
        typer.Option("--progress", metavar="FILE", help=_h("validate_progress")),
    ] = None,
    lang: LangOption = None,
    data_dir: DataDirOption = None,
) -> None:
    with _errors(_lang(lang)):
        from cc_career.commands import check

        raise typer.Exit(check.validate(answers or [], option_value(lang), data_dir, progress or []))


@_command(app, "schema")
def schema(
    name: Annotated[SchemaName, typer.Argument(
        metavar="NAME", help="answers | progress | paths | skills | certifications | plan")],
) -> None:
    from cc_career.commands import check

    typer.echo(check.json_schema(name.value))


def main() -> None:
    _stop_signals_interrupt()
    _output_never_raises_on_encoding()
    os.environ.setdefault("PYTHONIOENCODING", "utf-8")
    # cc-career uses no pydantic plugins; looking for them reads every installed package's
    # metadata at start-up (an explicit setting still wins).
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    # Importing pydantic and jinja2 allocates a great many objects; with the default thresholds
    # the cycle collector spends ~25 ms scanning them. It stays on, just runs less often.
    gc.set_threshold(50_000, 20, 20)
    helptext.localize(HELP_LANG)
    command = typer.main.get_command(app)
    helptext.localize_params(command, HELP_LANG)
    try:
        command(prog_name="cc-career")
    except KeyboardInterrupt:  # pragma: no cover - outside any command
        raise SystemExit(ExitCode.INTERRUPTED) from None
    except SystemExit as done:
        _flush_output()
        raise SystemExit(done.code) from None
    except OSError as error:
        if not _is_output_error(error):
            raise
        _output_failed(error)
    _flush_output()


def _stop_signals_interrupt() -> None:
    """TERM (`timeout`, a CI cancel, a shutdown) and HUP (a closed terminal) stop a run the way
    Ctrl-C does: the questionnaire keeps its draft, a batch its report, no temp file stays."""
    import signal

    def interrupt(number: int, frame: object) -> None:
        raise KeyboardInterrupt

    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None and signal.getsignal(number) is signal.SIG_DFL:
            signal.signal(number, interrupt)


def _output_never_raises_on_encoding() -> None:
    """Text the terminal's encoding cannot show (Japanese under PYTHONIOENCODING=ascii, a file
    name in no valid encoding) is shown as \\u escapes instead of ending the run."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):
                pass


def _is_output_error(error: OSError) -> bool:
    import errno

    return error.filename is None and error.errno in (errno.ENOSPC, errno.EPIPE, errno.EIO,
                                                      errno.EBADF, errno.EDQUOT, errno.EFBIG)


def _flush_output() -> None:
    try:
        sys.stdout.flush()
    except OSError as error:
        _output_failed(error)


def _output_failed(error: OSError) -> None:
    """Standard output is full (`> /dev/full`, a full disk) or closed (`| head`): say so once
    on stderr, exit 2 (EPIPE: quietly, as `cat` does), and drop what cannot be written so the
    interpreter's own last flush does not fail again."""
    import errno

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
    if error.errno != errno.EPIPE:
        try:
            sys.stderr.write(f"cc-career: the output could not be written ({error.strerror})\n")
            sys.stderr.flush()
        except OSError:
            pass
    raise SystemExit(ExitCode.BAD_INPUT)


__all__ = ["app", "main"]
