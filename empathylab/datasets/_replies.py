"""Agent and bot replies in three styles, German and English.

A reply is assembled from components; which components appear is what makes the
style (see :mod:`._replies_de`). Each agent has a phrasebook: for every component
a favourite variant it uses most of the time (``FAVOURITE_SHARE``), so an agent's
replies are near-duplicates of each other, as with real canned responses.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from types import ModuleType

from . import _replies_de, _replies_en
from ._texts import ch, render

PHRASES: dict[str, ModuleType] = {"de": _replies_de, "en": _replies_en}
#: Share of replies in which an agent uses its favourite variant of a component.
FAVOURITE_SHARE = 0.8
#: Component ids indexing an agent's phrasebook (``favourites`` array).
COMPONENTS: tuple[str, ...] = (
    "greet_letter", "greet_short", "greet_phone", "cold_open", "cold_fix", "cold_blame",
    "cold_close", "sym_thanks", "sym_apology", "sym_fix", "sym_question", "sym_close",
    "emp_feeling", "emp_restate", "emp_action", "emp_question", "emp_close", "signature",
    "praise",
)
_C = {name: i for i, name in enumerate(COMPONENTS)}
SOCIAL_LIMIT = 280


def _pick(r: random.Random, pool: Sequence[str], favourites: Sequence[int], comp: str) -> str:
    if r.random() < FAVOURITE_SHARE:
        return pool[favourites[_C[comp]] % len(pool)]
    return ch(r, pool)


def agent_reply(
    r: random.Random,
    *,
    lang: str,
    channel: str,
    style: str,
    polarity: str,
    touchpoint: str,
    emotion: str,
    has_order: bool,
    restate: str,
    favourites: Sequence[int],
    slots: dict[str, str],
) -> tuple[str, tuple[bool, bool, bool, bool]]:
    """One agent reply and its empathy components (feeling, restatement, question, ownership).

    ``polarity`` is the customer message's: ``neg``, ``pos``, ``question`` or
    ``suggestion``; ``restate`` is the issue's restatement clause, already rendered.
    """
    p = PHRASES[lang]

    def pick(pool: Sequence[str], comp: str) -> str:
        return render(_pick(r, pool, favourites, comp), slots)

    feeling = restated = question = ownership = False
    body: list[str] = []
    positive = polarity == "pos"
    question_asked = polarity == "question"
    idea = polarity == "suggestion"
    if style == "cold":
        if positive:
            body.append(pick(p.PRAISE_COLD, "praise"))
        else:
            if channel != "phone":
                body.append(pick(p.COLD_OPEN, "cold_open"))
            body.append(pick(p.COLD_FIX[touchpoint], "cold_fix"))
            if polarity == "neg" and r.random() < 0.45:
                body.append(pick(p.COLD_BLAME, "cold_blame"))
        close = pick(p.COLD_CLOSE, "cold_close")
    elif style == "sympathetic":
        body.append(pick(p.SYM_THANKS, "sym_thanks"))
        if positive:
            body.append(pick(p.PRAISE_SYM, "praise"))
        elif question_asked:
            body.append(pick(p.COLD_FIX[touchpoint], "cold_fix"))
        else:
            if polarity == "neg":
                body.append(pick(p.SYM_APOLOGY, "sym_apology"))
            body.append(pick(p.SYM_FIX[touchpoint], "sym_fix"))
        if r.random() < 0.7:
            body.append(pick(p.SYM_QUESTION, "sym_question"))
        close = pick(p.SYM_CLOSE, "sym_close")
    else:
        feeling = True
        pool = p.EMP_FEELING_IDEA if idea else p.EMP_FEELING[emotion]
        body.append(pick(pool, "emp_feeling"))
        kind = polarity if polarity in p.EMP_RESTATE else "neg"
        if restate and r.random() < 0.92:
            restated = True
            slots["r"] = restate
            if has_order and not idea and r.random() < 0.6:
                body.append(pick(p.EMP_RESTATE_ORDER, "emp_restate"))
            else:
                body.append(pick(p.EMP_RESTATE[kind], "emp_restate"))
        if r.random() < 0.95 or positive:
            ownership = True
            if positive:
                body.append(pick(p.EMP_ACTION_POS, "emp_action"))
            elif idea:
                body.append(pick(p.EMP_ACTION_IDEA, "emp_action"))
            elif question_asked:
                slots["fact"] = render(ch(r, p.COLD_FIX[touchpoint]), slots)
                body.append(pick(p.EMP_ANSWER, "emp_action"))
            else:
                body.append(pick(p.EMP_ACTION[touchpoint], "emp_action"))
        if r.random() < 0.8 or not (restated and ownership):
            question = True
            if idea:
                body.append(pick(p.EMP_QUESTION_IDEA, "emp_question"))
            else:
                body.append(pick(p.EMP_QUESTION["_pos" if positive else touchpoint],
                                 "emp_question"))
        close = pick(p.EMP_CLOSE, "emp_close")
    return _frame(r, p, channel, style, body, close, favourites, slots), (
        feeling, restated, question, ownership)


def _frame(r: random.Random, p: ModuleType, channel: str, style: str, body: list[str],
           close: str, favourites: Sequence[int], slots: dict[str, str]) -> str:
    parts = [b for b in body if b]
    terse = style == "cold" and r.random() < 0.4
    if channel == "phone":
        greet = "" if terse else render(_pick(r, p.GREET_PHONE, favourites, "greet_phone"), slots)
        return " ".join([greet, *parts]).strip()
    if channel == "social":
        if r.random() < 0.3 and style != "empathic":
            parts.append(render(ch(r, p.SOCIAL_DM), slots))
        greet = "" if terse else render(_pick(r, p.GREET_SHORT, favourites, "greet_short"), slots)
        sign = f"^{slots['initials']}"
        text = " ".join(x for x in [greet, *parts, sign] if x)
        while len(text) > SOCIAL_LIMIT and len(parts) > 1:
            parts.pop(-1 if len(parts) < 3 else -2)
            text = " ".join(x for x in [greet, *parts, sign] if x)
        return text if len(text) <= SOCIAL_LIMIT else text[: SOCIAL_LIMIT - 1] + "…"
    if channel in ("chat", "app"):
        greet = "" if terse else render(_pick(r, p.GREET_SHORT, favourites, "greet_short"), slots)
        sign = render(_pick(r, p.SIGNATURE_SHORT, favourites, "signature"), slots)
        closing = close.split("\n")[0] if style != "cold" and r.random() < 0.3 else ""
        return " ".join(x for x in [greet, *parts, closing, sign] if x)
    greet = "" if terse else render(_pick(r, p.GREET_LETTER, favourites, "greet_letter"), slots)
    sign = render(_pick(r, p.SIGNATURE_LETTER, favourites, "signature"), slots)
    if terse:
        short = render(_pick(r, p.SIGNATURE_SHORT, favourites, "signature"), slots)
        return " ".join(x for x in [*parts, close, short] if x)
    tail = "\n".join(x for x in [close, sign] if x)
    return "\n\n".join(x for x in [greet, " ".join(parts), tail] if x)


def bot_reply(r: random.Random, *, lang: str, touchpoint: str, handover: bool,
              slots: dict[str, str]) -> str:
    """A canned chatbot answer; ``handover`` adds the transfer to a human agent."""
    p = PHRASES[lang]
    parts = [render(ch(r, p.BOT_OPEN), slots), render(ch(r, p.BOT_TICKET), slots),
             render(ch(r, p.BOT_BODY[touchpoint]), slots)]
    if handover:
        parts.append(ch(r, p.BOT_HANDOVER))
    else:
        parts.append(ch(r, p.BOT_CLOSE))
    return " ".join(x for x in parts if x)
