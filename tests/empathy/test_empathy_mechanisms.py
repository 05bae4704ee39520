"""Each mechanism on hand-written English and German replies (not from any data set)."""

from __future__ import annotations

import pandas as pd
import pytest

from empathylab import empathy_score


def one(reply: str, lang: str, context: str | None = None) -> pd.Series:
    out = empathy_score([reply], lang=lang, context=None if context is None else [context])
    return out.iloc[0]


@pytest.mark.parametrize(
    ("reply", "lang"),
    [
        ("I can imagine how annoying that is.", "en"),
        ("That must be really frustrating after waiting two weeks.", "en"),
        ("I completely understand your frustration.", "en"),
        ("Das ist wirklich ärgerlich.", "de"),
        ("Ich kann mir gut vorstellen, wie enttäuschend das für Sie ist.", "de"),
        ("Ihren Ärger kann ich gut verstehen.", "de"),
    ],
)
def test_emotional_reaction(reply: str, lang: str) -> None:
    row = one(reply, lang)
    assert row["emotional_reaction"] >= 0.6
    assert any(e.startswith("emotional_reaction: ") for e in row["evidence"])


@pytest.mark.parametrize(
    ("reply", "lang"),
    [
        ("We apologize for the inconvenience.", "en"),
        ("Sorry for any trouble this may have caused.", "en"),
        ("Wir bitten um Entschuldigung für die entstandenen Unannehmlichkeiten.", "de"),
    ],
)
def test_routine_apology_is_not_an_emotional_reaction(reply: str, lang: str) -> None:
    row = one(reply, lang)
    assert row["emotional_reaction"] < 0.4
    assert row["sympathy_only"]
    assert any(e.startswith("apology: ") for e in row["evidence"])


@pytest.mark.parametrize(
    ("reply", "lang"),
    [
        ("If I understand correctly, the parcel arrived but the box was empty.", "en"),
        ("It sounds like the update deleted your saved settings.", "en"),
        ("You're absolutely right, the invoice shows the wrong amount.", "en"),
        ("Wenn ich Sie richtig verstehe, kam die Rechnung doppelt.", "de"),
        ("Sie haben völlig recht, die Lieferung hätte gestern da sein müssen.", "de"),
        ("Wie ich Ihrer Nachricht entnehme, funktioniert die App seit dem Update nicht.", "de"),
    ],
)
def test_interpretation(reply: str, lang: str) -> None:
    assert one(reply, lang)["interpretation"] >= 0.6


@pytest.mark.parametrize(
    ("reply", "lang"),
    [
        ("Which colour did you order, and when did you notice the stain?", "en"),
        ("Could you tell me more about what happened at the checkout?", "en"),
        ("Seit wann tritt der Fehler auf?", "de"),
        ("Können Sie mir bitte beschreiben, was beim Bezahlen passiert?", "de"),
    ],
)
def test_targeted_questions_are_exploration(reply: str, lang: str) -> None:
    row = one(reply, lang)
    assert row["exploration"] >= 0.55
    assert any(e.startswith("exploration: ") for e in row["evidence"])


@pytest.mark.parametrize(
    ("reply", "lang"),
    [
        ("Is there anything else I can help with?", "en"),
        ("Do you have any other questions?", "en"),
        ("Let me know if you need anything.", "en"),
        ("Kann ich sonst noch etwas für Sie tun?", "de"),
        ("Haben Sie noch weitere Fragen?", "de"),
    ],
)
def test_generic_questions_are_not_exploration(reply: str, lang: str) -> None:
    row = one(reply, lang)
    assert row["exploration"] == 0.0
    assert any(e.startswith(("generic question: ", "generic: ")) for e in row["evidence"])


@pytest.mark.parametrize(
    ("reply", "lang"),
    [
        ("I have refunded the full amount and will call you by Friday.", "en"),
        ("I'll personally make sure the replacement ships within 24 hours.", "en"),
        ("Ich habe die Erstattung veranlasst und melde mich bis morgen.", "de"),
        ("Ich kümmere mich persönlich darum, Sie hören innerhalb von zwei Tagen von mir.",
         "de"),
    ],
)
def test_ownership(reply: str, lang: str) -> None:
    assert one(reply, lang)["ownership"] >= 0.7


def test_negated_cue_does_not_count() -> None:
    assert one("I don't understand why you did that.", "en")["interpretation"] < 0.4
    assert one("We will not refund this order.", "en")["ownership"] == 0.0


def test_personalization_uses_the_customers_specifics() -> None:
    context = "My order 48213 of the green rain jacket arrived torn on 3 March."
    personal = one("Your order 48213: I'm sending a new green jacket today.", "en", context)
    generic = one("Thank you for contacting us. We are happy to help.", "en", context)
    assert personal["personalization"] >= 0.8
    assert generic["personalization"] == 0.0
    assert "personalization: 48213" in personal["evidence"]
    # greetings and stop words shared with the context do not count
    greeting = one("Hello, thanks for your message.", "en", "Hello, thanks, where is it?")
    assert greeting["personalization"] == 0.0


def test_personalization_german_stems() -> None:
    row = one("Die Lieferungen an Ihre Packstation verzögern sich.", "de",
              "Meine Lieferung an die Packstation ist seit Tagen unterwegs.")
    assert row["personalization"] >= 0.5
    assert "personalization: packstation" in row["evidence"]


def test_without_context_personalization_is_missing() -> None:
    row = one("I can imagine how annoying that is.", "en")
    assert pd.isna(row["personalization"])
    assert row["empathy"] > 0


def test_empathic_beats_sympathetic() -> None:
    context = ["Mein Paket 7781 ist seit zehn Tagen nicht da, ich brauche es für Samstag."] * 2
    replies = [
        "Das ist wirklich ärgerlich, gerade wenn Sie es für Samstag brauchen. Ich habe die "
        "Sendung 7781 nachverfolgt und eine Ersatzlieferung veranlasst, die bis Freitag bei "
        "Ihnen ist. An welche Adresse soll sie gehen?",
        "Wir bitten um Entschuldigung für die entstandenen Unannehmlichkeiten. Bitte wenden "
        "Sie sich an unsere Hotline.",
    ]
    out = empathy_score(replies, context=context, lang="de")
    assert out["empathy"].iloc[0] > out["empathy"].iloc[1] + 20
    assert out["sympathy_only"].tolist() == [False, True]
