"""The interview answer as files: `interview-answer.md` to read, `interview-answer.txt` to print."""

from __future__ import annotations

from cc_career.catalog import Catalog
from cc_career.errors import UsageError
from cc_career.i18n import t
from cc_career.interview import InterviewAnswer, compose_answer, missing_fields, span
from cc_career.models.plan import Plan
from cc_career.render.environment import render
from cc_career.render.wrap import A4_CELLS, wrap

MD_NAME = "interview-answer.md"
TXT_NAME = "interview-answer.txt"


def render_interview_files(plan: Plan, catalog: Catalog, lang: str | None = None) -> dict[str, str]:
    """Both files for a plan whose answers hold a complete `interview` section (pure and
    deterministic: the same plan gives the same bytes). A missing field is a UsageError
    naming it."""
    lang = lang or plan.lang
    interview = plan.answers.interview
    missing = missing_fields(interview)
    if missing:
        raise UsageError("interview.missing_field", field=f"interview.{missing[0]}")
    return interview_documents(compose_answer(plan, catalog, interview, lang), plan)


def interview_documents(answer: InterviewAnswer, plan: Plan) -> dict[str, str]:
    from cc_career.render.html import INTERVIEW_HTML, render_interview_html

    low, high = answer.band
    band = t("interview.band", answer.lang, seconds=answer.seconds, low=low, high=high)
    return {MD_NAME: interview_markdown(answer, plan), TXT_NAME: interview_text(answer),
            INTERVIEW_HTML: render_interview_html(answer, plan, length_line(answer), band)}


def length_line(answer: InterviewAnswer) -> str:
    """"298字、話して約60秒（目標60秒）" / "131 words, about 60 seconds spoken (…)"."""
    return t("interview.length", answer.lang, length=answer.length, spoken=answer.spoken_seconds,
             seconds=answer.seconds)


def interview_markdown(answer: InterviewAnswer, plan: Plan) -> str:
    low, high = answer.band
    return render(
        "interview",
        answer.lang,
        answer=answer,
        plan=plan,
        length=length_line(answer),
        band=t("interview.band", answer.lang, seconds=answer.seconds, low=low, high=high),
        answer_horizon=span(plan.answers.ideal.horizon_years * 12, answer.lang),
    )


def interview_text(answer: InterviewAnswer, width: int = A4_CELLS) -> str:
    """The printable page: the question on the first line, the answer, and its length and
    speaking time on the last line; wrapped to `width` cells at natural breaks."""
    lines = wrap(answer.question, answer.lang, width)
    for paragraph in answer.paragraphs:
        lines += ["", *wrap(paragraph, answer.lang, width)]
    lines += ["", *wrap(length_line(answer), answer.lang, width)]
    return "\n".join(lines) + "\n"
