"""The Markdown writer: an interview as a Q&A page with YAML front matter."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import yaml

from interviewkit.formats.markdown.escape import (
    encode,
    encode_lines,
    unsafe_destination,
)
from interviewkit.formats.markdown.layout import (
    TEXT_MARKERS,
    VERSION,
    Layout,
    can_be_bold,
    format_span,
    heading_line,
    marker_template,
    span_fields,
    speakers_by_label,
    write_comment,
)
from interviewkit.model import (
    ImageCaption,
    Interview,
    Prose,
    Turn,
)

# --------------------------------------------------------------------------
# The writer


class _Dumper(yaml.SafeDumper):
    """PyYAML's safe dumper, with strings it would fold written quoted."""

    def ignore_aliases(self, data: Any) -> bool:
        # The reader refuses anchors and aliases: never write them.
        return True


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # PyYAML writes U+0085, U+2028 and U+2029 raw in plain and single-quoted
    # scalars, where YAML reads them as line breaks; double quotes escape them.
    risky = any(c in "\x85\u2028\u2029\ufeff" or not c.isprintable() for c in value)
    return dumper.represent_scalar(
        "tag:yaml.org,2002:str", value, style='"' if risky else None
    )


_Dumper.add_representer(str, _represent_str)


def choose_layout(interview: Interview) -> Layout:
    """The defaults that spare the most turns a comment.

    The unlabelled speaker is who has the most turns that can be bold
    paragraphs. The marker template is the one most labelled turns' markers
    follow (``{label}: ``), when more follow it than have no marker at all;
    turns with a start time get a template of their own when theirs differs
    (``{label}: [{time:00:00}] ``).
    """
    counts: dict[str, int] = {}
    templates: dict[bool, dict[str, int]] = {False: {}, True: {}}
    unmarked = 0
    for turn in interview.turns:
        if can_be_bold(turn):
            counts[turn.speaker] = counts.get(turn.speaker, 0) + 1
        if turn.label is None:
            continue
        if turn.marker is None:
            unmarked += 1
            continue
        template = marker_template(turn.marker, turn.label, turn.start_ms)
        if template is not None:
            group = templates[turn.start_ms is not None]
            group[template] = group.get(template, 0) + 1
    unlabelled = None
    if counts:
        order = {speaker.id: index for index, speaker in enumerate(interview.speakers)}
        unlabelled = max(counts, key=lambda speaker: (counts[speaker], -order[speaker]))
    untimed, timed = (_most(templates[key]) for key in (False, True))
    markers = untimed or timed
    if (
        markers is not None
        and max(templates[False].get(markers, 0), templates[True].get(markers, 0))
        <= unmarked
    ):
        markers = None
    timed_markers = timed if timed is not None and timed != markers else None
    return Layout(
        unlabelled_speaker=unlabelled, markers=markers, timed_markers=timed_markers
    )


def _most(counts: dict[str, int]) -> str | None:
    return max(counts, key=lambda key: counts[key]) if counts else None


def _front_matter(interview: Interview, layout: Layout) -> dict[str, Any]:
    metadata = interview.metadata
    matter: dict[str, Any] = {"interviewkit": VERSION}
    for key, value in (
        ("title", interview.title),
        ("source", metadata.source),
        ("url", metadata.url),
        ("date", metadata.date),
        ("language", metadata.language),
    ):
        if value is not None:
            matter[key] = value
    if metadata.extras:
        matter["extras"] = {
            key: value if isinstance(value, str) else list(value)
            for key, value in metadata.extras.items()
        }
    if interview.speakers:
        cast = []
        for speaker in interview.speakers:
            entry: dict[str, Any] = {"id": speaker.id, "name": speaker.name}
            if speaker.role is not None:
                entry["role"] = speaker.role.value
            if speaker.aliases:
                entry["aliases"] = list(speaker.aliases)
            cast.append(entry)
        matter["speakers"] = cast
    if layout.unlabelled_speaker is not None:
        matter["unlabelled_speaker"] = layout.unlabelled_speaker
    if layout.markers is not None:
        matter["markers"] = "text" if layout.markers == TEXT_MARKERS else layout.markers
    if layout.timed_markers is not None:
        matter["timed_markers"] = layout.timed_markers
    if interview.codes:
        matter["codes"] = [
            {
                "block": coding.block,
                "start": coding.start,
                "end": coding.end,
                "code": coding.code,
                **({"memo": coding.memo} if coding.memo is not None else {}),
            }
            for coding in interview.codes
        ]
    return matter


