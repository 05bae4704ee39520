"""Render a report in headless Chromium and read back what the browser saw.

The report itself forbids scripts (its Content-Security-Policy), so a separate
harness page, which may run a script, loads the report in an iframe and records:
the title, whether an injected payload ran (a ``data-pwned`` mark), how many
``<script>`` elements and images the report has, and how many images loaded.
Chromium prints the harness DOM with ``--dump-dom``; a second run saves a
screenshot.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

HARNESS = """<!DOCTYPE html><html><head><meta charset='utf-8'><title>harness</title></head>
<body><iframe id='r' src='REPORT' width='1200' height='900'></iframe><pre id='out'>pending</pre>
<script>
document.getElementById('r').addEventListener('load', function () {
  var d = this.contentDocument;
  var imgs = Array.from(d.images);
  var marked = d.querySelectorAll('[data-pwned]').length + (d.body.dataset.pwned ? 1 : 0);
  document.getElementById('out').textContent = JSON.stringify({
    title: d.title, pwned: marked + (window.top.pwned ? 1 : 0), scripts: d.scripts.length,
    images: imgs.length,
    loaded: imgs.filter(function (i) { return i.complete && i.naturalWidth > 0; }).length,
    text: d.body.innerText});
});
</script></body></html>"""


def chromium() -> str:
    """Path of a Chromium binary; installs Debian's package when root, else skips."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        done = subprocess.run(
            "apt-get update -qq && apt-get install -y -qq chromium",
            shell=True, env=env, capture_output=True, text=True, timeout=900, check=False,
        )
        found = shutil.which("chromium")
        if found:
            return found
        pytest.skip(f"Chromium could not be installed: {done.stderr.strip()[-300:]}")
    pytest.skip("needs Chromium (Debian package `chromium`); not root, so not installed here")


def inspect(report: Path, workdir: Path, *, screenshot: Path | None = None) -> dict[str, object]:
    """What Chromium saw of ``report``: title, pwned, scripts, images, loaded, text."""
    binary = chromium()
    harness = workdir / "harness.html"
    harness.write_text(HARNESS.replace("REPORT", report.resolve().as_uri()), encoding="utf-8")
    done = subprocess.run(
        [binary, *FLAGS, f"--user-data-dir={workdir / 'profile'}",
         "--allow-file-access-from-files", "--virtual-time-budget=10000", "--dump-dom",
         harness.resolve().as_uri()],
        capture_output=True, text=True, timeout=120, check=False,
    )
    match = re.search(r"<pre id=\"out\">(.*?)</pre>", done.stdout, re.S)
    if match is None or match.group(1) == "pending":
        raise AssertionError(f"the harness did not report; Chromium said: {done.stderr[-500:]}")
    import html

    seen = json.loads(html.unescape(match.group(1)))
    if screenshot is not None:
        subprocess.run(
            [binary, *FLAGS, f"--user-data-dir={workdir / 'profile-shot'}",
             f"--screenshot={screenshot}", "--window-size=1200,2400", report.resolve().as_uri()],
            capture_output=True, text=True, timeout=120, check=False,
        )
    return seen
