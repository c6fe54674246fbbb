"""Regenerate the committed reports of the seed documents, one file per output format.

    .venv/bin/python reports/regenerate.py          # rewrite reports/
    .venv/bin/python reports/regenerate.py --check  # exit 1 if any report is out of date

tests/test_reports_fresh.py runs the --check form, so a change of rules or formatters
that changes the output fails the tests until the reports are regenerated.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT / "reports"
# Suffixes avoid .txt/.md so that `gwlint check .` does not lint its own reports.
SUFFIX = {"text": "text", "json": "json", "sarif": "sarif", "junit": "junit.xml", "github": "github", "html": "html"}


def formats() -> list[str]:
    sys.path.insert(0, str(ROOT))
    from checker.report.registry import FORMATS, load_format

    return [f for f in FORMATS if not getattr(load_format(f), "BINARY", False)]


def generate(folder: Path) -> list[Path]:
    out = []
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "120"}
    for fmt in formats():
        target = folder / f"seeds.{SUFFIX.get(fmt, fmt)}"
        proc = subprocess.run([sys.executable, "-m", "checker", "check", "--no-config", "--jobs", "1",
                               "--format", fmt, "--output", str(target), "seeds/"],
                              cwd=ROOT, env=env, capture_output=True, text=True)
        if proc.returncode not in (0, 1):
            sys.exit(f"gwlint --format {fmt} failed: {proc.stderr.strip()}")
        out.append(target)
    # The rule pages, one per family, generated from the packs (every shipped rule).
    sys.path.insert(0, str(ROOT))
    import contextlib
    import io

    from checker.cli.rules_command import write_family_pages
    from checker.engine.settings import build_settings

    settings = build_settings(no_config=True, cwd=ROOT)
    with contextlib.redirect_stdout(io.StringIO()):
        write_family_pages(settings.available or settings.rules, str(folder / "rules"), suffix=".markdown")
    out += sorted((folder / "rules").glob("*.markdown"))
    return out


def main() -> int:
    if "--check" in sys.argv:
        with tempfile.TemporaryDirectory() as tmp:
            fresh = generate(Path(tmp))
            stale = [str(p.relative_to(tmp)) for p in fresh
                     if not (REPORTS / p.relative_to(tmp)).exists()
                     or (REPORTS / p.relative_to(tmp)).read_bytes() != p.read_bytes()]
            committed = {p.relative_to(REPORTS) for p in (REPORTS / "rules").glob("*.markdown")}
            stale += sorted(str(p) for p in committed - {p.relative_to(tmp) for p in fresh})
        if stale:
            print(f"out of date: {', '.join(stale)}; run: .venv/bin/python reports/regenerate.py")
            return 1
        return 0
    for old in (REPORTS / "rules").glob("*.markdown"):
        old.unlink()
    for path in generate(REPORTS):
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
