"""`--format html`: a self-contained page; highlights and filters checked in headless Chromium."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from checker.cli.main import main

ROOT = Path(__file__).resolve().parents[1]
RULES = ["--no-config", "--rules", str(ROOT / "tests" / "fixtures" / "rules"),
         "--select", "fx-rate-above-100,fx-percent-sign-mixed", "-j", "1"]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = ROOT / "tests" / "artifacts"


def _report(tmp_path, capsys) -> Path:
    doc = tmp_path / "2023年工作总结.txt"
    doc.write_text(
        "2023年教育工作总结\n"
        "义务教育巩固率达到103%，学前教育毛入园率为92%。\n"
        "入学率达到95％，毕业率为99%。\n"
        "网页残留<script>alert(1)</script>与<b>粗体</b>&amp;。\n"
        "新增学位同比增长180%。\n", encoding="utf-8")
    clean = tmp_path / "clean.txt"
    clean.write_text("学前教育毛入园率为92%。\n", encoding="utf-8")
    out = tmp_path / "report.html"
    assert main(["check", *RULES, "--format", "html", "-o", str(out), str(doc), str(clean)]) == 1
    capsys.readouterr()
    return out


def test_page_is_self_contained_and_escapes_document_text(tmp_path, capsys):
    page = _report(tmp_path, capsys).read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//|@import|url\(""", page)
    assert page.count("<script>") == 1                       # only the report's own script
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;b&gt;粗体&lt;/b&gt;&amp;amp;" in page
    assert '<mark class="hl error" data-v="0">103%</mark>' in page
    assert '<mark class="hl warning" data-v="1">95％</mark>' in page
    assert "percent-range" in page and "unit-consistency" in page and "错误" in page


def test_overlapping_spans_share_a_highlight():
    from checker.report.html import _line_segments

    out = _line_segments("abcdef", [(1, 4, 0, "warning"), (2, 5, 1, "error")])
    assert out == ('a<mark class="hl warning" data-v="0">b</mark><mark class="hl error" data-v="0 1">cd</mark>'
                   '<mark class="hl error" data-v="1">e</mark>f')


def _chromium() -> str:
    """The browser, which the test suite never installs (.ci/run does, before pytest):
    without it the test skips and says why, except in CI, where a missing browser fails."""
    if not Path(CHROMIUM).exists():
        message = f"{CHROMIUM} is missing; run .ci/install-browser (Debian's chromium) to take this test"
        if os.environ.get("CI"):
            pytest.fail(message + " (CI is set: the browser test must run)")
        pytest.skip(message)
    return CHROMIUM


def test_highlights_and_filters_work_in_headless_chromium(tmp_path, capsys):
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')")
    report = _report(tmp_path, capsys)
    executable = _chromium()
    dialogs: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.goto(report.as_uri())

            lit = page.locator("mark.hl:not(.off)")
            assert lit.all_inner_texts() == ["103%", "95％"]
            assert page.locator("li.note:visible").count() == 2
            # the document's <script> is text on the page, and never ran
            assert page.get_by_text("网页残留<script>alert(1)</script>与<b>粗体</b>&amp;。").is_visible()
            assert page.locator("script").count() == 1

            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "html_report.png"), full_page=True)

            page.locator('input[data-filter="category"][value="percent-range"]').uncheck()
            assert lit.all_inner_texts() == ["95％"]
            assert page.locator("li.note:visible").all_inner_texts()[0].startswith("fx-percent-sign-mixed · 警告 · 3:6\n百分号“％”与多数写法“%”不一致")

            page.locator('input[data-filter="severity"][value="warning"]').uncheck()
            assert lit.count() == 0 and page.locator("li.note:visible").count() == 0

            page.locator('input[data-filter="category"][value="percent-range"]').check()
            assert lit.all_inner_texts() == ["103%"]

            page.locator("#only-problems").check()
            rows = page.locator(".row:visible .tx").all_inner_texts()
            assert rows == ["义务教育巩固率达到103%，学前教育毛入园率为92%。"]
            page.locator('input[data-filter="severity"][value="warning"]').check()
            assert len(page.locator(".row:visible").all()) == 2
            page.screenshot(path=str(ARTIFACTS / "html_report_filtered.png"), full_page=True)
        finally:
            browser.close()
    assert dialogs == []


def test_chinese_names_counts_that_follow_filters_contents_and_print_in_chromium(tmp_path, capsys):
    """Issue 12, item 9: the page speaks Chinese, every count follows the filters, a table of
    contents lists the documents, and the five seeds print on a handful of pages."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')")
    report = tmp_path / "seeds.html"
    assert main(["check", "--no-config", "--format", "html", "-o", str(report), str(ROOT / "seeds")]) == 1
    capsys.readouterr()
    executable = _chromium()
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(report.as_uri())
            summary = page.locator("table.summary")
            assert "标点符号" in summary.inner_text() and "punctuation" not in summary.inner_text()
            assert page.locator('input[value="punctuation"]').locator("xpath=..").inner_text().strip().startswith("标点符号")
            toc = page.locator("nav.toc li")
            assert toc.count() == 5

            def number(selector: str) -> int:
                return int(page.locator(selector).first.inner_text() or 0)

            total = number("[data-count-total]")
            doc4 = number('h2 [data-count-doc="5"]')
            punct = number('[data-count-category="punctuation"]')
            page.locator('input[data-filter="category"][value="punctuation"]').uncheck()
            assert number("[data-count-total]") == total - punct
            assert number('tfoot [data-cell="*|*"]') == total - punct
            assert number('h2 [data-count-doc="5"]') == number('nav.toc [data-count-doc="5"]') < doc4
            assert number('[data-count-severity="warning"]') == total - punct - number('[data-count-severity="error"]') \
                - number('[data-count-severity="info"]')
            page.locator('input[data-filter="severity"][value="warning"]').uncheck()
            assert number('[data-count-category="responsibility"]') == page.locator(
                'li.note[data-category="responsibility"]:not([data-severity="warning"])').count()
            assert page.locator("li.note:visible").count() == number("[data-count-total]")
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "html_report_counts.png"), full_page=False)
            page.locator('input[data-filter="category"][value="punctuation"]').check()
            page.locator('input[data-filter="severity"][value="warning"]').check()

            page.emulate_media(media="print")
            assert not page.locator("nav.filters").is_visible()
            assert page.locator(".row.clean:visible").count() == 0
            pdf = tmp_path / "seeds.pdf"
            page.pdf(path=str(pdf), format="A4")
            pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))
            assert 1 < pages <= 20, f"{pages} pages"
        finally:
            browser.close()
