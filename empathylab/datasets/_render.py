"""Render the texts of a simulated world: one pass over the conversations.

The per-conversation details (names, dates, amounts, contact data) are formatted
vectorised first; the loop only picks phrases and joins them.
"""

from __future__ import annotations

import random
import unicodedata

import numpy as np
import pandas as pd

from . import _catalog as cat
from ._replies import SOCIAL_LIMIT, agent_reply, bot_reply
from ._simulate import STYLES, World
from ._texts import VOCAB, add_noise, ch, customer_message, follow_up, render, survey_comment

_DE_WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
_DE_SLOTS = {"der": ("der_p", "den_p", "dem_p"), "mein": ("mein_p", "meinen_p", "meinem_p"),
             "Ihr": ("Ihr_p", "Ihren_p", "Ihrem_p")}
_BLZ = ("37040044", "10020030", "20050550", "50010517", "70090100", "43060967")


def _names(pool_f: tuple[str, ...], pool_m: tuple[str, ...], female: np.ndarray,
           idx: np.ndarray) -> np.ndarray:
    f = np.array(pool_f)[idx % len(pool_f)]
    m = np.array(pool_m)[idx % len(pool_m)]
    return np.where(female, f, m)


_ASCII: dict[str, str | int | None] = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ı": "i",
                                        "'": ""}


def _ascii(text: str) -> str:
    text = text.lower().translate(str.maketrans(_ASCII))
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def _iban(blz: str, account: int) -> str:
    bban = f"{blz}{account:010d}"
    check = 98 - int(f"{bban}131400") % 97
    raw = f"DE{check:02d}{bban}"
    return " ".join(raw[i:i + 4] for i in range(0, len(raw), 4))


def _people(w: World) -> dict[str, np.ndarray]:
    """First and last names of customers (in their language) and agents."""
    c, a = w.customers, w.agents
    de = c["lang"] == "de"
    first = np.where(de, _names(cat.DE_FIRST_F, cat.DE_FIRST_M, c["female"], c["name_i"]),
                     _names(cat.EN_FIRST_F, cat.EN_FIRST_M, c["female"], c["name_i"]))
    last = np.where(de, np.array(cat.DE_LAST)[c["last_i"] % len(cat.DE_LAST)],
                    np.array(cat.EN_LAST)[c["last_i"] % len(cat.EN_LAST)])
    en_agent = a["team"] == "service-en"
    a_first = np.where(en_agent, _names(cat.EN_FIRST_F, cat.EN_FIRST_M, a["female"], a["name_i"]),
                       _names(cat.DE_FIRST_F, cat.DE_FIRST_M, a["female"], a["name_i"]))
    a_last = np.where(en_agent, np.array(cat.EN_LAST)[a["last_i"] % len(cat.EN_LAST)],
                      np.array(cat.DE_LAST)[a["last_i"] % len(cat.DE_LAST)])
    return {"first": first, "last": last, "a_first": a_first, "a_last": a_last}


_EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")
_EN_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _dates(w: World) -> dict[str, list[int]]:
    """Day, month, year (and weekday) of the order date, message date and reply deadline."""
    t = pd.DatetimeIndex(w.conv["time"])
    order = t - pd.to_timedelta(w.conv["order_days"], unit="D")
    deadline = t.normalize() + pd.to_timedelta(np.where(t.day_of_week >= 3, 4, 2), unit="D")
    return {
        "od": order.day.tolist(), "om": order.month.tolist(),
        "md": t.day.tolist(), "mm": t.month.tolist(), "my": t.year.tolist(),
        "dd": deadline.day.tolist(), "dm": deadline.month.tolist(),
        "dw": deadline.day_of_week.tolist(),
    }


def _date_slots(lang: str, d: dict[str, list[int]], i: int) -> dict[str, str]:
    if lang == "de":
        return {"date": f"{d['od'][i]:02d}.{d['om'][i]:02d}.",
                "msg_date": f"{d['md'][i]:02d}.{d['mm'][i]:02d}.{d['my'][i]}",
                "deadline": f"{_DE_WEEKDAYS[d['dw'][i]]}, {d['dd'][i]:02d}.{d['dm'][i]:02d}."}
    return {"date": f"{d['od'][i]} {_EN_MONTHS[d['om'][i] - 1]}",
            "msg_date": f"{d['md'][i]} {_EN_MONTHS[d['mm'][i] - 1]} {d['my'][i]}",
            "deadline": f"{_EN_WEEKDAYS[d['dw'][i]]} {d['dd'][i]} {_EN_MONTHS[d['dm'][i] - 1]}"}


