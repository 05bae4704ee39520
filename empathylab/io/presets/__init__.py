"""Vendor presets: one module per export layout, each defining ``PRESET``.

Auto-detection compares each preset's signature headers with the file's
headers and picks the best share above the preset's ``min_hits``; the generic
preset (fuzzy German and English header matching) is the fallback.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence

import pandas as pd

from ...exceptions import FeedbackFormatError
from ._base import Preset, PresetContext

__all__ = ["Preset", "PresetContext", "detect_preset", "get_preset", "list_presets"]

# Order matters only for ties in auto-detection: more specific layouts first.
_MODULES: tuple[str, ...] = (
    "zendesk",
    "intercom",
    "qualtrics",
    "surveymonkey",
    "typeform",
    "trustpilot",
    "google_play",
    "app_store",
    "twitter",
    "generic",
)


def _load() -> dict[str, Preset]:
    presets: dict[str, Preset] = {}
    for module in _MODULES:
        preset = importlib.import_module(f"{__name__}.{module}").PRESET
        presets[preset.name] = preset
    return presets


PRESETS: dict[str, Preset] = _load()


def get_preset(name: str | Preset) -> Preset:
    """The preset called ``name``; the error lists the known names."""
    if isinstance(name, Preset):
        return name
    try:
        return PRESETS[name]
    except KeyError:
        raise FeedbackFormatError(
            f"`preset` must be 'auto' or one of {sorted(PRESETS)}, but {name!r} was passed."
        ) from None


def detect_preset(columns: Sequence[object]) -> Preset:
    """The vendor preset whose signature best matches ``columns``, else the generic one."""
    best, best_score = PRESETS["generic"], 0.0
    for preset in PRESETS.values():
        score = preset.match_score(columns)
        if score > best_score:
            best, best_score = preset, score
    return best


def list_presets() -> pd.DataFrame:
    """Table of the presets: name, description, the headers that identify the export.

    >>> "twitter" in list_presets()["preset"].tolist()
    True
    """
    return pd.DataFrame(
        {
            "preset": [p.name for p in PRESETS.values()],
            "description": [p.description for p in PRESETS.values()],
            "signature": [", ".join(p.signature) for p in PRESETS.values()],
        }
    )
