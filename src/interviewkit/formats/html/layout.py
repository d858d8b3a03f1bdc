"""What the HTML writer and the reader of its pages share: the layout version,
the speakers' colours and the stylesheet.
"""

from __future__ import annotations

from collections.abc import Sequence

from interviewkit.model import Speaker

LAYOUT = 1
"""The version of the page layout, written as ``data-interviewkit="1"``."""

NAME = "html"

# Eight colours that keep a contrast of at least 4.5:1 with the page, in
# the light scheme and in the dark one.
PALETTE = (
    ("#1d4ed8", "#93c5fd"),
    ("#b91c1c", "#fca5a5"),
    ("#047857", "#6ee7b7"),
    ("#7c3aed", "#c4b5fd"),
    ("#a16207", "#fcd34d"),
    ("#0e7490", "#67e8f9"),
    ("#be185d", "#f9a8d4"),
    ("#4d7c0f", "#bef264"),
)
"""The speakers' colours, light and dark, in cast order (then again)."""


def speaker_classes(speakers: Sequence[Speaker]) -> dict[str, str]:
    """The CSS class of each speaker, by id: ``speaker-1`` and on, in cast order.

    Example:
        >>> speaker_classes([Speaker(id="q", name="Q"), Speaker(id="a", name="A")])
        {'q': 'speaker-1', 'a': 'speaker-2'}

    """
    return {
        speaker.id: f"speaker-{index % len(PALETTE) + 1}"
        for index, speaker in enumerate(speakers)
    }


def _colours(scheme: int) -> str:
    return "".join(
        f"--speaker-{index}:{pair[scheme]};"
        for index, pair in enumerate(PALETTE, start=1)
    )


STYLESHEET = (
    ":root{color-scheme:light dark;--page:#fff;--ink:#1b1c1f;--muted:#4b5059;"
    "--rule:#d5d8de;" + _colours(0) + "}\n"
    "@media (prefers-color-scheme:dark){:root{--page:#141518;--ink:#e8e9ec;"
    "--muted:#aeb3bc;--rule:#3a3d44;" + _colours(1) + "}}\n"
    "*,::before,::after{box-sizing:border-box}\n"
    "body{margin:0;background:var(--page);color:var(--ink);"
    'font:1.0625rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}\n'
    "article{max-width:42rem;margin:0 auto;padding:1.5rem 1rem 3rem}\n"
    "h1{font-size:1.75rem;line-height:1.25;margin:0 0 .75rem}\n"
    "h1,p,dt,dd,li,cite,figcaption span,figcaption small{white-space:pre-wrap;"
    "overflow-wrap:anywhere}\n"
    "header{border-bottom:1px solid var(--rule);margin-bottom:1.5rem;"
    "padding-bottom:1rem}\n"
    ".metadata{display:grid;grid-template-columns:max-content minmax(0,1fr);"
    "gap:.125rem 1rem;margin:0 0 .75rem;color:var(--muted);font-size:.9375rem}\n"
    ".metadata dt{font-weight:600}.metadata dd{margin:0}\n"
    ".metadata a{color:inherit}\n"
    ".values,.cast{list-style:none;margin:0;padding:0}\n"
    ".values li{display:inline}.values li+li::before{content:', '}\n"
    ".cast{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem}\n"
    ".cast li{min-width:0}.cast .name{font-weight:700;color:var(--speaker)}\n"
    ".cast .role,.cast .aliases{color:var(--muted);font-size:.875rem}\n"
    ".turn{margin:1.25rem 0;padding-left:.875rem;"
    "border-left:3px solid var(--speaker)}\n"
    ".turn cite{font-style:normal;font-weight:700;color:var(--speaker)}\n"
    ".turn .times{color:var(--muted);font-size:.875rem;"
    "font-variant-numeric:tabular-nums;margin-left:.5rem}\n"
    ".turn p,.prose p{margin:.25rem 0 0}\n"
    ".prose{margin:1.25rem 0;color:var(--muted)}\n"
    ".prose.editors_note{font-style:italic}\n"
    "figure{margin:1.5rem 0}\n"
    "figure img{display:block;max-width:100%;height:auto}\n"
    "figcaption{color:var(--muted);font-size:.9375rem}\n"
    "figcaption small{display:block;font-size:.8125rem}\n"
    + "".join(
        f".speaker-{index}{{--speaker:var(--speaker-{index})}}\n"
        for index in range(1, len(PALETTE) + 1)
    )
)
"""The page's stylesheet: light and dark, no web fonts, no script."""
