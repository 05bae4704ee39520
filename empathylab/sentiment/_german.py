"""German resources for the lexicon sentiment engine: valences, rules and preprocessing.

The data files under ``empathylab/sentiment/data/de_*.tsv`` were written for this
project (see ``docs/lexicon_de.md`` for how the ratings were made). This module reads
them once and turns them into what the engine consumes:

* ``de_lexicon.tsv`` holds lemmas with a word class. Inflected forms are *generated*
  rather than matched by stemming: adjective endings (-e/-er/-es/-en/-em), comparative
  and superlative, ``un-`` derivations of positive adjectives (at 0.8 of the opposite
  valence), weak verb conjugation with participles and separable prefixes, and noun
  case/plural endings chosen from the noun's ending. Irregular forms are listed in the
  file. Generation keeps the lexicon an exact-match dictionary, so a stemmer's
  conflations ("unfreundlichsten" -> "unfreund") cannot give a word another word's
  valence, and every form can be inspected.
* Umlaut-free spellings are added as variants: ``ae/oe/ue/ss`` always, and dropped
  umlauts (``enttauscht``) only for forms of seven letters or more, where they rarely
  collide with another word (``schön`` -> ``schon`` would).
* ``de_phrases.tsv`` holds idioms and special cases ("nicht schlecht", "unter aller
  Sau", "na toll"); multi-word forms from the lexicon join them.
* ``de_boosters.tsv``, ``de_negations.tsv`` and ``de_contrast.tsv`` hold the rules'
  word lists; ``de_compounds.tsv`` the valenced heads and modifiers of compounds.

The German rules that rewrite what the engine reads live in
:mod:`empathylab.sentiment._german_text` and plug into the spec's hooks: links,
@-mentions and the "Liebe/Lieber" of a salutation are dropped (not the writer's
judgement), hyphenated compounds ("Top-Service") and closed compounds that are not in
the lexicon are split at a valenced head or modifier ("Servicewüste" -> "Service
·wüste", "Horrorfahrt" -> "·Horror fahrt"; the mark gives the morpheme its compound
valence), the negation of "ich finde nicht, dass ..." moves into the "dass" clause,
and a clause-final negation moves to the start of its clause ("Gut war es nicht" ->
"nicht Gut war es"), so the engine's forward negation scope covers German verb-second
order. :func:`preprocess_german` shows the text the engine reads.
:func:`german_spec` puts it all together, and :data:`DE_LABEL_RULE` turns scores into
labels. Ratings, rules, the label rule and the evaluation are described in
``docs/lexicon_de.md``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ._german_text import (
    COMPOUND_MARK,
    preprocess_german,
    reorder_tokens,
    rewrite_tokens,
    text_rules,
)
from ._labels import LabelRule
from ._spec import LexiconSpec

__all__ = [
    "DE_LABEL_RULE",
    "german_spec",
    "load_emoticons",
    "load_boosters",
    "load_compounds",
    "load_contrast",
    "load_lexicon",
    "load_negations",
    "load_phrases",
    "preprocess_german",
]

_PACKAGE = "empathylab.sentiment"

#: ``label`` rule for German: ``share`` (positive minus negative share of the tokens, which
#: does not grow with text length) >= 0.25 positive, <= -0.10 negative. Chosen on GermEval
#: 2017 dev as the pair (grid step 0.05) with the best macro-F1 among those reaching the
#: project's target micro-F1 of 0.70 (``benchmarks/sentiment_de.py --choose``; the
#: evaluation and its cost on tweets and reviews are in docs/lexicon_de.md).
DE_LABEL_RULE = LabelRule(
    "share", -0.10, 0.25, "best GermEval 2017 dev macro-F1 with micro-F1 >= 0.70"
)

#: A negation does not reach across a token that ends with one of these ("Der Code wird
#: nicht angenommen. Sehr enttäuschend."): unlike VADER, whose negations reach into the
#: next sentence. Chosen as the sentence and clause marks of German; on the dev sets it
#: moves every set by +0.000 .. +0.004 (``LexiconSpec.scope_breaks``).
SCOPE_BREAKS = ".!?;:,"

#: Share of a positive adjective's valence that its ``un-`` derivation gets, negated.
UN_FACTOR = 0.8
#: Dropped-umlaut variants ("enttauscht") are added only from this length on.
MIN_DROPPED_UMLAUT_LEN = 7

_DROP_UMLAUTS = str.maketrans("äöü", "aou")
_ADJ_ENDINGS = ("", "e", "er", "es", "en", "em")
_INSEPARABLE = ("be", "emp", "ent", "er", "ge", "miss", "ver", "zer", "hinter", "über", "wider")
_NOUN_EN = ("ung", "heit", "keit", "schaft", "ion", "tät", "ik", "ei", "enz", "anz", "ur")

# priorities: explicit forms beat generated forms beat derivations; variants lose one step
_P_EXPLICIT, _P_GENERATED, _P_DERIVED = 6, 4, 2


def _read_tsv(name: str) -> list[list[str]]:
    """Rows of a ``de_*.tsv`` file, without comments and blank lines."""
    text = resources.files(_PACKAGE).joinpath("data", name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append([cell.strip() for cell in line.split("\t")])
    return rows


# --------------------------------------------------------------------------- inflection
def _adjective_forms(lemma: str) -> list[str]:
    """Positive, comparative and superlative of ``lemma`` with all strong/weak endings."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    stems = [stem]
    if re.search(r"[^aeiouäöü][eE][lr]$", stem) or stem.endswith(("euer", "auer")):
        stems.append(stem[:-2] + stem[-1])  # flexibel -> flexible, teuer -> teure
    forms = {lemma}
    for s in stems:
        forms.update(s + ending for ending in _ADJ_ENDINGS[1:])
    forms.update(stem + "er" + ending for ending in _ADJ_ENDINGS)
    sups = [stem + "st"]
    if re.search(r"([tdszßx]|sch|[aeiouäöü])$", stem):
        sups.append(stem + "est")
    for sup in sups:
        forms.update(sup + ending for ending in _ADJ_ENDINGS[1:])
    return sorted(forms)


