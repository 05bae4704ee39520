"""Touchpoint taxonomies: reading (dict or YAML), checking, and compiling to regexes.

A taxonomy maps touchpoint keys (snake_case, e.g. ``delivery``) to the terms that
signal them. See ``empathylab/touchpoints/data/default.yaml`` (the default taxonomy,
documented field by field) and ``docs/touchpoints.md``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from .._validation import did_you_mean
from ..exceptions import EmpathyLabError

__all__ = [
    "FIELDS",
    "TERM_FIELDS",
    "Taxonomy",
    "TaxonomyError",
    "Touchpoint",
    "default_taxonomy_path",
    "load_taxonomy",
]

#: Fields a touchpoint may have.
FIELDS = ("label", "keywords", "phrases", "regexes", "exclusions", "lang", "description")
#: Fields holding terms (a list, or a mapping of language group -> list).
TERM_FIELDS = ("keywords", "phrases", "regexes", "exclusions")
#: Language groups of terms: ``all`` applies to every text.
GROUPS = ("all", "de", "en")
_TOP_FIELDS = ("touchpoints", "version", "name", "description")
_KEY = re.compile(r"[a-z][a-z0-9_]*")

# ä/ö/ü/ß and their two-letter spellings match each other
_DIGRAPHS = {"ae": "(?:ae|ä)", "oe": "(?:oe|ö)", "ue": "(?:ue|ü)", "ss": "(?:ss|ß)"}
_UMLAUTS = {"ä": "(?:ä|ae)", "ö": "(?:ö|oe)", "ü": "(?:ü|ue)", "ß": "(?:ß|ss)"}
_GAP = r"[\s\-]+"  # between the words of a multi-word term


class TaxonomyError(EmpathyLabError, ValueError):
    """A touchpoint taxonomy is malformed; the message names the touchpoint and field."""


@dataclass(frozen=True)
class Touchpoint:
    """One touchpoint of a :class:`Taxonomy` (terms per language group)."""

    key: str
    label: Mapping[str, str]
    keywords: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    phrases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    regexes: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    exclusions: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    lang: str | None = None
    description: str | None = None

    def display(self, lang: str = "en") -> str:
        """The label in ``lang`` (``de`` or ``en``), else the other one."""
        return self.label.get(lang) or next(iter(self.label.values()))

    def to_dict(self) -> dict[str, Any]:
        """The touchpoint as the plain mapping a YAML file holds."""
        out: dict[str, Any] = {"label": dict(self.label)}
        for name in TERM_FIELDS:
            terms = getattr(self, name)
            if terms:
                out[name] = {g: list(v) for g, v in terms.items()}
        if self.lang is not None:
            out["lang"] = self.lang
        if self.description is not None:
            out["description"] = self.description
        return out


@dataclass(frozen=True)
class Taxonomy:
    """A checked touchpoint taxonomy (build it with :func:`load_taxonomy`).

    Attributes
    ----------
    touchpoints : tuple of Touchpoint
        In the order of the source (ties of ``primary_touchpoint`` go to the first).
    name : str
        ``"default"``, the file name, or ``"custom"`` for a dict.
    """

    touchpoints: tuple[Touchpoint, ...]
    name: str = "custom"

    @property
    def keys(self) -> list[str]:
        """The touchpoint keys, in order."""
        return [t.key for t in self.touchpoints]

    def __getitem__(self, key: str) -> Touchpoint:
        for t in self.touchpoints:
            if t.key == key:
                return t
        raise KeyError(f"no touchpoint {key!r} in the taxonomy{did_you_mean(key, self.keys)}")

    def __len__(self) -> int:
        return len(self.touchpoints)

    def labels(self, lang: str = "en") -> dict[str, str]:
        """``{key: display label}`` in ``lang`` (``"de"`` or ``"en"``)."""
        return {t.key: t.display(lang) for t in self.touchpoints}

    def has_language_terms(self) -> bool:
        """Whether any term or touchpoint is tied to a language (then ``lang`` matters)."""
        return any(
            t.lang is not None or any(g != "all" for f in TERM_FIELDS for g in getattr(t, f))
            for t in self.touchpoints
        )

    def to_dict(self) -> dict[str, Any]:
        """The taxonomy as a mapping that :func:`load_taxonomy` reads back unchanged."""
        return {"version": 1, "name": self.name,
                "touchpoints": {t.key: t.to_dict() for t in self.touchpoints}}

    def __repr__(self) -> str:
        return f"<Taxonomy {self.name!r}: {len(self)} touchpoints ({', '.join(self.keys)})>"


# --------------------------------------------------------------------------- loading
def default_taxonomy_path() -> Path:
    """Path of the bundled default taxonomy (YAML); copy it to start your own."""
    ref = resources.files("empathylab.touchpoints").joinpath("data", "default.yaml")
    with resources.as_file(ref) as path:
        return Path(path)


_CACHE: dict[str, Taxonomy] = {}


def load_taxonomy(taxonomy: Any = "default") -> Taxonomy:
    """Read and check a touchpoint taxonomy.

    Parameters
    ----------
    taxonomy : "default", dict, str or pathlib.Path, or Taxonomy, default="default"
        ``"default"`` is the bundled German+English taxonomy; a dict is either
        ``{"touchpoints": {key: spec, ...}}`` or ``{key: spec, ...}``; a str or
        Path names a YAML file of the same shape. Each ``spec`` has the fields
        ``label`` (str, or ``{de: ..., en: ...}``), ``keywords``, ``phrases``,
        ``regexes``, ``exclusions`` (each a list of str, or a mapping of ``all`` /
        ``de`` / ``en`` to lists), optionally ``lang`` (``"de"``/``"en"``) and
        ``description``. See ``docs/touchpoints.md``.

    Returns
    -------
    Taxonomy

    Raises
    ------
    TaxonomyError
        (a ``ValueError``) naming the touchpoint and field: an unknown field, a key
        that is not snake_case, a term that is not a non-empty str, a regex that
        does not compile or matches the empty string, a touchpoint without terms.
    FileNotFoundError
        When a path does not exist.

    Examples
    --------
    >>> tax = load_taxonomy({"delivery": {"label": "Lieferung", "keywords": ["liefer"]}})
    >>> tax.keys
    ['delivery']
    >>> try:
    ...     load_taxonomy({"delivery": {"keyword": ["liefer"]}})
    ... except TaxonomyError as exc:
    ...     print(str(exc).split(' Allowed')[0])
    touchpoint 'delivery': unknown field 'keyword'; did you mean 'keywords'?
    """
    if isinstance(taxonomy, Taxonomy):
        return taxonomy
    if isinstance(taxonomy, str) and taxonomy == "default":
        if "default" not in _CACHE:
            _CACHE["default"] = _from_file(default_taxonomy_path(), name="default")
        return _CACHE["default"]
    if isinstance(taxonomy, str | Path):
        path = Path(taxonomy)
        if not path.is_file():
            raise FileNotFoundError(
                f"no taxonomy file at '{path}'; pass 'default', a dict or the path of a YAML "
                "file (start from empathylab.touchpoints.default_taxonomy_path())."
            )
        return _from_file(path, name=path.name)
    if isinstance(taxonomy, Mapping):
        return _from_mapping(taxonomy, name=str(taxonomy.get("name", "custom"))
                             if "touchpoints" in taxonomy else "custom")
    raise TypeError(
        f"`taxonomy` must be 'default', a dict, a YAML path or a Taxonomy, but "
        f"{type(taxonomy).__name__} was passed."
    )


def _from_file(path: Path, name: str) -> Taxonomy:
    import yaml

    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise TaxonomyError(f"'{path}' is not valid YAML: {exc}") from None
    if not isinstance(doc, Mapping):
        raise TaxonomyError(
            f"'{path}' must hold a mapping of touchpoints, but holds a {type(doc).__name__}."
        )
    try:
        return _from_mapping(doc, name=str(doc.get("name", name)))
    except TaxonomyError as exc:
        raise TaxonomyError(f"'{path}': {exc}") from None


def _from_mapping(doc: Mapping[str, Any], name: str) -> Taxonomy:
    if "touchpoints" in doc:
        unknown = [k for k in doc if k not in _TOP_FIELDS]
        if unknown:
            raise TaxonomyError(
                f"unknown top-level field {unknown[0]!r}"
                f"{did_you_mean(str(unknown[0]), _TOP_FIELDS)} Allowed: "
                f"{', '.join(_TOP_FIELDS)}."
            )
        spec = doc["touchpoints"]
        if not isinstance(spec, Mapping):
            raise TaxonomyError(
                f"'touchpoints' must be a mapping of key -> touchpoint, not "
                f"{type(spec).__name__}."
            )
    else:
        spec = doc
    if not spec:
        raise TaxonomyError("the taxonomy has no touchpoints.")
    points = tuple(_touchpoint(key, value) for key, value in spec.items())
    return Taxonomy(points, name=name)


def _touchpoint(key: object, spec: object) -> Touchpoint:
    if not isinstance(key, str) or not _KEY.fullmatch(key):
        hint = re.sub(r"[^a-z0-9]+", "_", str(key).lower()).strip("_")
        raise TaxonomyError(
            f"touchpoint key {key!r} must be snake_case (lower-case letters, digits and "
            f"underscores, starting with a letter), e.g. {hint or 'delivery'!r}."
        )
    if not isinstance(spec, Mapping):
        raise TaxonomyError(
            f"touchpoint {key!r} must be a mapping of fields ({', '.join(FIELDS)}), not "
            f"{type(spec).__name__}."
        )
    for f in spec:
        if f not in FIELDS:
            raise TaxonomyError(
                f"touchpoint {key!r}: unknown field {f!r}{did_you_mean(str(f), FIELDS)} "
                f"Allowed fields: {', '.join(FIELDS)}."
            )
    lang = spec.get("lang")
    if lang is not None and lang not in ("de", "en"):
        raise TaxonomyError(
            f"touchpoint {key!r}, field 'lang': must be 'de', 'en' or absent, but {lang!r} "
            "was given."
        )
    terms = {f: _terms(key, f, spec.get(f)) for f in TERM_FIELDS}
    if lang is not None:  # a language-bound touchpoint: every term belongs to that language
        terms = {f: _merge({lang: [t for v in g.values() for t in v]}) for f, g in terms.items()}
    if not any(terms[f] for f in ("keywords", "phrases", "regexes")):
        raise TaxonomyError(
            f"touchpoint {key!r} has no keywords, phrases or regexes; give at least one term."
        )
    for group, items in terms["regexes"].items():
        for i, rx in enumerate(items):
            _check_regex(key, group, i, rx)
    description = spec.get("description")
    if description is not None and not isinstance(description, str):
        raise TaxonomyError(f"touchpoint {key!r}, field 'description': must be a str.")
    return Touchpoint(key, _label(key, spec.get("label")), terms["keywords"], terms["phrases"],
                      terms["regexes"], terms["exclusions"], lang, description)


def _label(key: str, label: object) -> dict[str, str]:
    if label is None:
        text = key.replace("_", " ").capitalize()
        return {"de": text, "en": text}
    if isinstance(label, str) and label.strip():
        return {"de": label, "en": label}
    if isinstance(label, Mapping) and label:
        bad = [k for k in label if k not in ("de", "en")]
        if bad:
            raise TaxonomyError(
                f"touchpoint {key!r}, field 'label': languages must be 'de' and/or 'en', but "
                f"{bad[0]!r} was given."
            )
        if all(isinstance(v, str) and v.strip() for v in label.values()):
            return {str(k): str(v) for k, v in label.items()}
    raise TaxonomyError(
        f"touchpoint {key!r}, field 'label': must be a non-empty str or {{de: ..., en: ...}}, "
        f"but {label!r} was given."
    )


def _terms(key: str, name: str, value: object) -> dict[str, tuple[str, ...]]:
    if value is None:
        return {}
    if isinstance(value, str):
        raise TaxonomyError(
            f"touchpoint {key!r}, field {name!r}: must be a list of str (or a mapping "
            f"all/de/en -> list), but a single str was given; write [{value!r}]."
        )
    groups = value if isinstance(value, Mapping) else {"all": value}
    out: dict[str, list[str]] = {}
    for group, items in groups.items():
        if group not in GROUPS:
            raise TaxonomyError(
                f"touchpoint {key!r}, field {name!r}: language group must be one of "
                f"{list(GROUPS)}, but {group!r} was given."
            )
        if items is None:
            continue
        if isinstance(items, str) or not isinstance(items, Sequence):
            raise TaxonomyError(
                f"touchpoint {key!r}, field {name!r}" + ("" if group == "all" else f".{group}")
                + f": must be a list of str, but {type(items).__name__} was given."
            )
        for i, term in enumerate(items):
            if not isinstance(term, str) or not term.strip() or term.strip() == "*":
                where = f"{name}" + ("" if group == "all" else f".{group}")
                raise TaxonomyError(
                    f"touchpoint {key!r}, field {where!r}, item {i}: must be a non-empty str, "
                    f"but {term!r} was given."
                )
        out[str(group)] = [t.strip() for t in items]
    return _merge(out)


def _merge(groups: Mapping[str, Sequence[str]]) -> dict[str, tuple[str, ...]]:
    """Drop empty groups and duplicate terms (case-insensitive), keep the order."""
    out: dict[str, tuple[str, ...]] = {}
    for group in GROUPS:
        seen: dict[str, str] = {}
        for term in groups.get(group, ()):
            seen.setdefault(term.lower(), term)
        if seen:
            out[group] = tuple(seen.values())
    return out


def _check_regex(key: str, group: str, i: int, rx: str) -> None:
    where = "regexes" + ("" if group == "all" else f".{group}")
    try:
        compiled = re.compile(rx, re.IGNORECASE)
    except re.error as exc:
        raise TaxonomyError(
            f"touchpoint {key!r}, field {where!r}, item {i}: {rx!r} is not a valid regular "
            f"expression ({exc})."
        ) from None
    if compiled.groupindex:
        raise TaxonomyError(
            f"touchpoint {key!r}, field {where!r}, item {i}: {rx!r} uses named groups; use "
            "(?:...) instead."
        )
    if compiled.fullmatch(""):
        raise TaxonomyError(
            f"touchpoint {key!r}, field {where!r}, item {i}: {rx!r} matches the empty text, "
            "so it would match everywhere."
        )


# --------------------------------------------------------------------------- compiling
def _literal(word: str) -> str:
    """Regex of one word: ä/ae, ö/oe, ü/ue, ß/ss interchangeable; '-' optional."""
    word = word.lower()
    out: list[str] = []
    i = 0
    while i < len(word):
        two = word[i : i + 2]
        if two in _DIGRAPHS:
            out.append(_DIGRAPHS[two])
            i += 2
            continue
        char = word[i]
        if char == "-":
            out.append(r"[\s\-]?")
        else:
            out.append(_UMLAUTS.get(char, re.escape(char)))
        i += 1
    return "".join(out)


def _body(term: str) -> str:
    return _GAP.join(_literal(w) for w in term.split())


_RE2_WORD = r"[\pL\pN_]"


def term_source(term: str, kind: str) -> tuple[str, str]:
    """``(python, re2)`` regex sources of one keyword or phrase, without the word-start test.

    A keyword takes the rest of the word along (``\\w*``); a leading ``*`` marks a
    keyword that also matches inside a word. A phrase must end at a word end.
    """
    body = _body(term.lstrip("*") if kind == "keyword" else term)
    if kind == "phrase":
        return rf"{body}(?!\w)", body
    return rf"{body}\w*", body


@dataclass(frozen=True)
class CompiledTerms:
    """The keywords and phrases of one touchpoint (or its exclusions) for the matcher.

    ``re2`` is one RE2 pattern for ``pyarrow.compute.replace_substring_regex``: a
    separator capture (start of text or a non-word character), then one capture per
    field of ``fields`` (``("start", group)``: word-start terms; ``("inner", group)``:
    ``*`` keywords), then the rest of the word. ``check`` holds, per field, the
    Python regex a candidate span must match in full (phrases must end at a word
    end). ``regexes`` holds one Python regex per language group for the
    analyst's own regexes.
    """

    re2: str | None
    fields: tuple[tuple[str, str], ...]
    check: Mapping[tuple[str, str], re.Pattern[str]]
    regexes: Mapping[str, re.Pattern[str]]

    @classmethod
    def build(cls, parts: Mapping[str, Sequence[tuple[str, str]]]) -> CompiledTerms:
        """``parts`` maps a language group to its ``(term, kind)`` pairs."""
        fields: list[tuple[str, str]] = []
        re2_start: list[str] = []
        re2_inner: list[str] = []
        check: dict[tuple[str, str], re.Pattern[str]] = {}
        regexes: dict[str, re.Pattern[str]] = {}
        for position in ("start", "inner"):
            for group in GROUPS:
                chosen = [
                    (t, k) for t, k in parts.get(group, ())
                    if k != "regex" and (t.startswith("*") and k == "keyword") == (
                        position == "inner")
                ]
                if not chosen:
                    continue
                # longer terms first, so a longer alternative wins at the same position
                chosen.sort(key=lambda p: -len(p[0]))
                sources = [term_source(t, k) for t, k in chosen]
                fields.append((position, group))
                alternation = "|".join(r for _, r in sources)
                (re2_start if position == "start" else re2_inner).append(f"({alternation})")
                lead = r"\w*" if position == "inner" else ""
                check[(position, group)] = re.compile(
                    lead + "(?:" + "|".join(py for py, _ in sources) + ")", re.IGNORECASE
                )
        for group in GROUPS:
            own = [t for t, k in parts.get(group, ()) if k == "regex"]
            if own:
                regexes[group] = re.compile("|".join(f"(?:{t})" for t in own), re.IGNORECASE)
        if not fields:
            return cls(None, (), check, regexes)
        alternatives = []
        if re2_start:
            alternatives.append(f"(^|[^\\pL\\pN_])(?:{'|'.join(re2_start)})")
        else:
            alternatives.append("(\\x00\\x00)")  # keeps the separator capture in place
        alternatives += re2_inner
        pattern = f"(?i)(?:{'|'.join(alternatives)})({_RE2_WORD}*)"
        return cls(pattern, tuple(fields), check, regexes)


def compile_touchpoint(tp: Touchpoint) -> tuple[CompiledTerms, CompiledTerms]:
    """``(terms, exclusions)`` of a touchpoint, compiled for the matcher."""
    terms: dict[str, list[tuple[str, str]]] = {}
    exclusions: dict[str, list[tuple[str, str]]] = {}
    for group in GROUPS:
        terms[group] = [(t, "keyword") for t in tp.keywords.get(group, ())]
        terms[group] += [(t, "phrase") for t in tp.phrases.get(group, ())]
        terms[group] += [(t, "regex") for t in tp.regexes.get(group, ())]
        exclusions[group] = [(t, "keyword") for t in tp.exclusions.get(group, ())]
    return CompiledTerms.build(terms), CompiledTerms.build(exclusions)
