"""The HTML report in a real browser: it loads cleanly, shows every claim, links both ways,
runs nothing from the documents, and reads with JavaScript off."""

from __future__ import annotations

from pathlib import Path

import pytest

import figcheck
from figcheck.report.html import claim_anchor

ROOT = Path(__file__).parents[2]


@pytest.fixture(scope="module")
def examples_report():
    docs = figcheck.load_documents([str(ROOT / "examples" / "*.txt")])
    return figcheck.check(docs, reference=str(ROOT / "reference_data"))


def _open(driver, tmp_path: Path, html: str, name: str = "report.html"):
    page = tmp_path / name
    page.write_text(html, encoding="utf-8")
    driver.get(page.as_uri())
    return page


def _severe(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def test_examples_page_loads_clean_and_highlights_every_claim(browser, examples_report,
                                                              tmp_path, artifacts):
    from selenium.webdriver.common.by import By

    _open(browser, tmp_path, examples_report.to_html())
    assert _severe(browser) == []
    highlights = browser.find_elements(By.CSS_SELECTOR, ".claim")
    assert len(highlights) == len(examples_report.claims) > 0
    browser.save_screenshot(str(artifacts / "html-report-examples.png"))


def test_a_conflict_link_lands_on_the_other_claim(browser, examples_report, tmp_path):
    from selenium.webdriver.common.by import By

    conflict = next(f for f in examples_report.findings if f.other is not None)
    _open(browser, tmp_path, examples_report.to_html())
    target = claim_anchor(conflict.other)
    link = browser.find_element(By.CSS_SELECTOR, f'.finding a[href="#{target}"]')
    link.click()
    assert browser.execute_script("return location.hash") == f"#{target}"
    landed = browser.find_element(By.ID, target)
    assert "claim" in landed.get_attribute("class").split()
    assert "targeted" in landed.get_attribute("class").split()
    # and back: the other claim's highlight links to the first claim
    back = browser.find_elements(By.CSS_SELECTOR, f'#{target} ~ a.pair[href="#{claim_anchor(conflict.claim)}"]')
    assert back


def test_document_text_cannot_run_script(browser, tmp_path):
    hostile = (
        "Officials said 40 people were hurt. <script>window.__pwned = 1</script>\n"
        '<img src="x" onerror="window.__pwned = 2"> Another 12 people died. '
        '"><svg onload="window.__pwned=3"> 7 homes burned.'
    )
    report = figcheck.check([figcheck.Document("<b>evil</b>.txt", hostile)])
    _open(browser, tmp_path, report.to_html(), "hostile.html")
    assert browser.execute_script("return window.__pwned === undefined")
    body = browser.find_element("css selector", "body").text
    assert "<script>" in body and "onerror" in body
    assert len(browser.find_elements("css selector", ".claim")) == len(report.claims) > 0


def test_focus_shows_the_frame(browser, examples_report, tmp_path):
    from selenium.webdriver.common.by import By

    _open(browser, tmp_path, examples_report.to_html())
    first = browser.find_elements(By.CSS_SELECTOR, ".claim")[0]
    frame = first.find_element(By.CSS_SELECTOR, ".frame")
    assert not frame.is_displayed()
    browser.execute_script("arguments[0].focus()", first)
    assert frame.is_displayed()
    assert "interval" in frame.text and "status" in frame.text


def test_status_filter_hides_and_restores(browser, examples_report, tmp_path):
    from selenium.webdriver.common.by import By

    _open(browser, tmp_path, examples_report.to_html())
    box = browser.find_element(By.CSS_SELECTOR, '#filters input[value="status:unchecked"]')
    assert box.is_displayed()
    box.click()
    off = browser.find_elements(By.CSS_SELECTOR, ".claim.off")
    unchecked = browser.find_elements(By.CSS_SELECTOR, '.claim[data-status="unchecked"]')
    assert off and len(off) == len(unchecked)
    box.click()
    assert browser.find_elements(By.CSS_SELECTOR, ".claim.off") == []


def test_reads_with_javascript_off(browser_without_js, examples_report, tmp_path):
    from selenium.webdriver.common.by import By

    _open(browser_without_js, tmp_path, examples_report.to_html(), "nojs.html")
    assert len(browser_without_js.find_elements(By.CSS_SELECTOR, ".claim")) == len(examples_report.claims)
    assert len(browser_without_js.find_elements(By.CSS_SELECTOR, ".finding")) == len(examples_report.findings)
    assert not browser_without_js.find_element(By.ID, "filters").is_displayed()
