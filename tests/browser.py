"""Headless Chromium for the tests marked ``browser``, and the docs' screenshots.

The system's Chromium and chromedriver (Debian's ``chromium`` and
``chromium-driver``) are driven through Selenium, with a fresh profile and
every background service off, so nothing is downloaded and nothing leaves
the machine. ``python -m tests.browser DIR`` writes the screenshots the
docs show.
"""

from __future__ import annotations

import contextlib
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

import interviewkit as ik

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
PHONE = (360, 740)
DESKTOP = (1280, 900)


@contextlib.contextmanager
def chromium() -> Iterator[webdriver.Chrome]:
    """A headless Chromium with a profile of its own, removed afterwards."""
    profile = tempfile.mkdtemp(prefix="interviewkit-chromium-")
    options = Options()
    options.binary_location = str(CHROMIUM)
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(
        options=options, service=Service(executable_path=str(CHROMEDRIVER))
    )
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def show(
    driver: webdriver.Chrome,
    page: Path,
    *,
    size: tuple[int, int],
    dark: bool = False,
) -> None:
    """Open ``page`` at a viewport of ``size``, as a phone below 600 pixels."""
    width, height = size
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {
            "width": width,
            "height": height,
            "deviceScaleFactor": 1,
            "mobile": width < 600,
        },
    )
    scheme = "dark" if dark else "light"
    driver.execute_cdp_cmd(
        "Emulation.setEmulatedMedia",
        {"features": [{"name": "prefers-color-scheme", "value": scheme}]},
    )
    driver.get(page.resolve().as_uri())


# What the page shows, measured by the browser: each turn's text as rendered
# and whether it is in sight, and every element that sticks out sideways.
_MEASURE = """
const width = document.documentElement.clientWidth;
const turns = [...document.querySelectorAll("div.turn")].map((turn) => {
  const parts = [...turn.querySelectorAll(":scope > p")];
  const shown = parts.every((p) => {
    const box = p.getBoundingClientRect();
    const style = getComputedStyle(p);
    return (p.textContent === "" || (box.width > 0 && box.height > 0))
      && style.visibility === "visible" && style.display !== "none"
      && style.color !== style.backgroundColor;
  });
  return {text: parts.map((p) => p.innerText).join("\\n\\n"), shown: shown};
});
const outside = [...document.querySelectorAll("body *")].filter((element) => {
  const box = element.getBoundingClientRect();
  return box.right > width + 0.5 || box.left < -0.5;
}).map((element) => element.outerHTML.slice(0, 80));
return {
  turns: turns,
  outside: outside,
  scroll: document.documentElement.scrollWidth,
  width: width,
  page: getComputedStyle(document.body).backgroundColor,
  ink: getComputedStyle(document.body).color,
};
"""


def measure(driver: webdriver.Chrome) -> dict[str, Any]:
    """What the page in ``driver`` shows: see `_MEASURE`."""
    found: dict[str, Any] = driver.execute_script(_MEASURE)
    return found


def screenshots(interview: ik.Interview, folder: Path, name: str) -> list[Path]:
    """Screenshots of the interview's page at a phone's width and a desktop's."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as scratch, chromium() as driver:
        page = Path(scratch) / f"{name}.html"
        page.write_text(ik.dumps(interview, format="html"), encoding="utf-8")
        for label, size, dark in (("phone", PHONE, True), ("desktop", DESKTOP, False)):
            show(driver, page, size=size, dark=dark)
            path = folder / f"{name}-{label}.png"
            driver.save_screenshot(str(path))
            written.append(path)
    return written


if __name__ == "__main__":
    # python -m tests.browser docs/images: the screenshots the docs show, of
    # the seed with the title and source its page had.
    seed = ik.read(Path(__file__).parent.parent / "seeds" / "000_6a59695d095b634e.txt")
    seed = attrs.evolve(
        seed,
        title="Darren Star on Emily in Paris, season 2",
        metadata=ik.Metadata(source="Collider", language="en"),
    )
    for path in screenshots(seed, Path(sys.argv[1]), "seed-page"):
        print(path)
