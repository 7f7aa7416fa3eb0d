"""Certificates in the plan: which grade a role calls for, and the dated steps to sit it in
the first real sitting after its prerequisites, its course and its study time (pure)."""

from __future__ import annotations

import calendar
import datetime as dt
import unicodedata
from dataclasses import dataclass
from typing import Literal

from dateutil.relativedelta import relativedelta

from cc_career.core.models.catalog import Role, Text
from cc_career.core.models.certificates import Certificate, DayRule, Grade, Sitting
from cc_career.core.models.plan import CertificationGap, Day, Milestone, Month, Phrase

# Where an issuer does not say when results come, the next grade waits this long after the
# exam, and no milestone claims a pass.
UNKNOWN_RESULT_WEEKS = 8
SEARCH_MONTHS = 48  # sittings further out than this are not looked for
_WEEKDAY = {"first_wednesday": (2, 1), "first_sunday": (6, 1), "second_sunday": (6, 2),
            "third_sunday": (6, 3), "fourth_sunday": (6, 4)}


StepKind = Literal["course", "application", "certification", "result", "registration"]


@dataclass(frozen=True)
class CertificateStep:
    """One dated thing to do on the way to a certificate."""

    kind: StepKind  # certification: sit the exam
    date: dt.date
    certificate: Certificate
    grade: Grade
    part: Text | None = None  # which of the separately sat exams (LPIC-1: 101, 102)
    window: tuple[dt.date, dt.date] | None = None  # the sitting's possible days, when fixed
    result: dt.date | None = None  # when the result is out; None: the issuer does not say

    @property
    def ref(self) -> str:
        return f"{self.certificate.id}.{self.grade.id}"


# ----------------------------------------------------------------------------- what is held


def _squash(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).lower().split())


def held_grades(certificates: dict[str, Certificate], written: list[str]) -> set[str]:
    """The grades a person holds, from the certificates they wrote down in their own words
    ("もしもし検定2級", "コンタクトセンター検定 スーパーバイザー資格"), with everything a held
    grade required (holding 2級 means 3級 was passed, or waived)."""
    held: set[str] = set()
    for text in map(_squash, written):
        for cert in certificates.values():
            names = [cert.name.ja, cert.name.en, *cert.aliases]
            if not any(_squash(n) in text for n in names if _squash(n)):
                continue
            if len(cert.grades) == 1:
                held.add(f"{cert.id}.{cert.grades[0].id}")
                continue
            best: tuple[int, str] | None = None
            for grade in cert.grades:
                for alias in (grade.name.ja, grade.name.en, *grade.aliases):
                    if _squash(alias) and _squash(alias) in text and (best is None or len(alias) > best[0]):
                        best = (len(alias), grade.id)
            if best:
                held.add(f"{cert.id}.{best[1]}")
    return _with_prerequisites(certificates, held)


def _with_prerequisites(certificates: dict[str, Certificate], refs: set[str]) -> set[str]:
    found, queue = set(refs), list(refs)
    while queue:
        grade = _grade(certificates, queue.pop())
        for other in grade.requires:
            if other not in found:
                found.add(other)
                queue.append(other)
    return found


def _grade(certificates: dict[str, Certificate], ref: str) -> Grade:
    cert_id, grade_id = ref.split(".", 1)
    return certificates[cert_id].grade(grade_id)


def next_grade(certificates: dict[str, Certificate], ref: str) -> str | None:
    """The grade that builds on `ref` (holders of 3級 are offered 2級), if the issuer has one."""
    cert = certificates[ref.split(".", 1)[0]]
    return next((f"{cert.id}.{g.id}" for g in cert.grades if ref in g.requires), None)


def to_recommend(certificates: dict[str, Certificate], ref: str, held: set[str]) -> str | None:
    """What to offer for a grade a role asks for: the grade itself, or, where the person holds
    it already, the next grade; nothing when they hold that too."""
    while ref in held:
        following = next_grade(certificates, ref)
        if following is None:
            return None
        ref = following
    return ref


