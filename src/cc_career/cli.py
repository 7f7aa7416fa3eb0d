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


def _h(ja: str, en: str) -> str:
    """A help text in the help's one language."""
    return ja if HELP_LANG == "ja" else en


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
    help=_h(
        "コールセンター・カスタマーサポートで働く人のキャリアプランづくり。"
        "理想の自分、いまとの差、期限つきの目標を順に考え、キャリアプランと面接の答えを作ります。\n\n"
        "はじめての人は「cc-career plan」から。各コマンドの説明は「cc-career コマンド -h」。",
        "Career planning for call-center and customer-support staff: your ideal self, the gap to "
        "it, dated SMART milestones, and an interview answer.\n\n"
        "New here? Start with `cc-career plan`. Help on one command: `cc-career COMMAND -h`.",
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
paths_app = typer.Typer(
    cls=InOrder,
    help=_h("職種をトラック別に一覧表示します。1つの職種の詳細は「paths show ID」。",
            "List the roles by track; `paths show ID` gives one role in detail."),
    short_help=_h("キャリアパスを見る", "Browse the career paths"),
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
    typer.Option("--lang", help=_h("表示する言語（既定: 回答ファイルの language、なければ ja）",
                                   "Language (default: the answers file's language, else ja).")),
]
DataDirOption = Annotated[
    Path | None,
    typer.Option(
        "--data-dir",
        metavar="DIR",
        envvar="CC_CAREER_DATA_DIR",
        help=_h("自分のセンターの paths.yaml と skills.yaml があるフォルダー",
                "Folder with your own center's paths.yaml and skills.yaml."),
        file_okay=False,
    ),
]
AnswersOption = Annotated[
    Path | None,
    typer.Option("--answers", metavar="FILE", help=_h(
            "回答ファイル（YAML）",
            "Answers file (YAML) to replay."), dir_okay=True),
]
OutOption = Annotated[
    Path,
    typer.Option("--out", metavar="DIR", help=_h("書き出すフォルダー", "Output folder."), file_okay=False),
]
ForceOption = Annotated[
    bool, typer.Option("--force", help=_h("既存のファイルを確認なしで上書きする",
                                          "Overwrite existing files without asking."))
]
NoInputOption = Annotated[
    bool,
    typer.Option("--no-input", help=_h("何も質問しない（足りない回答はエラー）",
                                       "Never ask (a missing answer is an error).")),
]


def _file_option(flag: str, ja: str, en: str, **checks: bool) -> typer.models.OptionInfo:
    """An option naming one file, with its help in both languages. A file the command reads is
    checked by the command itself (one message with the file's name, exit 2)."""
    return typer.Option(flag, metavar="FILE", help=_h(ja, en), **checks)


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
                     help=_h("版を表示する", "Show the version.")),
    ] = False,
) -> None:
    pass


@app.command(
    help=_h("質問に答えて、キャリアプラン（career-plan.md）を作ります。回答は "
            "cc-career-answers.yaml に保存され、「--answers cc-career-answers.yaml」で質問なしに"
            "作り直せます。途中で Ctrl-C を押しても、次の実行で続きから始められます。",
            "Answer the questions and get your career plan (career-plan.md). The answers are saved "
            "in cc-career-answers.yaml; `--answers cc-career-answers.yaml` makes the plan again "
            "without questions. Ctrl-C keeps what you answered for the next run."),
    short_help=_h("質問に答えてプランを作る", "Answer the questions, get your plan"),
)
def plan(
    answers: AnswersOption = None,
    no_input: NoInputOption = False,
    out: OutOption = Path("."),
    force: ForceOption = False,
    lang: LangOption = None,
    data_dir: DataDirOption = None,
) -> None:
    _dispatch("plan", lang, answers_path=answers, no_input=no_input, out=out, force=force, data_dir=data_dir)


