"""Self-contained HTML pages: inline CSS, figures as inline PNG, every text escaped."""

from __future__ import annotations

import base64
import html
import io
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["figure_to_img", "page", "table_html", "write_page"]

CSS = """
body { font-family: -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; margin: 2rem auto;
       max-width: 1100px; color: #222; line-height: 1.45; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.2rem; margin-top: 2rem;
     border-bottom: 1px solid #ddd; padding-bottom: .2rem; }
.subtitle { color: #666; margin-top: 0; }
.kpis { display: flex; flex-wrap: wrap; gap: .8rem; }
.kpi { background: #f4f6f8; border-radius: 6px; padding: .6rem 1rem; min-width: 9rem; }
.kpi .value { font-size: 1.4rem; font-weight: 600; } .kpi .label { color: #555; font-size: .85rem; }
table { border-collapse: collapse; font-size: .85rem; margin: .5rem 0; }
th, td { border: 1px solid #ddd; padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #f4f6f8; } td.num { text-align: right; }
.table { overflow-x: auto; max-width: 100%; }
img { max-width: 100%; } .note { color: #555; font-size: .85rem; }
"""


def esc(value: object) -> str:
    """HTML-escaped text of ``value`` (quotes included)."""
    return html.escape("" if value is None else str(value), quote=True)


def table_html(df: pd.DataFrame, *, max_rows: int = 50) -> str:
    """A DataFrame as an HTML table with every cell escaped."""
    table = df.head(max_rows).to_html(index=False, escape=True, na_rep="", border=0)
    return f"<div class='table'>{table}</div>"


def figure_to_img(fig: Figure, *, alt: str) -> str:
    """``<img>`` with the figure inlined as a base64 PNG (opens offline)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f'<img alt="{esc(alt)}" src="data:image/png;base64,{data}">'


def page(
    title: str, subtitle: str, sections: Iterable[tuple[str, str]], *, lang: str = "en"
) -> str:
    """A complete HTML document; section bodies must already be escaped HTML."""
    body = "\n".join(f"<h2>{esc(head)}</h2>\n{content}" for head, content in sections)
    return (
        f"<!DOCTYPE html>\n<html lang='{esc(lang)}'><head><meta charset='utf-8'>"
        "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; "
        "img-src data:; style-src 'unsafe-inline'\">"
        f"<title>{esc(title)}</title><style>{CSS}</style></head><body>"
        f"<h1>{esc(title)}</h1><p class='subtitle'>{esc(subtitle)}</p>\n{body}\n</body></html>\n"
    )


def write_page(text: str, path: str | Path) -> Path:
    """Write an HTML document, creating the folder; return the absolute path."""
    target = Path(path).expanduser().resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target
