"""The command line: demo, load, exit code 2 with one line on bad input."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd

from empathylab.cli import main

EXPORT = 'Datum;Kommentar;NPS\n01.10.2026;=HYPERLINK("x");9\n02.10.2026;Mail: a@b.de;3\n'


def test_load_prints_report_and_writes_safe_csv(tmp_path, capsys):
    src = tmp_path / "export.csv"
    src.write_text(EXPORT, encoding="cp1252")
    out = tmp_path / "clean.csv"
    assert main(["load", str(src), "--redact", "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "2 rows read, 2 loaded, 0 quarantined" in printed
    written = pd.read_csv(out, sep=";", encoding="utf-8-sig")
    assert written["text"].tolist() == ['\'=HYPERLINK("x")', "Mail: <EMAIL>"]


def test_load_parquet_round_trip(tmp_path):
    src = tmp_path / "export.csv"
    src.write_text(EXPORT, encoding="utf-8")
    out = tmp_path / "clean.parquet"
    assert main(["load", str(src), "--column", "text=Kommentar", "-o", str(out)]) == 0
    assert pd.read_parquet(out)["nps"].tolist() == [9.0, 3.0]


def test_bad_input_exits_2_with_one_line(tmp_path, capsys):
    assert main(["load", str(tmp_path / "fehlt.csv")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("empathylab: error: ") and "no such file" in err
    assert "\n" not in err
    src = tmp_path / "x.csv"
    src.write_text("a;b\n1;2\n", encoding="utf-8")
    assert main(["load", str(src)]) == 2
    assert "no column with the feedback text" in capsys.readouterr().err


def test_demo_writes_html_and_prints_its_path(tmp_path):
    target = tmp_path / "demo.html"
    run = subprocess.run(
        [sys.executable, "-m", "empathylab", "demo", "--output", str(target)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == str(target.resolve())
    html = target.read_text(encoding="utf-8")
    assert "data:image/png;base64," in html and "Datenqualität" in html
    assert "Quartalsbericht Kundenerlebnis" in html
    assert "redacted:" in run.stderr


def test_analyze_writes_the_quarterly_report_and_tables(tmp_path, capsys):
    from empathylab.datasets import sample_path

    target, tables = tmp_path / "report.html", tmp_path / "tables.xlsx"
    code = main(["analyze", str(sample_path("feedback_de")), "--quarter", "2026Q2",
                 "--lang", "en", "--redact", "-o", str(target), "--tables", str(tables)])
    assert code == 0
    captured = capsys.readouterr()
    assert captured.out.strip() == str(target.resolve())
    assert "quarter 2026-Q2 compared with 2026-Q1" in captured.err
    html = target.read_text(encoding="utf-8")
    assert "Customer experience quarterly report" in html and "Touchpoints" in html
    assert tables.stat().st_size > 0


def test_analyze_bad_quarter_exits_2(capsys):
    from empathylab.datasets import sample_path

    assert main(["analyze", str(sample_path("feedback_de")), "--quarter", "2019Q1"]) == 2
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert err.startswith("empathylab: error: quarter '2019-Q1' has no data")