def _verb_forms(lemma: str) -> list[str]:
    """Weak conjugation, participle and zu-infinitive of ``lemma`` ("aus|fallen")."""
    prefix, _, base = lemma.rpartition("|")
    if base.endswith(("ern", "eln")):
        stem = base[:-1]
    elif base.endswith("en"):
        stem = base[:-2]
    else:
        stem = base[:-1]
    e = "e" if re.search(r"([td]|[^aeioulrh][mn])$", stem) else ""
    finite = [
        stem + "e",
        stem + e + "st",
        stem + e + "t",
        stem + e + "te",
        stem + e + "ten",
        stem + e + "test",
        stem + e + "tet",
        stem + "end",
        stem + "ende",
        stem + "enden",
    ]
    if base.startswith(_INSEPARABLE) or base.endswith("ieren"):
        participle = stem + e + "t"
    else:
        participle = "ge" + stem + e + "t"
    forms = {prefix + base, prefix + participle}
    forms.update(prefix + participle + ending for ending in _ADJ_ENDINGS[1:])
    if prefix:
        forms.add(prefix + "zu" + base)
        forms.update(prefix + f for f in finite)
        forms.update(f"{f} {prefix}" for f in finite if not f.startswith(stem + "end"))
    else:
        forms.update(finite)
    return sorted(forms)


def _noun_forms(lemma: str) -> list[str]:
    """Case and plural forms that the ending of ``lemma`` makes safe to generate."""
    if lemma.endswith("in") and not lemma.endswith("ein"):
        suffixes: tuple[str, ...] = ("nen",)
    elif lemma.endswith(_NOUN_EN):
        suffixes = ("en",)
    elif lemma.endswith("e"):
        suffixes = ("n",)
    elif lemma.endswith(("el", "er", "en")):
        suffixes = ("n", "s")
    elif lemma.endswith("nis"):
        suffixes = ("se", "ses", "sen")
    else:
        suffixes = ("s", "es")
    return [lemma, *(lemma + s for s in suffixes)]


