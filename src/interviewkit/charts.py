"""Pictures of interviews: who talks how much, and who talks when.

Needs the ``plot`` extra (``pip install 'interviewkit[plot]'``, which brings
matplotlib). Each function takes one interview or a corpus (a sequence of
interviews) and returns a matplotlib `Figure`; save it as SVG or PNG with
`save` (or ``figure.savefig``). No function touches pyplot's global state,
so they are safe in servers and notebooks alike.

- `speaking_time`: bars of how long each speaker talks (from the turns'
  times, or their cues), or how many words they say when the interview is
  not timed. For a corpus, one bar an interview, split by role.
- `timeline`: who speaks when, for timed interviews: one row a speaker,
  or for a corpus one row an interview, coloured by role.

Speakers have the colours the HTML page gives them, in cast order.

Example:
    >>> import interviewkit as ik
    >>> from interviewkit import charts
    >>> figure = charts.speaking_time(ik.read("seeds/000_6a59695d095b634e.txt"))
    >>> [float(bar.get_width()) for bar in figure.axes[0].patches]
    [448.0, 873.0]

"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Literal

from interviewkit.formats.html.layout import PALETTE
from interviewkit.model import Interview, Role, Turn

try:
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter, MultipleLocator
except ImportError as error:  # pragma: no cover - depends on the install
    raise ImportError(
        "interviewkit.charts needs matplotlib: pip install 'interviewkit[plot]'"
    ) from error

__all__ = ["Measure", "save", "spans", "speaking_time", "timeline"]

Measure = Literal["auto", "time", "words"]
"""What `speaking_time` counts: ``time`` (seconds from the turns' times),
``words``, or ``auto``: time when every turn is timed, words otherwise."""

_ROLE_ORDER = [*Role, None]
_GREY = "#6b7280"


def _colour(index: int) -> str:
    return PALETTE[index % len(PALETTE)][0]


def _role_colour(role: Role | None) -> str:
    return _GREY if role is None else _colour(_ROLE_ORDER.index(role))


def _role_name(role: Role | None) -> str:
    return "no role" if role is None else role.value


def _turn_spans(turn: Turn, next_start: int | None) -> list[tuple[int, int]]:
    if turn.cues:
        return [(cue.start_ms, cue.end_ms) for cue in turn.cues]
    if turn.start_ms is None:
        return []
    end = turn.end_ms
    if end is None and turn.words:
        end = turn.words[-1].end_ms
    if end is None:
        end = next_start
    if end is None or end < turn.start_ms:
        return []
    return [(turn.start_ms, end)]


def spans(interview: Interview) -> list[tuple[str, int, int]]:
    """When each speaker talks: ``(speaker id, start ms, end ms)``, in order.

    A turn's cues give its spans when it has them; otherwise its start and
    end, the end of its last word, or the start of the next timed turn.

    Example:
        >>> import interviewkit as ik
        >>> iv = ik.Interview(
        ...     speakers=[ik.Speaker(id="a", name="A"), ik.Speaker(id="b", name="B")],
        ...     body=[
        ...         ik.Turn(speaker="a", text="Hi.", start_ms=0),
        ...         ik.Turn(speaker="b", text="Hello.", start_ms=1500, end_ms=4000),
        ...     ],
        ... )
        >>> spans(iv)
        [('a', 0, 1500), ('b', 1500, 4000)]

    """
    turns = interview.turns
    starts: list[int | None] = [None] * (len(turns) + 1)
    for index in range(len(turns) - 1, -1, -1):
        start = turns[index].start_ms
        if start is None and turns[index].cues:
            start = turns[index].cues[0].start_ms
        starts[index] = start if start is not None else starts[index + 1]
    found = []
    for index, turn in enumerate(turns):
        for start, end in _turn_spans(turn, starts[index + 1]):
            found.append((turn.speaker, start, end))
    return found


def _timed(interview: Interview) -> bool:
    turns = interview.turns
    timed = {id(turn) for turn in turns if turn.cues or turn.start_ms is not None}
    return bool(turns) and len(timed) == len(turns) and bool(spans(interview))


def _amounts(interview: Interview, measure: Measure) -> tuple[dict[str, float], str]:
    """How much each speaker talks, and the unit."""
    if measure == "auto":
        measure = "time" if _timed(interview) else "words"
    amounts = {speaker.id: 0.0 for speaker in interview.speakers}
    if measure == "time":
        for speaker, start, end in spans(interview):
            amounts[speaker] += (end - start) / 1000
        return amounts, "seconds"
    for speaker, words in interview.word_counts().items():
        amounts[speaker] = float(words)
    return amounts, "words"


def _label(interview: Interview, index: int) -> str:
    title = interview.title or interview.metadata.source or f"Interview {index + 1}"
    title = " ".join(title.split())
    return title if len(title) <= 40 else title[:39] + "…"


def _corpus(interviews: Interview | Sequence[Interview]) -> list[Interview] | None:
    if isinstance(interviews, Interview):
        return None
    corpus = list(interviews)
    if not all(isinstance(item, Interview) for item in corpus):
        raise TypeError("expected an Interview or a sequence of interviews")
    return corpus


def _figure(rows: int) -> Figure:
    figure = Figure(figsize=(8, 1.2 + 0.45 * max(rows, 1)), layout="constrained")
    figure.add_subplot()
    return figure


def speaking_time(
    interviews: Interview | Sequence[Interview], *, measure: Measure = "auto"
) -> Figure:
    """Bars of how much each speaker talks.

    Args:
        interviews: One interview (a bar a speaker, in cast order), or a
            corpus (a bar an interview, split into its roles' shares).
        measure: ``time``, ``words``, or ``auto`` (time when every turn of
            every interview is timed, words otherwise).

    Returns:
        The figure: bars with each speaker's amount and share.
    """
    corpus = _corpus(interviews)
    if corpus is None:
        assert isinstance(interviews, Interview)
        return _speaking_one(interviews, measure)
    if measure == "auto":
        measure = "time" if corpus and all(map(_timed, corpus)) else "words"
    figure = _figure(len(corpus))
    axes = figure.axes[0]
    seen: set[Role | None] = set()
    for row, interview in enumerate(corpus):
        amounts, _unit = _amounts(interview, measure)
        total = sum(amounts.values()) or 1.0
        by_role: dict[Role | None, float] = {}
        for speaker in interview.speakers:
            by_role[speaker.role] = by_role.get(speaker.role, 0) + amounts[speaker.id]
        left = 0.0
        for role in sorted(by_role, key=_ROLE_ORDER.index):
            share = 100 * by_role[role] / total
            label = _role_name(role) if role not in seen else None
            seen.add(role)
            axes.barh(row, share, left=left, color=_role_colour(role), label=label)
            left += share
    axes.set_yticks(range(len(corpus)), [_label(iv, i) for i, iv in enumerate(corpus)])
    axes.invert_yaxis()
    axes.set_xlim(0, 100)
    axes.set_xlabel(f"share of {'speaking time' if measure == 'time' else 'words'} (%)")
    if seen:
        axes.legend(
            loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=4, frameon=False
        )
    _tidy(axes)
    return figure


def _speaking_one(interview: Interview, measure: Measure) -> Figure:
    amounts, unit = _amounts(interview, measure)
    speakers = interview.speakers
    figure = _figure(len(speakers))
    axes = figure.axes[0]
    values = [amounts[speaker.id] for speaker in speakers]
    total = sum(values) or 1.0
    bars = axes.barh(
        range(len(speakers)),
        values,
        color=[_colour(index) for index in range(len(speakers))],
    )
    axes.bar_label(
        bars,
        labels=[_amount_text(value, unit, total) for value in values],
        padding=4,
    )
    axes.set_yticks(range(len(speakers)), [" ".join(s.name.split()) for s in speakers])
    axes.invert_yaxis()
    axes.set_xlabel("speaking time" if unit == "seconds" else "words")
    axes.margins(x=0.2)
    if unit == "seconds":
        _time_axis(axes, 1.2 * max(values, default=0.0))
    title = interview.title or "Who talks how much"
    axes.set_title(" ".join(title.split()), loc="left")
    _tidy(axes)
    return figure


def _amount_text(value: float, unit: str, total: float) -> str:
    shown = _clock(value, None) if unit == "seconds" else f"{value:,.0f}"
    return f"{shown} ({100 * value / total:.0f}%)"


_STEPS = (1, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200)


def _time_axis(axes: object, seconds: float) -> None:
    """Ticks at whole clock steps (``0:30``, ``1:00``...), no more than eight."""
    step = next((s for s in _STEPS if seconds / s <= 8), 3600 * (seconds // 28800 + 1))
    axis = axes.xaxis  # type: ignore[attr-defined]
    axis.set_major_locator(MultipleLocator(step))
    axis.set_major_formatter(FuncFormatter(_clock))


def _clock(seconds: float, _position: object) -> str:
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def timeline(interviews: Interview | Sequence[Interview]) -> Figure:
    """Who speaks when, for timed interviews.

    Args:
        interviews: One interview (a row a speaker, in cast order, in the
            speaker's colour), or a corpus (a row an interview, coloured by
            the speakers' roles).

    Raises:
        ValueError: If no turn has a time.
    """
    corpus = _corpus(interviews)
    if corpus is None:
        assert isinstance(interviews, Interview)
        return _timeline_one(interviews)
    figure = _figure(len(corpus))
    axes = figure.axes[0]
    seen: set[Role | None] = set()
    timed = False
    for row, interview in enumerate(corpus):
        roles = {speaker.id: speaker.role for speaker in interview.speakers}
        for speaker, start, end in spans(interview):
            timed = True
            role = roles[speaker]
            label = _role_name(role) if role not in seen else None
            seen.add(role)
            axes.broken_barh(
                [(start / 1000, (end - start) / 1000)],
                (row - 0.4, 0.8),
                color=_role_colour(role),
                label=label,
            )
    if not timed:
        raise ValueError("no turn of these interviews has a time: nothing to draw")
    axes.set_yticks(range(len(corpus)), [_label(iv, i) for i, iv in enumerate(corpus)])
    axes.invert_yaxis()
    _time_axis(axes, max(end for iv in corpus for _, _, end in spans(iv)) / 1000)
    axes.set_xlabel("time")
    axes.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=4, frameon=False)
    _tidy(axes)
    return figure


def _timeline_one(interview: Interview) -> Figure:
    found = spans(interview)
    if not found:
        raise ValueError("no turn of this interview has a time: nothing to draw")
    speakers = interview.speakers
    rows = {speaker.id: row for row, speaker in enumerate(speakers)}
    figure = _figure(len(speakers))
    axes = figure.axes[0]
    for speaker, start, end in found:
        row = rows[speaker]
        axes.broken_barh(
            [(start / 1000, max(end - start, 1) / 1000)],
            (row - 0.4, 0.8),
            color=_colour(row),
        )
    axes.set_yticks(range(len(speakers)), [" ".join(s.name.split()) for s in speakers])
    axes.set_ylim(len(speakers) - 0.5, -0.5)
    _time_axis(axes, max(end for _, _, end in found) / 1000)
    axes.set_xlabel("time")
    title = interview.title or "Who speaks when"
    axes.set_title(" ".join(title.split()), loc="left")
    _tidy(axes)
    return figure


def _tidy(axes: object) -> None:
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)  # type: ignore[attr-defined]


def save(figure: Figure, path: str | os.PathLike[str]) -> None:
    """Save a figure as SVG or PNG, by the path's suffix, the same bytes each time.

    SVG output has no date and fixed element ids, so a saved chart changes
    only when the interview (or matplotlib) does.

    Raises:
        ValueError: If the suffix is neither ``.svg`` nor ``.png``.
    """
    suffix = os.fspath(path).lower().rpartition(".")[2]
    if suffix == "svg":
        import matplotlib

        with matplotlib.rc_context(
            {"svg.hashsalt": "interviewkit", "svg.fonttype": "path"}
        ):
            figure.savefig(path, format="svg", metadata={"Date": None})
    elif suffix == "png":
        figure.savefig(path, format="png", dpi=150, metadata={"Software": None})
    else:
        raise ValueError(f"charts are saved as .svg or .png, not {path!s}")