def full_name(certificate: Certificate, grade: Grade) -> Text:
    if len(certificate.grades) == 1:
        return certificate.name
    gap = "" if certificate.name.ja.endswith("）") else " "  # 「…（もしもし検定）2級」
    return Text(ja=f"{certificate.name.ja}{gap}{grade.name.ja}", en=f"{certificate.name.en}: {grade.name.en}")


def recommendations(certificates: dict[str, Certificate], roles: tuple[Role, ...],
                    written: list[str]) -> list[CertificationGap]:
    """The certificates the route's roles call for that the person does not hold yet, each at
    the grade to aim for next, with the role it helps in (first role that asks, first)."""
    held = held_grades(certificates, written)
    gaps, seen = [], set()
    for role in roles:
        for wanted in role.certifications:
            ref = to_recommend(certificates, wanted, held)
            if ref is None or ref in seen:
                continue
            seen.add(ref)
            cert_id, grade_id = ref.split(".", 1)
            cert = certificates[cert_id]
            gaps.append(CertificationGap(
                name=full_name(cert, cert.grade(grade_id)), issuer=cert.issuer, role=role, ref=ref,
                holds=full_name(cert, cert.grade(wanted.split(".", 1)[1])) if ref != wanted else None,
            ))
    return gaps


# ----------------------------------------------------------------------------- when to sit


