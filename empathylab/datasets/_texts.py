"""Customer-side texts: first messages, follow-ups, survey comments, and the noise on them.

Every function draws from one ``random.Random`` passed in, so a run is reproducible
from make_feedback's ``random_state``. The structure of each message (intent,
issues, severity, emotion, effort statement, threat, personal data) is decided by the
generator beforehand and only rendered here.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from types import ModuleType
from typing import TypeVar

from . import _vocab_de, _vocab_en

T = TypeVar("T")
VOCAB: dict[str, ModuleType] = {"de": _vocab_de, "en": _vocab_en}

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue",
                          "ß": "ss"})
_HANDLES = {"de": "@ShopCare_DE", "en": "@ShopCare"}


def ch(r: random.Random, seq: Sequence[T]) -> T:
    """``r.choice(seq)``, faster: one ``random()`` call per pick."""
    return seq[int(r.random() * len(seq))]


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _end(text: str, mark: str = ".") -> str:
    text = text.rstrip()
    if not text or text[-1] in ".!?:":
        return text
    return text + mark


_DATE_DOT = re.compile(r"(\d\.)\.(?=\s|$)")


def render(template: str, slots: dict[str, str]) -> str:
    """Fill ``{slot}`` fields; a German date ``05.09.`` before a full stop keeps one dot."""
    if "{" not in template:
        return template
    text = template.format_map(slots)
    return _DATE_DOT.sub(r"\1", text) if ".." in text else text


def _say(r: random.Random, v: ModuleType, issue: str, slots: dict[str, str], strong: bool,
         kind: str = "say", single: bool = False) -> str:
    """A statement about ``issue``; ``single`` avoids statements that contain "aber"/"but"."""
    slots["int"] = ch(r, v.INT_STRONG if strong else v.INT_MILD)
    pool = v.ISSUES[issue][kind]
    if single:
        pool = [x for x in pool if " aber " not in x and " but " not in x] or pool
    return render(ch(r, pool), slots)


def customer_message(
    r: random.Random,
    *,
    lang: str,
    channel: str,
    intent: str,
    issues: list[str],
    severity: int,
    emotion: str,
    effort_statement: bool,
    threat: bool,
    pii: str | None,
    slots: dict[str, str],
) -> str:
    """The first message of a conversation, in the channel's register."""
    v = VOCAB[lang]
    strong = severity >= 2 or emotion in ("anger", "joy")
    main, *rest = issues
    sentences: list[str] = []
    brief = channel in ("chat", "app", "social") or (channel in ("survey", "review")
                                                     and r.random() < 0.45)
    # Core statement(s).
    if intent == "mixed":
        pos, neg = (rest[0], main) if rest else (main, main)
        conj = "aber" if lang == "de" else "but"
        kind = "short" if brief else "say"
        first = _say(r, v, pos, slots, False, kind, single=True)
        second = _say(r, v, neg, slots, strong, kind, single=True)
        sentences.append(_end(f"{_cap(first)}, {conj} {second}"))
    elif intent == "suggestion":
        frame = ch(r, v.SUGGEST_FRAMES)
        sentences.append(frame + _end(_cap(_say(r, v, main, slots, False))))
    else:
        kind = "short" if brief and intent != "question" and r.random() < 0.6 else "say"
        mark = "!" if strong and intent in ("complaint", "praise") and r.random() < 0.5 else "."
        sentences.append(_end(_cap(_say(r, v, main, slots, strong, kind)), mark))
        for extra in rest:
            sentences.append(_end(ch(r, v.SECOND_ISSUE) + _say(r, v, extra, slots, strong)))
    # Context about the order, before the statements in longer messages.
    if slots.get("order") and not brief and intent != "suggestion" and r.random() < 0.7:
        pool = v.CONTEXT_NEG if intent == "complaint" and r.random() < 0.3 else v.CONTEXT
        sentences.insert(0, _end(_cap(render(ch(r, pool), slots))))
    if effort_statement:
        sentences.append(render(ch(r, v.EFFORT_HIGH), slots))
    elif intent == "praise" and r.random() < 0.25:
        sentences.append(ch(r, v.EFFORT_LOW))
    feeling = render(ch(r, v.EMOTION[emotion]), slots)
    if feeling and (not brief or r.random() < 0.6):
        sentences.append(feeling)
    if intent in ("complaint", "mixed") and r.random() < (0.3 if brief else 0.6):
        tp = main.split(".")[0]
        pool = v.REQUESTS[tp] if r.random() < 0.7 else v.REQUESTS["_"]
        sentences.append(render(ch(r, pool), slots))
    if intent == "praise" and r.random() < 0.6:
        sentences.append(render(ch(r, v.PRAISE), slots))
    if threat:
        sentences.append(render(ch(r, v.THREATS), slots))
    if pii is not None:
        sentences.append(render(ch(r, v.PII[pii]), slots))
    return _frame(r, v, lang, channel, intent, sentences, slots, emotion)


