"""Write the rendered seed shown on the "Looking at an article" page: ``_static/seed.html`` and a
screenshot, ``_static/seed.png``, taken with headless Chromium when it is installed.

Run from the repository root after a change to the view or the stages: ``python docs/seed_view.py``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import newsmodel
from newsmodel import render

HERE = Path(__file__).resolve().parent
SEED = HERE.parent / "seeds" / "000_ac61e94c7b0ffc5c.txt"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
)


def main() -> int:
    article = newsmodel.parse(SEED.read_text(encoding="utf-8"), published="2017-04-09")
    page = HERE / "_static" / "seed.html"
    page.write_text(render.html(article, title="The seed article, parsed"), encoding="utf-8")
    print(f"wrote {page}")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("chromium is not installed: the screenshot is unchanged", file=sys.stderr)
        return 0
    shot = HERE / "_static" / "seed.png"
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                chromium,
                *FLAGS,
                f"--user-data-dir={profile}",
                "--window-size=860,940",
                f"--screenshot={shot}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
    print(f"wrote {shot} ({shot.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