def expand_entry(lemma: str, word_class: str, forms: str = "") -> tuple[list[str], list[str]]:
    """Forms of one lexicon row.

    Parameters
    ----------
    lemma : str
        The lemma, lower case; a verb's separable prefix is marked with ``|``.
    word_class : {'a', 'n', 'v', 'x'}
        Adjective/adverb, noun, verb or invariable word.
    forms : str, default=""
        The row's fourth column: ``+suffix`` items, full forms, ``=`` (no generated
        forms) and ``!un`` (no ``un-`` derivation).

    Returns
    -------
    explicit : list of str
        The lemma (without ``|``) and the full forms listed in the file.
    generated : list of str
        Forms produced by the inflection rules.

    Examples
    --------
    >>> explicit, generated = expand_entry("freundlich", "a")
    >>> explicit, "freundlichsten" in generated
    (['freundlich'], True)
    >>> sorted(f for f in expand_entry("ab|zocken", "v")[1] if f.startswith(("abge", "zockt")))[:2]
    ['abgezockt', 'abgezockte']
    """
    if word_class not in {"a", "n", "v", "x"}:
        raise ValueError(
            f"word class must be one of ['a', 'n', 'v', 'x'], but {word_class!r} was passed "
            f"(lemma {lemma!r})"
        )
    items = [item.strip() for item in forms.split(",") if item.strip()]
    plain = lemma.replace("|", "")
    explicit = [plain] + [i for i in items if not i.startswith(("+", "!")) and i != "="]
    prefix = lemma.rpartition("|")[0]
    if prefix:  # "ausfällt" (subordinate clause) -> "fällt aus" (main clause)
        explicit += [
            f"{f[len(prefix):]} {prefix}"
            for f in explicit[1:]
            if f.startswith(prefix) and not f[len(prefix):].startswith(("ge", "zu"))
            and f != plain
        ]
    generated = [plain + i[1:] for i in items if i.startswith("+")]
    if "=" not in items:
        if word_class == "a":
            generated += _adjective_forms(plain)
        elif word_class == "n":
            generated += _noun_forms(plain)
        elif word_class == "v":
            generated += _verb_forms(lemma)
    return explicit, [g for g in dict.fromkeys(generated) if g not in explicit]


