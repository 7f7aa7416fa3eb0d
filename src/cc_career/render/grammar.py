"""A person's own words turned into the speaker's sentence: a Japanese motivation into its
reason and its ending, an English action into the first or second person."""

from __future__ import annotations

import re


def lower_first(text: str) -> str:
    """"Team leader" → "team leader"; an acronym ("QA", "IT support") stays as it is."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first[:2].isupper():
        return text
    return text[:1].lower() + text[1:]


def ja_person(label: str) -> bool:
    return label.endswith(("者", "員", "職", "長", "エンジニア", "トレーナー", "担当", "リーダー", "SV"))


# ---- grammar helpers ---------------------------------------------------------------------------

_REASON_ENDINGS = re.compile(r"(から|ため|ので)$")
_POLITE = {"あります": "ある", "できます": "できる", "います": "いる", "ています": "ている",
           "られます": "られる", "せます": "せる", "けます": "ける", "れます": "れる", "です": ""}


def japanese_motivation(text: str) -> tuple[str, str]:
    """How a typed motivation joins the sentence: ("noun", text) for a noun phrase
    (「…があること」「…な環境」, takes 「に惹かれた」), ("clause", text) for a plain clause
    (「…が整っている」, takes 「という点に」), ("sentence", text) for a polite sentence it
    cannot safely turn plain (said as it is, then 「その点に惹かれて」). A trailing 「から」「ので」
    or full stop is dropped."""
    text = text.rstrip("。．.！!？? ")
    text = _REASON_ENDINGS.sub("", text).rstrip("、。 ") or text
    for polite, plain in _POLITE.items():
        if text.endswith(polite) and len(text) > len(polite):
            stem = text[: -len(polite)] + plain
            if polite == "です":
                return "noun", stem
            return "clause", stem
    if text.endswith(("ます", "ました", "でした")):
        return "sentence", text
    hiragana = "\u3040" <= text[-1:] <= "\u309f"
    if text.endswith(("こと", "もの", "ところ")) or not hiragana:
        return "noun", text
    return "clause", text


_U_ROW = frozenset("うくすつぬふむゆるぐずづぶぷ")


def own_sentence(text: str, lang: str) -> str:
    """What the person wrote they already do, as the end of 「そのために普段から、…」 / a
    first-person sentence."""
    text = text.rstrip("。．.！!？? ")
    if lang == "en":
        words = re.sub(r"^(I|i)\s+(already\s+)?", "", text)
        return "I " + lower_first(words) + "."
    if text.endswith(("ました", "ます")):
        return text
    if text.endswith("ている"):
        return text[:-1] + "ます"
    if text[-1:] in _U_ROW:  # a verb in its dictionary form: 「録音を聞き返す」
        return text + "ようにしています"
    return text + "を続けています"  # a noun: 「録音の聞き返し」


_THIRD_PERSON = {"is": "are", "has": "have", "does": "do", "was": "were", "offers": "offer"}


def second_person(text: str) -> str:
    """An English motivation that speaks of the company as "it" ("it offers a clear path"),
    turned to the listener ("you offer a clear path"): the answer addresses the company."""
    text = lower_first(text.strip())
    text = re.sub(r"^it is (a|an|the)\b", r"this is \1", text)
    text = re.sub(r"^it's (a|an|the)\b", r"this is \1", text)
    text = re.sub(r"\bits\b", "your", text)

    def verb(match: re.Match[str]) -> str:
        word = match.group(1)
        if word in _THIRD_PERSON:
            return "you " + _THIRD_PERSON[word]
        if word.endswith("ies"):
            return "you " + word[:-3] + "y"
        if word.endswith(("ches", "shes", "sses", "xes", "zes", "oes")):
            return "you " + word[:-2]
        if word.endswith("s") and not word.endswith("ss"):
            return "you " + word[:-1]
        return "you " + word

    return re.sub(r"\bit (\w+)", verb, text)


_LEAD = re.compile(
    r"^((?:Once|Twice|Each|Every|At|For|To|With|Drawing|Using|After|Before|When|In|On)\b[^,]*,\s*)(.*)$"
)
_OBJECT_YOU = re.compile(r"\b(show|let|help|tell|teach|give|ask|remind|send)(s?) you\b")


def first_person(action: str, will: bool = False) -> str:
    """A plan action ("Self-score three of your recordings a week.") in the speaker's own
    voice ("I self-score three of my recordings a week"; with `will`: "I will self-score …")."""
    text = action.strip().rstrip(".")
    text = re.sub(r"\byourself\b", "myself", text)
    text = re.sub(r"\byours\b", "mine", text)
    text = re.sub(r"\b[Yy]our\b", "my", text)
    text = _OBJECT_YOU.sub(r"\1\2 me", text)
    text = re.sub(r"\b[Yy]ou\b", "I", text)
    subject = "I will " if will else "I "
    lead = _LEAD.match(text)
    if lead:
        head, rest = lead.groups()
        return head[:1].lower() + head[1:] + subject + lower_first(rest)
    return subject + lower_first(text)