def _contact(r: random.Random, lang: str, first: str, last: str, code: int,
             city: int) -> dict[str, str]:
    digits = f"{code:07d}"
    domain = cat.MAIL_DOMAINS[code % len(cat.MAIL_DOMAINS)]
    sep = ch(r, (".", "_", ""))
    tail = ch(r, ("", "", str(code % 100), str(1960 + code % 45)))
    email = f"{_ascii(first)}{sep}{_ascii(last).replace(' ', '')}{tail}@{domain}"
    kind = r.random()
    if lang == "en" and kind < 0.5:
        phone = f"+44 20 7946 0{digits[-3:]}"
    elif kind < 0.55:
        prefix = ch(r, ("0151", "0160", "0170", "0171", "0176", "0152"))
        phone = f"{prefix} {digits}" if r.random() < 0.7 else f"+49 {prefix[1:]} {digits}"
    else:
        area, block = ch(r, (("30", "23125"), ("69", "90009"), ("40", "66969"),
                                ("89", "99998")))
        phone = (f"+49 {area} {block}{digits[-3:]}" if r.random() < 0.5
                 else f"0{area} {block} {digits[-3:]}")
    if r.random() < 0.4:
        iban = cat.PUBLIC_TEST_IBAN
    else:
        iban = _iban(_BLZ[code % len(_BLZ)], code * 977 % 10_000_000_000)
        if r.random() < 0.25:
            iban = iban.replace(" ", "")
    return {
        "email": email, "phone": phone, "iban": iban,
        "card": cat.TEST_CARDS[code % len(cat.TEST_CARDS)],
        "street": f"{cat.DE_STREETS[code % len(cat.DE_STREETS)]} {1 + code % 87}",
        "postcode": cat.DE_POSTCODES[city],
    }


def render_world(w: World, r: random.Random) -> dict[str, list[object]]:
    """Texts and per-row annotations for every row type, indexed by conversation."""
    v, c, a = w.conv, w.customers, w.agents
    n = len(v["tp"])
    people = {k: val.tolist() for k, val in _people(w).items()}
    dates = _dates(w)
    out: dict[str, list[object]] = {k: [None] * n for k in (
        "msg", "msg_noise", "bot", "agent1", "flags1", "follow", "follow_noise", "agent2",
        "flags2", "survey", "survey_noise")}
    cv = {k: v[k].tolist() for k in (
        "cust", "agent", "tp", "issue", "issue2", "product", "order_value", "order_no",
        "order_days", "ticket", "channel", "intent", "emotion", "pii", "severity", "effort_stmt",
        "threat", "valence", "polarity", "bot", "agent1", "style1", "follow", "follow_valence",
        "agent2", "style2", "responded", "satisfaction", "conv_effort")}
    cc = {k: c[k].tolist() for k in ("lang", "female", "city", "id", "contact_i")}
    favourites = a["favourites"].tolist()
    for i in range(n):
        cu = cv["cust"][i]
        lang = cc["lang"][cu]
        voc = VOCAB[lang]
        first, last = people["first"][cu], people["last"][cu]
        ag = cv["agent"][i]
        a_first = people["a_first"][ag]
        tp = cat.TOUCHPOINTS[cv["tp"][i]]
        issue = cat.ISSUES[cv["issue"][i]]
        issue2 = cv["issue2"][i]
        city = cc["city"][cu]
        slots = _slots(lang, cat.PRODUCTS[cv["product"][i]], first, last, cc["female"][cu],
                       a_first, people["a_last"][ag])
        slots.update(_date_slots(lang, dates, i))
        value = cv["order_value"][i]
        slots.update(
            order=str(cv["order_no"][i]) if issue.order else "", days=str(cv["order_days"][i]),
            weekday=ch(r, voc.WEEKDAYS), times=ch(r, voc.TIMES),
            minutes=str(12 + int(r.random() * 80)), nth=ch(r, voc.NTH),
            amount=(f"{value:.2f}".replace(".", ",") + " €") if lang == "de" else f"€{value:.2f}",
            city=(cat.DE_CITIES if lang == "de" else cat.EN_CITIES)[city],
            brand=cat.BRAND, ticket=str(cv["ticket"][i]), customer_id=cc["id"][cu],
            bot=cat.BOTS[lang][1], agent=a_first, _touchpoint=tp,
            _issue=issue.key if issue.polarity in ("neg", "pos") else "",
        )
        pii = cv["pii"][i] or None
        if pii is not None:
            slots.update(_contact(r, lang, first, last, cc["contact_i"][cu], city))
        slots.update(_staff(r, lang))
        channel = cat.CHANNELS[cv["channel"][i]]
        emotion = cv["emotion"][i]
        text = customer_message(
            r, lang=lang, channel=channel, intent=cat.INTENTS[cv["intent"][i]],
            issues=[issue.key] + ([cat.ISSUES[issue2].key] if issue2 >= 0 else []),
            severity=cv["severity"][i], emotion=emotion, effort_statement=cv["effort_stmt"][i],
            threat=cv["threat"][i], pii=pii, slots=slots,
        )
        text, noise = add_noise(r, text, lang=lang, channel=channel,
                                tone=_tone(cv["valence"][i]), angry=emotion == "anger")
        out["msg"][i] = _fit(text, channel)
        out["msg_noise"][i] = noise
        restate = render(ch(r, voc.ISSUES[issue.key]["restate"]), slots)
        polarity = cv["polarity"][i]
        if cv["bot"][i]:
            out["bot"][i] = bot_reply(r, lang=lang, touchpoint=tp, handover=cv["agent1"][i],
                                      slots=slots)
        fav = favourites[ag]
        last_style = "bot" if cv["bot"][i] else "none"
        if cv["agent1"][i]:
            last_style = STYLES[cv["style1"][i]]
            out["agent1"][i], out["flags1"][i] = agent_reply(
                r, lang=lang, channel=channel, style=last_style, polarity=polarity,
                touchpoint=tp, emotion=emotion, has_order=issue.order, restate=restate,
                favourites=fav, slots=slots,
            )
        if cv["follow"][i]:
            ftone = _tone(cv["follow_valence"][i])
            slots["agent_first"] = a_first if cv["agent1"][i] else cat.BOTS[lang][1]
            text = follow_up(r, lang=lang, channel=channel, tone=ftone, slots=slots)
            text, noise = add_noise(r, text, lang=lang, channel=channel, tone=ftone,
                                    angry=ftone == "neg" and emotion == "anger")
            out["follow"][i], out["follow_noise"][i] = _fit(text, channel), noise
            slots["agent_first"] = a_first
            if cv["agent2"][i]:
                last_style = STYLES[cv["style2"][i]]
                closing = ftone == "pos"
                out["agent2"][i], out["flags2"][i] = agent_reply(
                    r, lang=lang, channel=channel, style=last_style,
                    polarity="pos" if closing else polarity, touchpoint=tp,
                    emotion="gratitude" if closing else emotion, has_order=issue.order,
                    restate="" if closing else restate, favourites=fav, slots=slots,
                )
        if cv["responded"][i]:
            stone = _tone(cv["satisfaction"][i])
            text = survey_comment(r, lang=lang, tone=stone, style=last_style,
                                  effort_high=cv["conv_effort"][i] >= 5, slots=slots)
            text, noise = add_noise(r, text, lang=lang, channel="survey", tone=stone,
                                    angry=False)
            out["survey"][i], out["survey_noise"][i] = text, noise
    return out


