"""Command line: ``empathylab demo`` and ``empathylab load EXPORT``.

Exit codes: 0 success, 2 bad input (one line on stderr saying why).
"""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path

from .exceptions import EmpathyLabError
from .io.export import write_table

__all__ = ["main"]

def _cmd_demo(args: argparse.Namespace) -> int:
    from .datasets import list_samples, load_sample
    from .io.redact import redact_pii, redaction_summary
    from .report.overview import overview

    print("empathylab demo: loading the bundled synthetic samples", file=sys.stderr)
    for name in list_samples()["name"]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            sample = load_sample(name)
        report = sample.attrs.get("load_report")
        line = str(report._headline()) if report is not None else f"{len(sample)} rows"
        print(f"  {name}: {line}", file=sys.stderr)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        df = load_sample(args.sample)
    df = redact_pii(df)
    counts = redaction_summary(df)
    found = counts[counts["count"] > 0]
    print(
        "  redacted: "
        + (", ".join(f"{r.count} {r.kind}" for r in found.itertuples()) or "nothing"),
        file=sys.stderr,
    )
    target = Path(args.output)
    overview(df, title=f"empathylab demo: {args.sample}").to_html(target)
    print(target.resolve())
    return 0


def _cmd_load(args: argparse.Namespace) -> int:
    from .io.reader import read_feedback

    columns = dict(item.split("=", 1) for item in args.column or [])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        df = read_feedback(
            args.export, preset=args.preset, columns=columns or None, strict=args.strict
        )
    report = df.attrs["load_report"]
    if args.redact:
        from .io.redact import redact_pii

        df = redact_pii(df)
    print(report)
    if args.output:
        write_table(df, Path(args.output))
        print(Path(args.output).resolve())
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="empathylab",
        description="Customer-empathy analytics for German and English feedback exports.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    demo = sub.add_parser(
        "demo",
        help="load the bundled sample, redact it and write an HTML overview",
        description="Loads the bundled synthetic samples, redacts personal data and writes a "
        "self-contained HTML overview; prints the file's path.",
    )
    demo.add_argument("--sample", default="feedback_de", help="sample to report on")
    demo.add_argument(
        "-o",
        "--output",
        default="output/empathylab-demo.html",
        help="HTML file to write (default: %(default)s)",
    )
    demo.set_defaults(func=_cmd_demo)
    load = sub.add_parser(
        "load",
        help="read an export, print its load report, optionally save it canonical",
        description="Reads a feedback export (CSV/Excel/JSON/Parquet, vendor presets), prints "
        "what was loaded and quarantined, and writes the canonical table.",
    )
    load.add_argument("export", help="the export file")
    load.add_argument("--preset", default="auto", help="vendor layout (default: detect)")
    load.add_argument(
        "--column",
        action="append",
        metavar="CANONICAL=HEADER",
        help="map a column by hand, e.g. --column text=Freitext (repeatable)",
    )
    load.add_argument("--strict", action="store_true", help="fail on the first malformed row")
    load.add_argument("--redact", action="store_true", help="redact personal data")
    load.add_argument("-o", "--output", help="write .csv, .xlsx or .parquet")
    load.set_defaults(func=_cmd_load)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = _parser().parse_args(argv)
    try:
        return int(args.func(args))
    except (EmpathyLabError, ValueError, KeyError, OSError) as err:
        message = str(err.args[0]) if isinstance(err, KeyError) and err.args else str(err)
        print(
            f"empathylab: error: {message.splitlines()[0] if message else type(err).__name__}",
            file=sys.stderr,
        )
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
