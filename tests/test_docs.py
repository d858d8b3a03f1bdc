"""The docs site stays complete: every public name has a reference entry, and
every example that looks runnable is run (by the Sybil set-up in the root
``conftest.py``)."""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType

import pytest

import interviewkit as ik
from tests.samples import ROOT, SEED

DOCS = ROOT / "docs"
PAGES = [ROOT / "README.md", *sorted(DOCS.rglob("*.md"))]

# Fenced blocks in these languages run as tests; the others are shown only.
RUN = {"python", "pycon", "console"}
SHOWN = {"text", "sh", "json", "markdown", "yaml"}


def _fenced_blocks(page: Path) -> list[tuple[int, str, str]]:
    """Return (line, language, source) for each fenced block of ``page``."""
    blocks = []
    fence: str | None = None
    for number, line in enumerate(page.read_text(encoding="utf-8").split("\n"), 1):
        stripped = line.strip()
        if fence is None:
            if stripped.startswith(("```", "~~~")):
                fence = stripped[:3]
                start, language, source = number, stripped[3:].strip(), []
        elif stripped.startswith(fence) and not stripped[3:].strip():
            blocks.append((start, language, "\n".join(source)))
            fence = None
        else:
            source.append(line)
    assert fence is None, f"{page}: a fenced block is not closed"
    return blocks


def _reference_directives() -> set[str]:
    names = set()
    for page in (DOCS / "reference").rglob("*.md"):
        for line in page.read_text(encoding="utf-8").split("\n"):
            if line.startswith("::: "):
                names.add(line[4:].strip())
    return names


def _resolve(dotted: str) -> object:
    """Find the object a ``:::`` directive names, as mkdocstrings does: a
    submodule wins over an attribute of the same name."""
    parts = dotted.split(".")
    for split in range(len(parts), 0, -1):
        try:
            found: object = importlib.import_module(".".join(parts[:split]))
        except ImportError:
            continue
        for part in parts[split:]:
            found = getattr(found, part)
        return found
    raise AssertionError(f"{dotted} names nothing")  # pragma: no cover


@pytest.mark.parametrize(
    "name", [name for name in ik.__all__ if not name.startswith("__")]
)
def test_every_public_name_has_a_reference_entry(name: str) -> None:
    documented = []
    for directive in _reference_directives():
        found = _resolve(directive)
        documented.append(found)
        if isinstance(found, ModuleType):
            # A module's page documents what its `__all__` lists.
            documented.extend(getattr(found, member) for member in found.__all__)
    assert any(found is getattr(ik, name) for found in documented)


def test_reference_entries_name_public_objects() -> None:
    public = [getattr(ik, name) for name in ik.__all__]
    for directive in _reference_directives():
        found = _resolve(directive)
        if isinstance(found, ModuleType):
            # A module of its own, such as a format's: it lists its names.
            assert found.__all__, directive
        else:
            assert any(found is obj for obj in public), directive


def test_the_version_is_documented() -> None:
    assert "`interviewkit.__version__`" in (DOCS / "reference" / "index.md").read_text(
        encoding="utf-8"
    )


@pytest.mark.parametrize("page", PAGES, ids=lambda page: str(page.relative_to(ROOT)))
def test_code_blocks_say_their_language(page: Path) -> None:
    for line, language, source in _fenced_blocks(page):
        where = f"{page.relative_to(ROOT)}:{line}"
        assert language in RUN | SHOWN, f"{where}: unknown language {language!r}"
        if language not in RUN:
            assert ">>>" not in source, f"{where}: a session in a block that never runs"


GUIDES = [
    page
    for page in PAGES
    if "reference" not in page.parts and page.name != "changelog.md"
]


@pytest.mark.parametrize("page", GUIDES, ids=lambda page: str(page.relative_to(ROOT)))
def test_every_guide_page_shows_running_code(page: Path) -> None:
    assert any(language in RUN for _, language, _ in _fenced_blocks(page))


def test_the_changelog_page_includes_the_changelog() -> None:
    assert (DOCS / "changelog.md").read_text(encoding="utf-8").strip() == (
        '--8<-- "CHANGELOG.md"'
    )


def test_the_rendered_markdown_example_is_what_the_writer_writes() -> None:
    page = (DOCS / "formats" / "markdown.md").read_text(encoding="utf-8")
    shown = page.split("<!-- rendered: begin -->")[1].split("<!-- rendered: end -->")[0]
    # The example sits in an admonition: drop its header and indentation.
    lines = [
        line.removeprefix("    ")
        for line in shown.split("\n")
        if not line.startswith("!!!")
    ]
    seed = ik.read(SEED)
    written = ik.dumps(seed.excerpt([13, 14]), format="markdown")
    body = written.split("---\n\n", 1)[1]
    assert "\n".join(lines).strip() == body.strip()
