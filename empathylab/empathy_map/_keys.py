"""Key phrases that group near-identical customer statements (stop words, stems)."""

from __future__ import annotations

import re
from functools import cache

import numpy as np
import pandas as pd

__all__ = ["key_phrases"]

# Function words of English and German (closed word classes: articles, pronouns,
# auxiliaries, prepositions, conjunctions, particles), written from grammar books'
# lists, plus the words of customer-service salutations; they carry no topic.
_STOP_EN = frozenset("""
a an the and or but if then than so because as at by for from in into of off on onto out
over to up with without about after before again all also am any are aren't be been being
both can can't cannot could couldn't did didn't do does doesn't doing don't down during each
few further had hadn't has hasn't have haven't having he her here hers herself him himself
his how i i'd i'll i'm i've im ive id ill is isn't it it's its itself just let's me more most
my myself no nor not now only other our ours ourselves own same she should shouldn't some
such that that's their theirs them themselves there these they they're this those through
too under until very was wasn't we we're we've were weren't what when where which while who
whom why will won't would wouldn't you you're you've your yours yourself yourselves u ur
pls please thanks thank hi hello hey dear regards still even really already yet get got
getting one two three ever never much many lot lots thing things way also since via ok okay
yes yeah oh well back today yesterday tomorrow time times day days week weeks once twice
thrice several multiple advance cheers best kind sincerely monday tuesday wednesday
thursday friday saturday sunday
""".split())
_STOP_DE = frozenset("""
der die das den dem des ein eine einen einem einer eines und oder aber wenn dann als wie so
weil dass da denn doch ja nein nicht kein keine keinen keinem keiner auch noch schon nur
sehr mal ich du er sie es wir ihr mich mir dich dir ihn ihm uns euch euer eure euren mein
meine meinen meinem meiner dein deine sein seine seinen ihre ihren ihrem ihrer unser unsere
bin bist ist sind seid war waren wäre wären habe hast hat haben habt hatte hatten hätte
werde wirst wird werden würde würden kann kannst können konnte konnten muss musste müssen
soll sollte sollten will wollte darf durfte mag möchte im in am an auf aus bei mit nach von
vor zu zum zur über unter um durch für gegen ohne bis seit ab hier dort jetzt heute gestern
morgen immer wieder bitte danke hallo liebe lieber sehr geehrte geehrter grüße gruß mfg vg
lg etwas alles alle allem allen man sich selbst dies diese dieser diesem diesen dieses was
wer wo warum wieso weshalb welche welcher welches eigentlich einfach leider gerne gern
bereits ganz gar mehr viel viele also nun eben halt zwar sowie bzw ca usw etc tag tage woche
wochen mal ob sondern sowohl weder einmal zweimal dreimal viermal fünfmal sechsmal zehnmal
mehrmals mehrfach x-mal oft vielen dank vorab voraus dankeschön herzlichen herzlich beste
besten freundliche freundlichen grüßen dafür montag dienstag mittwoch donnerstag freitag
samstag sonntag
""".split())
_TOKEN = re.compile(r"[^\W\d_][\w'-]*", re.UNICODE)
_NOISE = re.compile(r"https?://\S+|www\.\S+|[@#]\w+|\S+@\S+")
_MAX_WORDS = 6


@cache
def _stemmer(lang: str):
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer("german" if lang == "de" else "english")


@cache
def _stem_of(lang: str):
    stemmer = _stemmer(lang)
    return cache(stemmer.stem)


def key_phrases(sentences: pd.Series, languages: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Grouping key (sorted content-word stems) and a readable item per sentence.

    The item is the sentence's first content words in their order (up to six);
    the key is the set of their stems, so "Parcel arrived late." and "the parcel
    arrived late!!" share a key.
    """
    cleaned = sentences.astype("str").str.replace(_NOISE, " ", regex=True).str.lower()
    keys = np.empty(len(sentences), dtype=object)
    items = np.empty(len(sentences), dtype=object)
    langs = languages.fillna("en").to_numpy(dtype=object)
    for i, (text, lang) in enumerate(zip(cleaned.tolist(), langs, strict=True)):
        lang = "de" if lang == "de" else "en"
        stop = _STOP_DE if lang == "de" else _STOP_EN
        stem = _stem_of(lang)
        words = [w.strip("'-") for w in _TOKEN.findall(text)]
        content = list(dict.fromkeys(w for w in words if len(w) > 1 and w not in stop))
        content = content[:_MAX_WORDS]
        stems = sorted({stem(w) for w in content})
        keys[i] = " ".join(stems)
        items[i] = " ".join(content)
    return (pd.Series(keys, index=sentences.index, dtype="str"),
            pd.Series(items, index=sentences.index, dtype="str"))
