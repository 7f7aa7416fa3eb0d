"""The interactive check-in of `cc-career review`: where the person stands, then for each
milestone due (and the next few) done / partly / not yet / dropped, the skills of the current
step re-rated (showing the last rating), KPIs and certificates, and what changed. Ctrl-C keeps
a draft (.cc-career-review-draft.yaml) that the next run offers to resume."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cc_career.core.kpi import is_seconds
from cc_career.core.models.answers import Answers
from cc_career.core.models.catalog import Catalog
from cc_career.core.models.plan_file import MilestonePart, PlanFile
from cc_career.core.models.progress import DROP_REASONS, STATUSES, Progress
from cc_career.core.plan.review import to_ask
from cc_career.errors import Interrupted
from cc_career.questionnaire.plan import PlanQuestions, _number, _percent, _split_list
from cc_career.questionnaire.prompts import Asker, confirm, keeping_draft, select
from cc_career.render.formats import format_day, kpi_figure
from cc_career.render.i18n import t
from cc_career.render.review_md import milestone_label

if TYPE_CHECKING:
    from rich.console import Console

DRAFT_NAME = ".cc-career-review-draft.yaml"
CHANGES = ("role", "employer", "employment", "target_role", "health")


def ask_review(previous: PlanFile, answers: Answers, catalog: Catalog, out: Path, lang: str,
               today: dt.date, console: Console) -> Progress:
    from cc_career.questionnaire.prompts import drop_draft, load_draft, stopping

    prefill: dict[str, Any] = {}
    asked: list[str] = []
    draft = load_draft(out, DRAFT_NAME)
    if draft and draft[0].get("today") == today.isoformat():
        with stopping(lang):  # Ctrl-C at "carry on?": the one interruption, the draft left as it is
            if confirm(t("review.resume", lang, path=out / DRAFT_NAME), default=True, lang=lang):
                prefill, asked = draft
    prefill["today"] = today.isoformat()
    asker = Asker(lang, prefill, asked=asked)
    try:
        with keeping_draft(out, asker, DRAFT_NAME):
            CheckIn(asker, previous, answers, catalog, console, today).run()
    except Interrupted as stop:
        if stop.key == "prompt.interrupted":  # "run … review again", not "plan"
            stop.key = "review.interrupted"
        raise
    data = dict(asker.answers)
    data["today"] = today
    progress = Progress.model_validate(data)
    drop_draft(out, DRAFT_NAME)
    return progress


class CheckIn(PlanQuestions):
    def __init__(self, asker: Asker, previous: PlanFile, answers: Answers, catalog: Catalog, console: Any,
                 today: dt.date) -> None:
        super().__init__(asker, catalog, console)
        self.previous = previous
        self.answers = answers
        self.today = today
        self.roles = {s.step: s.to for s in previous.route}

    def label(self, m: MilestonePart) -> str:
        return milestone_label(m, self.catalog, self.lang, self.roles.get(m.step))

    def day(self, value: dt.date) -> str:
        return format_day(value, self.lang)

    def run(self) -> None:
        self.where_you_stand_today()
        self.milestones()
        self.skills()
        self.kpis_now()
        self.certificates()
        self.changes()

    # ---- where the person stands ----------------------------------------------------------------

    def where_you_stand_today(self) -> None:
        a, today = self.ask, self.today
        self.say("\n" + a.tr("review.q_heading", date=self.day(today), made=self.day(self.previous.made_on)),
                 style="bold")
        overdue = [m for m in self.previous.milestones if m.due < today]
        due = [m for m in self.previous.milestones if m.due == today]
        coming = [m for m in self.previous.milestones if m.due > today][:3]
        for key, items in (("review.q_overdue", overdue), ("review.q_due", due), ("review.q_coming", coming)):
            if items:
                self.say(a.tr(key, count=len(items)))
                for m in items:
                    self.say(a.tr("review.q_item", date=self.day(m.due), milestone=self.label(m)), indent=2)
        if not overdue and not due and not coming:
            self.say(a.tr("review.q_nothing_due"))

    # ---- milestone by milestone -------------------------------------------------------------------

    def milestones(self) -> None:
        a = self.ask
        checks: dict[str, Any] = a.answers.setdefault("milestones", {})
        ask = to_ask(self.previous, self.today)
        if ask:
            self.heading("review.q_milestones_heading")
        for m in ask:
            if m.id in checks:  # resumed: answered before Ctrl-C
                continue
            a.show_banner()
            status = select(a.tr("review.q_status", milestone=self.label(m), date=self.day(m.due)),
                            [(s, a.tr(f"review.choice_{s}")) for s in STATUSES],
                            "not_yet" if m.due <= self.today else "not_yet", self.lang)
            entry: dict[str, Any] = {"status": status}
            if status == "dropped":
                entry["reason"] = select(a.tr("review.q_reason"),
                                         [(r, a.tr(f"review.reason_{r}")) for r in DROP_REASONS],
                                         "no_time", self.lang)
            if status == "done":
                entry["on"] = self.done_on(m)
            checks[m.id] = entry
            a.asked.add(f"milestones/{m.id}")

    def done_on(self, m: MilestonePart) -> str:
        a = self.ask
        default = min(m.due, self.today).isoformat()

        def check(raw: str) -> str | None:
            try:
                day = dt.date.fromisoformat(raw or default)
            except ValueError:
                return a.tr("review.bad_date")
            if not self.previous.made_on - dt.timedelta(days=366) <= day <= self.today:
                return a.tr("review.bad_date_range", today=self.day(self.today))
            return None

        import questionary

        from cc_career.questionnaire.prompts import question_text

        raw = questionary.text(question_text(a.tr("review.q_done_on"), " " * 12, self.lang), default=default,
                               validate=lambda raw: check(raw.strip()) or True).unsafe_ask()
        return raw.strip() or default

    # ---- skills, KPIs, certificates ---------------------------------------------------------------

    def step_skills(self) -> list[str]:
        """The skills of the current step: what its target role asks for, and every skill a
        milestone of the step works on; in the data's order."""
        first = self.previous.route[0] if self.previous.route else None
        wanted: set[str] = set()
        if first is not None and first.to in self.catalog.roles:
            wanted |= set(self.catalog.roles[first.to].skills)
        wanted |= {m.skill for m in self.previous.milestones if m.skill and m.step <= 1}
        return [s for s in self.catalog.skills if s in wanted]

    def skills(self) -> None:
        a = self.ask
        skills = self.step_skills()
        if not skills:
            return
        self.heading("review.q_skills_heading")
        for skill_id in skills:
            path = f"skills.{skill_id}"
            if path in a.asked:
                continue
            skill = self.catalog.skills[skill_id]
            last = self.previous.skills.get(skill_id)
            choices = [(0, a.tr("prompt.rate_zero"))] + [
                (level, a.tr("prompt.rate_level", level=level, name=a.tr(f"level.{level}"),
                             descriptor=skill.levels[level](self.lang)))
                for level in range(1, 5)]
            answered = {0: a.tr("prompt.rate_zero")} | {
                level: f"{level} {a.tr(f'level.{level}')}" for level in range(1, 5)}
            shown_last = a.tr("review.last_assumed" if last and last.source == "assumed" else "review.last",
                              level=last.level) if last else a.tr("review.last_none")
            a.select(path, a.tr("review.q_rate", skill=skill.name(self.lang), last=shown_last), choices,
                     default=last.level if last else 0, answered=answered)
            if last is not None and a.get(path) == last.level and last.source != "assumed":
                a.put(path, None)  # unchanged: the file records only what moved
                a.asked.add(path)

    def kpis_now(self) -> None:
        a = self.ask
        before = self.answers.current.kpis
        self.heading("review.q_kpis_heading")
        fields = (("aht_seconds", "prompt.aht", self.number(1, 7200, whole=True, optional=True),
                   lambda s: _number(s) if s else None),
                  ("fcr_rate", "prompt.fcr", self.percent, _percent),
                  ("csat", "prompt.csat", self.percent, _percent))
        for name, key, check, convert in fields:
            path = f"kpis.{name}"
            if path in a.asked:
                continue
            now = getattr(before, name)
            figure = None if now is None else kpi_figure(name, now)
            shown = a.tr("review.unknown") if figure is None else (
                a.tr("review.seconds", value=figure) if is_seconds(name) else figure)
            a.text(path, a.tr("review.q_kpi", question=a.tr(key), last=shown), check=check,
                   convert=lambda raw, convert=convert: convert(raw) if raw else None)

    def certificates(self) -> None:
        a = self.ask
        if "certifications" in a.asked:
            return
        a.text("certifications", a.tr("review.q_certificates"), check=self.certifications,
               convert=lambda raw: _split_list(raw) or None)

    # ---- what changed -----------------------------------------------------------------------------

    def changes(self) -> None:
        a = self.ask
        if "changes" in a.asked:
            return
        self.heading("review.q_changes_heading")
        picked = a.checkbox("changes_picked", a.tr("review.q_changes"),
                            [(c, a.tr(f"review.change_choice_{c}")) for c in CHANGES])
        a.put("changes_picked", None)
        changes: dict[str, Any] = {}
        roles = [(r, role.name(self.lang)) for r, role in self.catalog.roles.items()]
        current = self.answers.current
        if "role" in picked:
            changes["role"] = select(a.tr("review.q_new_role"), roles, current.role, self.lang)
        if "employer" in picked:
            changes["employer"] = True
        if "employment" in picked:
            kinds = [(k, a.tr(f"employment.{k}")) for k in ("dispatch", "contract", "part_time", "full_time")]
            changes["employment"] = select(a.tr("review.q_new_employment"), kinds, current.employment,
                                           self.lang)
        if "target_role" in picked:
            changes["target_role"] = select(a.tr("review.q_new_target"), roles,
                                            self.answers.ideal.target_role or current.role, self.lang)
        if "health" in picked:
            changes["health"] = {
                "sleep_trouble": confirm(a.tr("prompt.sleep"), default=False, lang=self.lang),
                "physical_symptoms": confirm(a.tr("prompt.physical"), default=False, lang=self.lang)}
        a.answers["changes"] = changes
        a.asked.add("changes")
