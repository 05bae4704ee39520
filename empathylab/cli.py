"""Command line: ``empathylab demo``, ``empathylab analyze EXPORT`` and ``empathylab load EXPORT``.

Exit codes: 0 success, 2 bad input (one line on stderr saying why).
"""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from .exceptions import EmpathyLabError
from .io.export import write_table

__all__ = ["main"]

def _step(message: str) -> None:
    """Progress of a long step, on stderr (stdout carries only the output path)."""
    print(f"  {message}", file=sys.stderr, flush=True)


def _cmd_demo(args: argparse.Namespace) -> int:
    from .datasets import list_samples, load_sample
    from .io.redact import redact_pii, redaction_summary

    print("empathylab demo: loading the bundled synthetic samples", file=sys.stderr)
    for name in list_samples()["name"]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            sample = load_sample(name)
        report = sample.attrs.get("load_report")
        line = str(report._headline()) if report is not None else f"{len(sample)} rows"
        _step(f"{name}: {line}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        df = load_sample(args.sample)
        customers = load_sample("customers")
    df = redact_pii(df)
    counts = redaction_summary(df)
    found = counts[counts["count"] > 0]
    _step("redacted: " + (", ".join(f"{r.count} {r.kind}" for r in found.itertuples())
                          or "nothing"))
    return _write_report(df, args, customers=customers)


def _write_report(df: pd.DataFrame, args: argparse.Namespace, *,
                  customers: pd.DataFrame | None = None) -> int:
    from .report.quarterly import quarterly_report

    _step("scoring and computing the report (sentiment, touchpoints, empathy, statistics)")
    report = quarterly_report(df, args.quarter, lang=args.lang, customers=customers,
                              compare=args.compare)
    _step(f"quarter {report.quarter} compared with {report.previous}")
    target = Path(args.output)
    report.to_html(target)
    if getattr(args, "tables", None):
        _step(f"tables: {report.export_tables(args.tables)}")
    report.close()
    print(target.resolve())
    return 0


def _read_customers(path: Path) -> pd.DataFrame:
    """The customers table: CSV (customer ids kept as text) or Parquet."""
    if path.suffix.lower() == ".parquet":
        return pd.read_parquet(path)
    if path.suffix.lower() in (".csv", ".txt"):
        return pd.read_csv(path, sep=None, engine="python", dtype={"customer_id": "str"})
    raise EmpathyLabError(f"{path}: --customers must be a .csv or .parquet file")


def _cmd_analyze(args: argparse.Namespace) -> int:
    from .io.reader import read_feedback

    _step(f"loading {args.export}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        df = read_feedback(args.export, preset=args.preset)
        customers = None
        if args.customers:
            customers = _read_customers(Path(args.customers))
    _step(str(df.attrs["load_report"]._headline()))
    if args.redact:
        from .io.redact import redact_pii

        df = redact_pii(df)
        _step("personal data redacted")
    return _write_report(df, args, customers=customers)


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
        help="the quarterly report of the bundled sample, as one HTML file",
        description="Loads the bundled synthetic samples, redacts personal data and writes "
        "the quarterly report of one of them (with the sample's customers table for the "
        "loyalty section) as a self-contained HTML file; prints the file's path.",
    )
    demo.add_argument("--sample", default="feedback_de", help="sample to report on")
    demo.add_argument(
        "-o",
        "--output",
        default="output/empathylab-demo.html",
        help="HTML file to write (default: %(default)s)",
    )
    _report_options(demo)
    demo.set_defaults(func=_cmd_demo)
    analyze = sub.add_parser(
        "analyze",
        help="the quarterly report of an export, as one HTML file",
        description="Reads a feedback export (CSV/Excel/JSON/Parquet, vendor layouts "
        "detected), derives sentiment, touchpoints and reply empathy, and writes the "
        "quarterly report: headline figures with quarter-on-quarter changes and their "
        "significance, touchpoints, topics, reply empathy, loyalty (with --customers), "
        "word of mouth, anomalies and data quality. The HTML file opens offline; every "
        "customer text in it is escaped. Exit code 2 with one line on bad input.",
    )
    analyze.add_argument("export", help="the export file")
    analyze.add_argument("--preset", default="auto", help="vendor layout (default: detect)")
    analyze.add_argument("--redact", action="store_true", help="redact personal data first")
    analyze.add_argument("--customers", help="customers table (.csv or .parquet) with "
                         "outcomes such as repurchase_90d, churned, spend_next_12m")
    analyze.add_argument("-o", "--output", default="report.html",
                         help="HTML file to write (default: %(default)s)")
    _report_options(analyze)
    analyze.set_defaults(func=_cmd_analyze)
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


def _report_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--quarter", help="quarter to report, e.g. 2026Q3 (default: the "
                        "latest with enough messages)")
    parser.add_argument("--compare", choices=["previous", "year"], default="previous",
                        help="compare with the previous quarter or the same quarter a year "
                        "earlier (default: %(default)s)")
    parser.add_argument("--lang", choices=["de", "en"], default="de",
                        help="language of the report (default: %(default)s)")
    parser.add_argument("--tables", metavar="XLSX", help="also write every table to this "
                        "Excel file (formulas neutralised)")


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
