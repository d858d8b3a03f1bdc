"""``python -m interviewkit``: the same as the ``interviewkit`` command."""

from __future__ import annotations

from interviewkit.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
