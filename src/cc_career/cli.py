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

from cc_career import __version__
from cc_career.errors import EXIT_BAD_INPUT, EXIT_INTERRUPTED, CcCareerError

app = typer.Typer(
    name="cc-career",
    help=(
        "コールセンター・カスタマーサポートで働く人のキャリアプランづくり。\n\n"
        "Career planning for call-center and customer-support staff: "
        "ideal self, gap, SMART milestones, an interview answer."
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
paths_app = typer.Typer(
    help="キャリアパス（職種と移行）を見る / Browse the career paths (roles and moves).",
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
    plan = "plan"


LangOption = Annotated[
    Lang | None,
    typer.Option("--lang", help="表示言語 ja|en（既定: 回答ファイルの language、なければ ja）/ Language."),
]
DataDirOption = Annotated[
    Path | None,
    typer.Option(
        "--data-dir",
        envvar="CC_CAREER_DATA_DIR",
        help="自分のセンターの paths.yaml / skills.yaml があるフォルダー / Folder with your own data.",
        file_okay=False,
    ),
]
AnswersOption = Annotated[
    Path | None,
    typer.Option("--answers", help="回答ファイル（YAML）/ Answers file to replay.", dir_okay=True),
]
OutOption = Annotated[
    Path, typer.Option("--out", help="出力フォルダー / Output folder.", file_okay=False)
]
ForceOption = Annotated[
    bool, typer.Option("--force", help="既存のファイルを上書きする / Overwrite existing files.")
]
NoInputOption = Annotated[
    bool,
    typer.Option("--no-input", help="何も質問しない（足りない回答はエラー）/ Never prompt."),
]


def _lang(option: Lang | None) -> str:
    return option.value if option else "ja"


@contextmanager
def _errors(lang: str) -> Iterator[None]:
    """The one place where errors become a message and an exit code, never a traceback."""
    try:
        yield
    except CcCareerError as error:
        shown = getattr(error, "lang_hint", None) if lang == "auto" else lang
        sys.stderr.write(f"cc-career: {error.render(shown or 'ja')}\n")
        raise typer.Exit(error.exit_code) from None
    except KeyboardInterrupt:
        sys.stderr.write("\ncc-career: interrupted\n")
        raise typer.Exit(EXIT_INTERRUPTED) from None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"cc-career {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="版を表示 / Show the version."),
    ] = False,
) -> None:
    """コールセンターのキャリアプランづくり / Career planning for call-center staff."""


@paths_app.callback()
def paths(
    ctx: typer.Context,
    lang: LangOption = None,
    data_dir: DataDirOption = None,
) -> None:
    """職種をトラック別に一覧表示 / List the roles by track (then `paths show ID`)."""
    if ctx.invoked_subcommand is not None:
        ctx.obj = {"lang": lang, "data_dir": data_dir}
        return
    with _errors(_lang(lang)):
        from cc_career.commands import browse

        browse.list_paths(_lang(lang), data_dir)


@paths_app.command("show")
def paths_show(
    ctx: typer.Context,
    role_id: Annotated[str, typer.Argument(metavar="ID", help="職種 ID / Role id, e.g. qa.")],
    lang: LangOption = None,
    data_dir: DataDirOption = None,
) -> None:
    """1つの職種の詳細（必要スキル、前後の移行、給与、資格）/ One role in detail."""
    parent = ctx.obj or {}
    lang = lang or parent.get("lang")
    with _errors(_lang(lang)):
        from cc_career.commands import browse

        browse.show_role(role_id, _lang(lang), data_dir or parent.get("data_dir"))


@app.command()
def skills(lang: LangOption = None, data_dir: DataDirOption = None) -> None:
    """スキルとレベル（1〜4）の説明 / The skills and what each level means."""
    with _errors(_lang(lang)):
        from cc_career.commands import browse

        browse.list_skills(_lang(lang), data_dir)


@app.command()
def plan(
    answers: AnswersOption = None,
    no_input: NoInputOption = False,
    out: OutOption = Path("."),
    force: ForceOption = False,
    lang: LangOption = None,
    data_dir: DataDirOption = None,
) -> None:
    """質問に答えてキャリアプランを作る / Answer the questions, get career-plan.md."""
    with _errors(lang.value if lang else "auto"):
        from cc_career.commands import plan as plan_command

        plan_command.run(answers_path=answers, no_input=no_input, out=out, force=force,
                         lang=lang.value if lang else None, data_dir=data_dir)


@app.command()
def validate(
    answers: Annotated[
        list[Path] | None,
        typer.Argument(help="確認する回答ファイルまたはフォルダー / Answers files or folders."),
    ] = None,
    lang: LangOption = None,
    data_dir: DataDirOption = None,
) -> None:
    """データと回答ファイルを検査 / Check the data and answers files (exit 2 on a fault)."""
    with _errors(_lang(lang)):
        from cc_career.commands import check

        raise typer.Exit(check.validate(answers or [], lang.value if lang else None, data_dir))


@app.command()
def schema(
    name: Annotated[SchemaName, typer.Argument(help="answers | paths | skills | plan")],
) -> None:
    """エディター用の JSON Schema を出力 / Print a JSON Schema for editors."""
    from cc_career.commands import check

    typer.echo(check.json_schema(name.value))


@app.command("interview-answer")
def interview_answer(
    answers: AnswersOption = None,
    out: OutOption = Path("."),
    force: ForceOption = False,
    no_input: NoInputOption = False,
    lang: LangOption = None,
    data_dir: DataDirOption = None,
) -> None:
    """面接で話すキャリアプランの答えを作る / Your interview answer, built from your plan.

    回答ファイル（既定: ./cc-career-answers.yaml）の interview の足りない項目だけを質問し、
    interview-answer.md と印刷用の interview-answer.txt を書き出します。
    Asks only for the interview details the answers file lacks, then writes
    interview-answer.md and a printable interview-answer.txt."""
    with _errors(lang.value if lang else "auto"):
        from cc_career.commands import interview

        interview.run(answers_path=answers, out=out, force=force, no_input=no_input,
                      lang=lang.value if lang else None, data_dir=data_dir)


@app.command()
def batch(
    inputs: Annotated[
        list[Path],
        typer.Argument(metavar="FILES_OR_DIRS",
                       help="回答ファイルまたはそれが入ったフォルダー / Answers files or folders of them."),
    ],
    out: Annotated[
        Path,
        typer.Option("--out", help="出力フォルダー（1人1フォルダー）/ Output folder, one folder per person.",
                     file_okay=False),
    ],
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, help="同時に処理する数（既定: CPU数）/ Workers (default: CPUs)."),
    ] = None,
    report: Annotated[
        Path | None,
        typer.Option("--report", dir_okay=False,
                     help="全ファイルの結果を JSON で書く（毎回置き換え）/ Every file's status as JSON."),
    ] = None,
    force: ForceOption = False,
    lang: LangOption = None,
    data_dir: DataDirOption = None,
) -> None:
    """研修生全員のプランとコホートサマリーを作る / Plans for a whole cohort, plus a cohort summary.

    1ファイルが壊れていても残りは書き出し、失敗があれば終了コード1 /
    A bad file never stops the others; exit code 1 when some failed.
    """
    with _errors(_lang(lang)):
        from cc_career.commands import batch as batch_command

        raise typer.Exit(batch_command.batch(inputs, out, jobs=jobs, lang=lang.value if lang else None,
                                             data_dir=data_dir, report=report, force=force))


def main() -> None:
    os.environ.setdefault("PYTHONIOENCODING", "utf-8")
    # cc-career uses no pydantic plugins; looking for them reads every installed package's
    # metadata at start-up (an explicit setting still wins).
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    # Importing pydantic and jinja2 allocates a great many objects; with the default thresholds
    # the cycle collector spends ~25 ms scanning them. It stays on, just runs less often.
    gc.set_threshold(50_000, 20, 20)
    try:
        app()
    except KeyboardInterrupt:  # pragma: no cover - outside any command
        raise SystemExit(EXIT_INTERRUPTED) from None


__all__ = ["app", "main", "EXIT_BAD_INPUT"]
