"""The written page in a real browser: every turn in sight, nothing too wide.

Marked ``browser``: left out of the default run, run by ``.ci/run`` with
``pytest -m browser`` once the system's Chromium is installed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import interviewkit as ik
from tests.samples import SEED

pytestmark = pytest.mark.browser

browser = pytest.importorskip("tests.browser")  # selenium is in the test extra

LONG = "Pneumonoultramicroscopicsilicovolcanoconiosis" * 6
WIDE = ik.Interview(
    title=f"A title with a very long word: {LONG}",
    metadata=ik.Metadata(
        source="The Very Long Names Quarterly",
        url="https://example.org/" + "a-long-path-segment/" * 12,
        date="2024-02-29",
        extras={"tags": ("one", LONG), "note": "\tindented\tby tabs"},
    ),
    speakers=[
        ik.Speaker(id=f"s{number}", name=f"Speaker {number} {LONG[: 8 * number]}")
        for number in range(1, 10)
    ],
    body=[
        ik.Prose(text="An intro with a link https://example.org/" + "x" * 200),
        *(
            ik.Turn(
                speaker=f"s{number}",
                text=f"Turn {number}: {LONG}\n\n    indented line\nand <b>markup</b> & more",
                start_ms=number * 61_000,
                end_ms=number * 61_000 + 5_500,
            )
            for number in range(1, 10)
        ),
        ik.ImageCaption(image="https://example.org/a.png", caption=LONG, credit=LONG),
        ik.ImageCaption(image="a-slug-" + "x" * 300, credit="Image via " + LONG),
    ],
)


@pytest.fixture(scope="module")
def driver():  # type: ignore[no-untyped-def]
    if not browser.CHROMIUM.exists() or not browser.CHROMEDRIVER.exists():
        pytest.fail("install Chromium: apt-get install chromium chromium-driver")
    with browser.chromium() as running:
        yield running


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize(
    "size", [browser.PHONE, browser.DESKTOP], ids=["phone", "desktop"]
)
@pytest.mark.parametrize("name", ["seed", "wide"])
def test_every_turn_is_in_sight_and_nothing_overflows(
    driver, tmp_path: Path, name: str, size: tuple[int, int], dark: bool
) -> None:  # type: ignore[no-untyped-def]
    interview = ik.read(SEED) if name == "seed" else WIDE
    page = tmp_path / f"{name}.html"
    page.write_text(ik.dumps(interview, format="html"), encoding="utf-8")
    browser.show(driver, page, size=size, dark=dark)
    found = browser.measure(driver)
    assert [turn["text"] for turn in found["turns"]] == [
        t.text for t in interview.turns
    ]
    assert all(turn["shown"] for turn in found["turns"])
    assert found["outside"] == []
    assert found["scroll"] <= found["width"]
    assert found["page"] != found["ink"]
    if dark:
        assert found["page"] == "rgb(20, 21, 24)"
    else:
        assert found["page"] == "rgb(255, 255, 255)"


def test_screenshots_show_the_page(tmp_path: Path) -> None:
    from PIL import Image

    written = browser.screenshots(ik.read(SEED), tmp_path, "seed-page")
    assert [path.name for path in written] == [
        "seed-page-phone.png",
        "seed-page-desktop.png",
    ]
    for path, size in zip(written, (browser.PHONE, browser.DESKTOP), strict=True):
        with Image.open(path) as image:
            assert image.size == size
            # Text on a page: many colours, not a blank or a single fill.
            assert len(image.convert("RGB").getcolors(maxcolors=100_000) or []) > 20