def _frame(r: random.Random, v: ModuleType, lang: str, channel: str, intent: str,
           sentences: list[str], slots: dict[str, str], emotion: str) -> str:
    body = " ".join(s for s in sentences if s)
    if channel in ("email", "web", "store") and r.random() < (0.8 if channel == "email" else 0.35):
        greeting = render(ch(r, v.GREETINGS), slots)
        sign = render(ch(r, v.SIGNOFFS), slots) if r.random() < 0.75 else ""
        sep = "\n\n" if channel == "email" and r.random() < 0.8 else " "
        body = greeting + sep + body + (sep + sign if sign else "")
    elif channel == "phone":
        body = ch(r, v.PHONE_OPENERS) + v.PHONE_TOPIC[slots["_touchpoint"]] + " " + body
    elif channel == "social":
        if r.random() < 0.8:
            body = f"{_HANDLES[lang]} {body}"
        else:
            body = f"{body} {_HANDLES[lang]}"
        if r.random() < 0.25:
            body += " " + ch(r, v.SOCIAL_TAGS)
    elif channel == "review" and r.random() < 0.4:
        tone = "neg" if emotion in ("anger", "frustration", "disappointment", "worry") else (
            "pos" if emotion in ("joy", "gratitude") else "neu")
        body = ch(r, v.REVIEW_TITLES[tone]) + "\n" + body
    elif channel in ("chat", "app") and r.random() < 0.3:
        body = ("hallo " if lang == "de" else "hi ") + body
    return body


def follow_up(r: random.Random, *, lang: str, channel: str, tone: str,
              slots: dict[str, str]) -> str:
    """The customer's answer to the first reply; ``tone`` is ``pos``, ``neu`` or ``neg``."""
    v = VOCAB[lang]
    parts = [render(ch(r, v.FOLLOWUPS[tone]), slots)]
    if r.random() < 0.55:
        parts.append(render(ch(r, v.FOLLOWUP_DETAILS), slots))
    if tone == "neg" and r.random() < 0.5:
        parts.append(render(ch(r, v.EMOTION[ch(r, ("anger", "frustration"))]), slots))
    if tone != "pos" and r.random() < 0.35:
        parts.append(render(ch(r, v.REQUESTS["_"]), slots))
    if r.random() < 0.3:
        parts.insert(0, "Hallo," if lang == "de" else "Hi,")
    if channel in ("email", "web") and r.random() < 0.6:
        parts.append(render(ch(r, v.FOLLOWUP_SIGN), slots))
    return " ".join(p for p in parts if p)


def survey_comment(r: random.Random, *, lang: str, tone: str, style: str, effort_high: bool,
                   slots: dict[str, str]) -> str:
    """Free-text answer of a post-contact survey, about the contact just had."""
    v = VOCAB[lang]
    parts = [ch(r, v.SURVEY_OPENERS[tone])]
    if r.random() < 0.85:
        parts.append(render(ch(r, v.SURVEY_REASONS[style]), slots))
    if r.random() < 0.45:
        parts.append(ch(r, v.SURVEY_EFFORT["high" if effort_high else "low"]))
    if r.random() < 0.3:
        tp_issue = slots.get("_issue", "")
        if tp_issue:
            parts.append(_end(_cap(render(ch(r, v.ISSUES[tp_issue]["short"]), slots))))
    text = " ".join(p for p in parts if p)
    if not text:
        text = ch(r, v.SURVEY_REASONS[style]).format_map(slots)
    return text


def add_noise(r: random.Random, text: str, *, lang: str, channel: str, tone: str,
              angry: bool) -> tuple[str, list[str]]:
    """Typos, missing umlauts, lower case, capitals, emoji; returns the text and what was done."""
    done: list[str] = []
    casual = channel in ("chat", "app", "social")
    if lang == "de" and r.random() < (0.2 if casual else 0.07):
        new = text.translate(_UMLAUTS)
        if new != text:
            text = new
            done.append("umlauts")
    if r.random() < (0.25 if casual else 0.1):
        text = _typo(r, text)
        done.append("typo")
    if angry and r.random() < 0.25:
        text = _shout(r, text)
        done.append("caps")
    elif r.random() < (0.22 if casual else 0.04):
        text = text.lower()
        done.append("lower")
    if angry and r.random() < 0.3:
        text = text.rstrip(".!") + "!!!"
        done.append("exclamation")
    p_emoji = {"social": 0.5, "chat": 0.2, "app": 0.25, "review": 0.1}.get(channel, 0.03)
    if r.random() < p_emoji:
        pool = VOCAB[lang].EMOJI[tone]
        text = text + " " + "".join(ch(r, pool) for _ in range(ch(r, (1, 1, 1, 2, 3))))
        done.append("emoji")
    return text, done


def _typo(r: random.Random, text: str) -> str:
    words = text.split(" ")
    candidates = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
    if not candidates:
        return text
    i = ch(r, candidates)
    w = words[i]
    j = r.randrange(1, len(w) - 2)
    op = r.random()
    if op < 0.4:
        w = w[:j] + w[j + 1] + w[j] + w[j + 2:]
    elif op < 0.7:
        w = w[:j] + w[j + 1:]
    else:
        w = w[:j] + w[j] + w[j:]
    words[i] = w
    return " ".join(words)


def _shout(r: random.Random, text: str) -> str:
    parts = text.split(". ")
    if len(parts) > 1 and r.random() < 0.6:
        k = r.randrange(len(parts))
        parts[k] = parts[k].upper()
        return ". ".join(parts)
    return text.upper()