def spelling_variants(form: str) -> list[str]:
    """Umlaut-free spellings of ``form`` (``ae/oe/ue/ss``; dropped umlauts when long).

    Examples
    --------
    >>> spelling_variants("enttäuscht")
    ['enttaeuscht', 'enttauscht']
    >>> spelling_variants("schön")
    ['schoen']
    """
    out = []
    sharp = form.replace("ß", "ss")
    if sharp != form:
        out.append(sharp)
    if re.search("[äöü]", form):
        out.append(sharp.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue"))
        dropped = sharp.translate(_DROP_UMLAUTS)
        if len(dropped) >= MIN_DROPPED_UMLAUT_LEN:
            out.append(dropped)
    return list(dict.fromkeys(o for o in out if o != form))


# --------------------------------------------------------------------------- loaders
@dataclass(frozen=True)
class _Entry:
    form: str
    valence: float
    priority: int
    lemma: str


def _lexicon_entries() -> list[_Entry]:
    """Every form of every lexicon row with its priority, before conflicts are resolved."""
    rows = _read_tsv("de_lexicon.tsv")
    lemmas = {row[0].replace("|", "").lower() for row in rows}
    entries: list[_Entry] = []
    for row in rows:
        if len(row) < 3:
            raise ValueError(f"de_lexicon.tsv: row {row!r} has fewer than 3 columns")
        lemma, word_class, valence = row[0].lower(), row[1], float(row[2])
        forms = row[3].lower() if len(row) > 3 else ""
        explicit, generated = expand_entry(lemma, word_class, forms)
        plain = lemma.replace("|", "")
        entries += [_Entry(f, valence, _P_EXPLICIT, plain) for f in explicit]
        entries += [_Entry(f, valence, _P_GENERATED, plain) for f in generated]
        if (
            word_class == "a"
            and valence > 0
            and "!un" not in forms
            and not plain.startswith("un")
            and "un" + plain not in lemmas
        ):
            derived = [f"un{f}" for f in [*explicit, *generated] if " " not in f]
            entries += [_Entry(f, -UN_FACTOR * valence, _P_DERIVED, plain) for f in derived]
    variants = [
        _Entry(v, e.valence, e.priority - 1, e.lemma)
        for e in entries
        for v in spelling_variants(e.form)
    ]
    return entries + variants


@cache
def _all_forms() -> tuple[dict[str, float], dict[str, float]]:
    best: dict[str, _Entry] = {}
    for entry in _lexicon_entries():
        old = best.get(entry.form)
        if old is None or entry.priority > old.priority:
            best[entry.form] = entry
    words = {f: e.valence for f, e in best.items() if " " not in f}
    phrases = {f: e.valence for f, e in best.items() if " " in f}
    return words, phrases


def load_lexicon() -> dict[str, float]:
    """The German valence lexicon: every generated single-word form -> valence.

    Returns
    -------
    dict of str to float
        Lower-case word forms with valences on VADER's -4..4 scale. When two rows
        produce the same form, a form written in the file beats a generated one,
        which beats an ``un-`` derivation; spelling variants rank just below their
        source.

    Examples
    --------
    >>> lex = load_lexicon()
    >>> lex["freundlich"] > 0 > lex["unfreundlichsten"]
    True
    >>> lex["enttaeuscht"] == lex["enttäuscht"]
    True
    """
    return {form: v for form, v in _all_forms()[0].items() if v != 0}


def load_phrases() -> dict[str, float]:
    """Multi-word expressions -> valence (``de_phrases.tsv`` and multi-word lexicon forms).

    Examples
    --------
    >>> load_phrases()["nicht schlecht"] > 0
    True
    """
    phrases = dict(_all_forms()[1])
    for row in _read_tsv("de_phrases.tsv"):
        phrase = " ".join(row[0].lower().split())
        phrases[phrase] = float(row[1])
        for variant in spelling_variants(phrase):
            phrases.setdefault(variant, float(row[1]))
    return phrases


def load_boosters() -> dict[str, float]:
    """Intensifiers (positive increment) and downtoners (negative) -> increment.

    Examples
    --------
    >>> load_boosters()["sehr"] > 0 > load_boosters()["etwas"]
    True
    """
    return {" ".join(row[0].lower().split()): float(row[1]) for row in _read_tsv("de_boosters.tsv")}


def load_negations() -> frozenset[str]:
    """German negation words (``nicht``, ``kein``-forms, ``nie``, ``ohne``, ...).

    Examples
    --------
    >>> {"nicht", "keinen", "niemals"} <= load_negations()
    True
    """
    return frozenset(row[0].lower() for row in _read_tsv("de_negations.tsv"))


def load_contrast() -> dict[str, tuple[float, float]]:
    """Contrast words -> (weight of the valences before, weight of those after).

    Examples
    --------
    >>> load_contrast()["aber"]
    (0.5, 1.5)
    """
    return {row[0].lower(): (float(row[1]), float(row[2])) for row in _read_tsv("de_contrast.tsv")}


def load_compounds() -> tuple[dict[str, float], dict[str, float], dict[str, tuple[str, ...]]]:
    """Valenced compound heads and modifiers.

    Returns
    -------
    heads : dict of str to float
        Morphemes (with their inflected and umlaut-free forms) that end a compound.
    modifiers : dict of str to float
        Morphemes that start a compound.
    exclusions : dict of str to tuple of str
        Per morpheme, letter sequences that block a split: for a head, endings of the
        rest of the word ("s" keeps "Zeitspanne" whole); for a modifier, beginnings of
        the rest ("a" keeps "Trauma" whole).

    Examples
    --------
    >>> heads, modifiers, _ = load_compounds()
    >>> heads["katastrophen"] < 0 < modifiers["top"]
    True
    """
    heads, modifiers, exclusions = _compounds()
    return dict(heads), dict(modifiers), dict(exclusions)


@cache
def _compounds() -> tuple[dict[str, float], dict[str, float], dict[str, tuple[str, ...]]]:
    heads: dict[str, float] = {}
    modifiers: dict[str, float] = {}
    exclusions: dict[str, tuple[str, ...]] = {}
    for row in _read_tsv("de_compounds.tsv"):
        morpheme, position, valence = row[0].lower(), row[1], float(row[2])
        blocked = tuple(x.strip() for x in row[3].split(",")) if len(row) > 3 else ()
        if position == "head":
            forms = [morpheme, *_noun_forms(morpheme)[1:]]
            if morpheme.endswith("lich"):
                forms = _adjective_forms(morpheme)
            target = heads
        elif position == "modifier":
            forms = [morpheme]
            target = modifiers
        else:
            raise ValueError(
                f"de_compounds.tsv: position must be one of ['head', 'modifier'], "
                f"but {position!r} was given for {morpheme!r}"
            )
        for form in forms:
            for f in [form, *spelling_variants(form)]:
                target.setdefault(f, valence)
                if blocked:
                    exclusions[f] = blocked
    return heads, modifiers, exclusions


def load_emoticons() -> tuple[dict[str, float], dict[str, str]]:
    """Emoticons (tokens) with valences, and emoji with the token that replaces them.

    Returns
    -------
    emoticons : dict of str to float
        Lower-case emoticon tokens (``":)"``, ``":d"``, ``"<3"``) and the ``emoji_*``
        tokens, with valences.
    emoji : dict of str to str
        Single-character emoji -> the ``emoji_<name>`` token that the engine puts in
        its place before tokenising.

    Examples
    --------
    >>> emoticons, emoji = load_emoticons()
    >>> emoticons[":)"] > 0 > emoticons[emoji["😡"]]
    True
    """
    emoticons: dict[str, float] = {}
    emoji: dict[str, str] = {}
    for row in _read_tsv("de_emoticons.tsv"):
        sign, valence = row[0], float(row[1])
        if len(row) > 2:
            token = f"emoji_{row[2]}"
            emoji[sign] = token
            emoticons[token] = valence
        else:
            emoticons[sign.lower()] = valence
    return emoticons, emoji


#: Negations that do not negate when the given words follow them ("nicht nur ...,
#: sondern auch", "ohne Zweifel", "nichts als Ärger").
NEGATION_EXCEPTIONS: dict[str, frozenset[str]] = {
    "nicht": frozenset({"nur"}),
    "ohne": frozenset({"zweifel", "frage"}),
    "nichts": frozenset({"als"}),
    "nix": frozenset({"als"}),
}


@cache
def german_spec() -> LexiconSpec:
    """The German lexicon and rules as a :class:`LexiconSpec` for :func:`score_texts`.

    Built once and cached (the engine caches its lookup tables per spec object).

    Returns
    -------
    LexiconSpec
        ``name="de"``: the generated lexicon with emoticons and emoji tokens,
        boosters and downtoners, negations (with ``nie so gut`` read as emphasis and
        ``nicht nur``/``ohne Zweifel``/``nichts als`` not negating), contrast words,
        phrases, emoji, the text rules (:class:`TextRules`) as the ``preprocess`` hook and
        the token rules (``token_rewrite``, ``token_reorder``) of :func:`preprocess_german`.
        Everything else (negation factor -0.74, capitals, ``!``, normalisation) is
        VADER's default.

    Examples
    --------
    >>> import pandas as pd
    >>> from empathylab.sentiment import score_texts
    >>> texts = pd.Series(["Sehr freundlich und hilfsbereit!", "Gut war das nicht."])
    >>> scores = score_texts(texts, german_spec())
    >>> bool(scores.loc[0, "compound"] > 0.5), bool(scores.loc[1, "compound"] < 0)
    (True, True)
    """
    emoticons, emoji = load_emoticons()
    heads, modifiers, _ = load_compounds()
    compounds = {COMPOUND_MARK + m: v for m, v in {**heads, **modifiers}.items()}
    phrases = {k: v for k, v in load_phrases().items() if 2 <= len(k.split(" ")) <= 5}
    return LexiconSpec(
        name="de",
        lexicon={**load_lexicon(), **emoticons, **compounds},
        boosters=load_boosters(),
        negations=load_negations(),
        scope_breaks=SCOPE_BREAKS,
        contrasts=load_contrast(),
        emphatic_negations=frozenset({"nie", "niemals"}),
        emphatic_words=frozenset({"so"}),
        negation_exceptions=NEGATION_EXCEPTIONS,
        phrases=phrases,
        emoji=emoji,
        preprocess=text_rules,
        token_rewrite=rewrite_tokens,
        token_reorder=reorder_tokens,
        vader_quirks=False,
    )