@app.command(
    "interview-answer",
    help=_h("面接で「キャリアプランを教えてください」と聞かれたときの答えを、プランから作ります。"
            "回答ファイル（既定: ./cc-career-answers.yaml）の interview で足りない項目だけを質問し、"
            "interview-answer.md と印刷用の interview-answer.txt を書き出します。",
            "Your answer to \"tell us about your career plan\" in a job interview, built from your "
            "plan. Asks only for the interview details the answers file (default "
            "./cc-career-answers.yaml) lacks, then writes interview-answer.md and a printable "
            "interview-answer.txt."),
    short_help=_h("面接で話す答えを作る", "Your interview answer, from your plan"),
)
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


@app.command(
    help=_h("振り返りの日に、プランの進み具合を確かめます。期日が来た目標ごとに「できた・途中・まだ・"
            "見送る」を答え、スキルを付け直し、KPIと資格、状況の変化を入力すると、"
            "新しいプラン、振り返りレポート review-YYYY-MM-DD.md、前回のプランと回答を残した "
            "history/YYYY-MM-DD/ を書き出します。「--progress FILE --no-input」で進捗ファイルを"
            "質問なしに使えます。",
            "The check-in on a review date: for each milestone due, say done / partly / not yet / "
            "dropped, re-rate your skills, give your KPIs, certificates and what changed; get the "
            "updated plan, a progress report review-YYYY-MM-DD.md, and history/YYYY-MM-DD/ with the "
            "previous plan and answers. `--progress FILE --no-input` replays a progress file."),
    short_help=_h("プランの進み具合を振り返る", "Check in on your plan"),
)
def review(
    out: OutOption = Path("."),
    answers: AnswersOption = None,
    plan_file: Annotated[Path | None, _file_option(
        "--plan", "career-plan.json（既定: --out の中）",
        "career-plan.json (default: the one in --out).")] = None,
    progress: Annotated[Path | None, _file_option(
        "--progress", "進捗ファイル（YAML、cc-career schema progress）",
        "Progress file (YAML, `cc-career schema progress`).")] = None,
    no_input: NoInputOption = False,
    lang: LangOption = None,
    data_dir: DataDirOption = None,
) -> None:
    _dispatch("review", lang, out=out, answers_path=answers, plan_path=plan_file, progress_path=progress,
              no_input=no_input, data_dir=data_dir)


@app.command(
    help=_h("研修生全員の回答ファイルから、1人1フォルダーのプランとコホートサマリーを作ります。"
            "壊れたファイルがあっても残りは書き出し、失敗があれば終了コードは1です。",
            "Plans for a whole cohort from their answers files, one folder each, plus a cohort "
            "summary. A bad file never stops the others; the exit code is 1 when some failed."),
    short_help=_h("研修生全員のプランを作る", "Plans for a whole cohort"),
)
def batch(
    inputs: Annotated[
        list[Path],
        typer.Argument(metavar="FILES_OR_DIRS",
                       help=_h(
            "回答ファイル、またはそれが入ったフォルダー",
            "Answers files or folders of them.")),
    ],
    out: Annotated[
        Path,
        typer.Option("--out", metavar="DIR", help=_h(
            "書き出すフォルダー（1人1フォルダー）",
            "Output folder, one folder per person."),
                     file_okay=False),
    ],
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", metavar="N", min=1, help=_h("同時に処理する数（既定: CPU の数）",
                                                    "Workers (default: the number of CPUs).")),
    ] = None,
    report: Annotated[Path | None, _file_option(
        "--report", "全ファイルの結果を JSON で書く（毎回置き換え）", "Every file's result as JSON.",
        dir_okay=False)] = None,
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


@paths_app.command(
    "show",
    help=_h("1つの職種の詳細: 必要なスキル、前後の移行、給与の目安と出典、役立つ資格。",
            "One role in detail: the skills it needs, the moves in and out, pay with its source, "
            "certifications that help."),
    short_help=_h("1つの職種を詳しく見る", "One role in detail"),
)
def paths_show(
    ctx: typer.Context,
    role_id: Annotated[str, typer.Argument(metavar="ID", help=_h("職種 ID（例: qa）", "Role id, e.g. qa."),
                                           autocompletion=_complete_roles)],
    lang: LangOption = None,
    data_dir: DataDirOption = None,
) -> None:
    parent = ctx.obj or {}
    lang = lang or parent.get("lang")
    with _errors(_lang(lang)):
        from cc_career.commands import browse

        browse.show_role(role_id, _lang(lang), data_dir or parent.get("data_dir"))