def _tone(valence: float) -> str:
    return "neg" if valence < -0.2 else "pos" if valence > 0.2 else "neu"


def _fit(text: str, channel: str) -> str:
    if channel == "social" and len(text) > SOCIAL_LIMIT:
        return text[: SOCIAL_LIMIT - 1].rstrip() + "…"
    return text


def _slots(lang: str, product: cat.Product, first: str, last: str, female: bool,
           a_first: str, a_last: str) -> dict[str, str]:
    slots = {"first": first, "last": last, "agent_first": a_first, "agent_last": a_last,
             "initials": (a_first[:1] + a_last[:1]).upper()}
    if lang == "de":
        g = product.gender
        for art, keys in _DE_SLOTS.items():
            for key, form in zip(keys, cat.DE_ARTICLES[art][g], strict=True):
                slots[key] = f"{form} {product.de}"
        slots["er_p"] = {"m": "er", "f": "sie", "n": "es"}[g]
        slots["ihn_p"] = {"m": "ihn", "f": "sie", "n": "es"}[g]
        slots["product"] = product.de
        title = "Frau" if female else "Herr"
        slots["title_last"] = f"{title} {last}"
        slots["sg"] = f"Sehr geehrte{'' if female else 'r'} {title} {last}"
    else:
        slots["product"] = product.en
        title = "Ms" if female else "Mr"
        slots["title_last"] = f"{title} {last}"
        slots["sg"] = f"Dear {title} {last}"
    return slots


def _staff(r: random.Random, lang: str) -> dict[str, str]:
    """A colleague the customer names: nominative and accusative forms."""
    if lang == "de":
        name = ch(r, cat.DE_LAST)
        if r.random() < 0.6:
            return {"staff": f"Frau {name}", "staff_acc": f"Frau {name}"}
        return {"staff": f"Herr {name}", "staff_acc": f"Herrn {name}"}
    name = ch(r, cat.EN_FIRST_F + cat.EN_FIRST_M)
    return {"staff": name, "staff_acc": name}