def _write_turn(
    turn: Turn,
    *,
    names: Mapping[str, str],
    labels: Mapping[str, list[str]],
    layout: Layout,
) -> list[str]:
    if turn.speaker == layout.unlabelled_speaker and can_be_bold(turn):
        lines = [encode(line) for line in turn.text.split("\n")]
        lines[0] = "**" + lines[0]
        if lines[-1].endswith(":"):
            # A colon before the closing ** would read as a label.
            lines[-1] = lines[-1][:-1] + "&#58;"
        lines[-1] += "**"
        return lines
    shown = turn.label if turn.label is not None else names[turn.speaker]
    fields: dict[str, Any] = {}
    if labels.get(shown) != [turn.speaker]:
        fields["speaker"] = turn.speaker
    if turn.label is None:
        fields["label"] = None
    if turn.marker != layout.marker(turn.label, turn.start_ms):
        fields["marker"] = turn.marker
    if turn.cues:
        fields["cues"] = [span_fields(cue) for cue in turn.cues]
    if turn.words:
        fields["words"] = [span_fields(word) for word in turn.words]
    head = f"**{encode(shown)}:**"
    if turn.start_ms is not None or turn.end_ms is not None:
        head += " " + format_span(turn.start_ms, turn.end_ms)
    lines = encode_lines(turn.text) if turn.text else []
    if lines:
        if lines[0].startswith("["):
            # A bracket right after the label would read as a time.
            lines[0] = "\\" + lines[0]
        head += " " + lines[0]
        lines[0] = head
    else:
        lines = [head]
    if fields:
        return [write_comment("turn", fields), "", *lines]
    return lines


def _write_destination(image: str) -> str:
    if all(c.isascii() and (c.isalnum() or c in "-._~:/?#@!$'*+,;=%") for c in image):
        return image
    escaped = encode(image, line_start=False)
    escaped = escaped.replace("<", "\\<").replace(">", "\\>")
    return f"<{escaped}>"


def _write_caption(caption: ImageCaption) -> list[str]:
    if caption.image is not None and unsafe_destination(caption.image):
        # Some renderers would make it an active link: keep it in a comment.
        lines = [write_comment("caption", {"image": caption.image})]
    elif caption.image is not None:
        alt = encode(caption.caption or "", line_start=False, always="[]")
        lines = [f"![{alt}]({_write_destination(caption.image)})"]
    else:
        lines = [write_comment("caption")]
    if caption.caption is not None:
        lines += ["", *encode_lines(caption.caption)]
    if caption.credit is not None:
        credit = encode_lines(caption.credit)
        credit[0] = "_" + credit[0]
        credit[-1] += "_"
        lines += ["", *credit]
    return lines


def _write_prose(prose: Prose) -> list[str]:
    return [write_comment(f"prose: {prose.kind.value}"), "", *encode_lines(prose.text)]


def dumps(interview: Interview) -> str:
    """Write an interview as Markdown with YAML front matter.

    Args:
        interview: The interview.

    Example:
        >>> from interviewkit import Speaker, Turn
        >>> iv = Interview(
        ...     title="Two lines",
        ...     speakers=(Speaker(id="q", name="Q"), Speaker(id="a", name="A")),
        ...     body=(Turn(speaker="q", text="Why *this*?", label="Q"),
        ...           Turn(speaker="a", text="Because.", label="A")),
        ... )
        >>> print(dumps(iv))
        ---
        interviewkit: 2
        title: Two lines
        speakers:
        - id: q
          name: Q
        - id: a
          name: A
        ---
        <BLANKLINE>
        # Two lines
        <BLANKLINE>
        **Q:** Why \\*this\\*?
        <BLANKLINE>
        **A:** Because.
        <BLANKLINE>

    """
    layout = choose_layout(interview)
    matter = yaml.dump(
        _front_matter(interview, layout),
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=float("inf"),
    )
    parts = [f"---\n{matter}---\n"]
    if interview.title is not None:
        parts.append(heading_line(interview.title) + "\n")
    names = {speaker.id: speaker.name for speaker in interview.speakers}
    labels = speakers_by_label(interview.speakers)
    for block in interview.body:
        if type(block) is Turn:
            lines = _write_turn(block, names=names, labels=labels, layout=layout)
        elif type(block) is ImageCaption:
            lines = _write_caption(block)
        else:
            assert type(block) is Prose
            lines = _write_prose(block)
        parts.append("\n".join(lines) + "\n")
    return "\n".join(parts)