@app.command(
    help=_h("スキルの一覧と、レベル1〜4がそれぞれどんな状態かの説明。ID を付けるとそのスキルだけ。",
            "The skills and what each level 1-4 looks like; name skill ids to see only those."),
    short_help=_h("スキルとレベルの意味", "The skills and what each level means"),
)
def skills(
    ids: Annotated[
        list[str] | None,
        typer.Argument(metavar="ID", help=_h(
            "スキル ID（省略するとすべて）",
            "Skill ids (default: all)."),
                       autocompletion=_complete_skills),
    ] = None,
    lang: LangOption = None,
    data_dir: DataDirOption = None,
) -> None:
    with _errors(_lang(lang)):
        from cc_career.commands import browse

        browse.list_skills(_lang(lang), data_dir, only=ids or None)


@app.command(
    help=_h("資格と受け方のルール（前提・必須講習・試験月・受験料・出典）。ID を付けるとその資格だけ。",
            "Certificates and the rules for sitting them (prerequisites, required course, exam months, "
            "fee, source); name an id to see only that one."),
    short_help=_h("資格と受け方のルール", "Certificates and their rules"),
)
def certs(
    certificate_id: Annotated[
        str | None,
        typer.Argument(metavar="[ID]",
                       help=_h("資格 ID（省略すると一覧）", "Certificate id, e.g. moshimoshi.")),
    ] = None,
    lang: LangOption = None,
    data_dir: DataDirOption = None,
) -> None:
    with _errors(_lang(lang)):
        from cc_career.commands import browse

        browse.list_certificates(_lang(lang), data_dir, certificate_id)


@app.command(
    help=_h("データ（paths.yaml・skills.yaml）、回答ファイル、進捗ファイルを検査します。"
            "進捗ファイルは、名前.yaml の横の 名前.progress.yaml と --progress で渡したもので、"
            "横にあるプラン（名前.yaml から作るプラン、または同じフォルダーの career-plan.json）と"
            "照らし合わせます。誤りはすべて「ファイル:行:列: 項目: 内容」で示し、終了コードは2です。",
            "Check the data (paths.yaml, skills.yaml), answers files and progress files. A progress "
            "file (NAME.progress.yaml beside NAME.yaml, or one given with --progress) is checked "
            "against the plan beside it: the plan NAME.yaml makes, or the career-plan.json in its "
            "folder. Every fault is shown as FILE:LINE:COL: field: what is wrong, and the exit code is 2."),
    short_help=_h("データ・回答ファイル・進捗ファイルの検査", "Check the data, answers and progress files"),
)
def validate(
    answers: Annotated[
        list[Path] | None,
        typer.Argument(metavar="ANSWERS", help=_h("確認する回答ファイル・進捗ファイル（名前.progress.yaml）"
                                                  "またはフォルダー",
                                                  "Answers files, progress files (NAME.progress.yaml) or "
                                                  "folders to check.")),
    ] = None,
    progress: Annotated[
        list[Path] | None,
        typer.Option("--progress", metavar="FILE",
                     help=_h("確認する進捗ファイル（名前は自由。何度でも指定できます）",
                             "A progress file to check, whatever its name (may be given more than once).")),
    ] = None,
    lang: LangOption = None,
    data_dir: DataDirOption = None,
) -> None:
    with _errors(_lang(lang)):
        from cc_career.commands import check

        raise typer.Exit(check.validate(answers or [], option_value(lang), data_dir, progress or []))


@app.command(
    help=_h("エディター（YAML の言語サーバーなど）用の JSON Schema を出力します。",
            "Print a JSON Schema for editors (e.g. the YAML language server)."),
    short_help=_h("エディター用の JSON Schema", "JSON Schemas for editors"),
)
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
