"""A real headless Chromium for the HTML report tests, or a skip that says how to get one.

Uses the system's browser and driver (Debian: ``apt-get install chromium chromium-driver``)
through selenium (``pip install -e '.[test]'``); nothing is downloaded at run time.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

_HOW = ("install a browser and its driver (Debian: apt-get install chromium chromium-driver) "
        "and selenium (pip install -e '.[test]')")

ARTIFACTS = Path(os.environ.get("FIGCHECK_ARTIFACTS", Path(__file__).parents[2] / "out" / "artifacts"))


def _find(*names: str) -> str | None:
    for name in names:
        path = shutil.which(name)
        if path:
            return path
    return None


def _driver(javascript: bool = True) -> object:
    webdriver = pytest.importorskip("selenium.webdriver", reason=f"selenium missing: {_HOW}")
    from selenium.webdriver.chrome.service import Service

    browser = _find("chromium", "chromium-browser", "google-chrome")
    driver_path = _find("chromedriver")
    if browser is None or driver_path is None:
        pytest.skip(f"no headless browser found: {_HOW}")
    os.environ.setdefault("SE_OFFLINE", "true")  # never let selenium fetch a driver
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,1600"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if not javascript:
        options.add_experimental_option(
            "prefs", {"profile.managed_default_content_settings.javascript": 2}
        )
    return webdriver.Chrome(service=Service(executable_path=driver_path), options=options)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    driver = _driver()
    try:
        yield driver
    finally:
        driver.quit()  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def browser_without_js() -> Iterator[object]:
    driver = _driver(javascript=False)
    try:
        yield driver
    finally:
        driver.quit()  # type: ignore[attr-defined]


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
