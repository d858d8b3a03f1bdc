"""The recipes of ``docs/scaling.md``, as the page shows them.

A recipe is the fenced ``python`` block after a ``<!-- recipe: NAME -->``
line; the tests run exactly that code, so the page cannot drift from what
is tested.
"""

from __future__ import annotations

from typing import Any

from tests.samples import ROOT

PAGE = ROOT / "docs" / "scaling.md"


def recipe(name: str) -> dict[str, Any]:
    """Run the recipe ``name`` and return the names it defines."""
    lines = PAGE.read_text(encoding="utf-8").split("\n")
    start = lines.index(f"<!-- recipe: {name} -->")
    assert lines[start + 1] == "```python", f"no python block after recipe {name}"
    end = lines.index("```", start + 2)
    source = "\n".join(lines[start + 2 : end])
    namespace: dict[str, Any] = {"__name__": f"recipe_{name}"}
    exec(compile(source, f"{PAGE}:recipe {name}", "exec"), namespace)
    return namespace