def sitting_days(sitting: Sitting, month: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day a fixed sitting in `month` can fall on (the same day when the
    issuer names it, the whole month when it does not)."""
    rule: DayRule = sitting.on_by_month.get(month.month, sitting.on)
    first = month.replace(day=1)
    if rule == "unknown":
        last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
        return first, last
    weekday, nth = _WEEKDAY[rule]
    day = first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    return day, day


def next_sitting(sitting: Sitting, ready: dt.date, apply_from: dt.date) -> tuple[dt.date, dt.date]:
    """The first fixed sitting on or after `ready` whose application is still open on
    `apply_from` (the day the person starts)."""
    month = ready.replace(day=1)
    for _ in range(SEARCH_MONTHS):
        if month.month in sitting.months:
            first, last = sitting_days(sitting, month)
            closes = first - dt.timedelta(weeks=sitting.apply_weeks_before or 0)
            if first >= ready and closes >= apply_from:
                return first, last
        month += relativedelta(months=1)
    raise ValueError("no sitting within four years")  # months are validated to exist: not reached


def schedule(certificates: dict[str, Certificate], ref: str, held: set[str],
             earliest: dt.date) -> list[CertificateStep]:
    """Every dated step to reach `ref` from `earliest`: first the prerequisites the person
    does not hold (each in its own first real sitting), then the grade itself."""
    steps: list[CertificateStep] = []
    free_from: dict[str, dt.date] = {}  # when each planned grade's result is in hand

    def plan(target: str) -> dt.date:
        if target in free_from:
            return free_from[target]
        grade = _grade(certificates, target)
        start = earliest
        for other in grade.requires:
            if other not in held:
                start = max(start, plan(other))
        mine, done = _grade_steps(certificates[target.split(".", 1)[0]], grade, start)
        steps.extend(mine)
        free_from[target] = done
        return done

    plan(ref)
    return steps


def _grade_steps(cert: Certificate, grade: Grade, start: dt.date) -> tuple[list[CertificateStep], dt.date]:
    """The steps for one grade started on `start`, and the day its result is in hand."""
    steps: list[CertificateStep] = []
    course_done = start + relativedelta(months=grade.course.months) if grade.course else start
    ready = max(course_done, start + relativedelta(months=grade.study_months))
    sitting = grade.sitting
    if grade.course:
        steps.append(CertificateStep("course", course_done, cert, grade))
    parts = grade.parts or [None]
    done = ready
    for number, part in enumerate(parts, start=1):
        if sitting.mode == "cbt":
            # Separately sat parts: the study time is shared out, one exam after the other.
            day = start + relativedelta(months=max(1, round(grade.study_months * number / len(parts))))
            day = max(day, course_done) if number == len(parts) else day
            window = None
            first = last = day
        else:
            first, last = next_sitting(sitting, max(ready, done), start)
            window = (first, last)
            if sitting.apply_weeks_before:
                closes = first - dt.timedelta(weeks=sitting.apply_weeks_before)
                steps.append(CertificateStep("application", closes, cert, grade, part, window))
        result = None if sitting.result_weeks is None else last + dt.timedelta(weeks=sitting.result_weeks)
        steps.append(CertificateStep("certification", first, cert, grade, part, window, result))
        if result is not None and result > first:
            steps.append(CertificateStep("result", result, cert, grade, part, window, result))
        done = result or last + dt.timedelta(weeks=UNKNOWN_RESULT_WEEKS)
    if grade.registration and steps[-1].result is not None:
        steps.append(CertificateStep("registration", done + relativedelta(months=1), cert, grade))
    return steps, done


# ----------------------------------------------------------------------------- as milestones


def milestones(certificates: dict[str, Certificate], gap: CertificationGap, written: list[str],
               earliest: dt.date, latest: dt.date, step: int) -> list[Milestone]:
    """The dated milestones for one recommended certificate, prerequisites first, that fall
    within the window. Where a grade's first real sitting comes after it, its course and
    application still count (the application names that sitting), and grades that build on
    it wait for a later review; the certificate list still names them."""
    held = held_grades(certificates, written)
    steps = schedule(certificates, gap.ref, held, earliest)
    late = {s.ref for s in steps if s.kind == "certification" and s.date > latest}
    kept = [s for s in steps if s.date <= latest and not _needs_any(certificates, s.ref, late)]
    return [_milestone(s, step) for s in kept]


def _needs_any(certificates: dict[str, Certificate], ref: str, refs: set[str]) -> bool:
    return bool(_with_prerequisites(certificates, {ref}) & (refs - {ref}))


def _milestone(item: CertificateStep, step: int) -> Milestone:
    name = full_name(item.certificate, item.grade)
    params: dict[str, object] = {
        "cert": Phrase("certs.with_part", {"cert": name, "part": item.part}) if item.part else name,
        "part": item.part or "", "date": Day(item.date), "result": Day(item.result) if item.result else "",
        "sitting": _sitting(item)}
    if item.kind == "course":
        course = item.grade.course
        assert course is not None
        params.update(course=course.name, hours=course.hours)
    if item.kind == "application":
        params["weeks"] = item.grade.sitting.apply_weeks_before
    do_key, check_key = _keys(item)
    if item.kind == "registration" and item.grade.registration:
        action = Phrase("phrase.registration", {"cert": name, "registration": item.grade.registration})
    else:
        action = Phrase(do_key, params)
    kind = "certificate" if item.kind == "certification" else item.kind
    part = f"-{item.part.en.lower().replace(' ', '_')}" if item.part else ""
    # stable: the step, what is done and the grade ("s1-certificate-moshimoshi.g2")
    return Milestone(id=f"s{step}-{kind}-{item.ref}{part}", kind=kind, date=item.date, step=step,
                     action=action, check=Phrase(check_key, params), certificate=item.ref)


def _keys(item: CertificateStep) -> tuple[str, str]:
    if item.kind != "certification":
        return f"certs.{item.kind}_do", f"certs.{item.kind}_check"
    do = "certs.exam_cbt_do" if item.window is None else "certs.exam_fixed_do"
    if item.result is None:
        return do, "certs.exam_check_unknown"
    return do, "certs.exam_check_passed" if item.result <= item.date else "certs.exam_check_sat"


def _sitting(item: CertificateStep) -> Day | Phrase | str:
    if item.window is None:
        return ""
    first, last = item.window
    if first == last:
        return Day(first)
    return Phrase("certs.month_sitting", {"month": Month(first)})
