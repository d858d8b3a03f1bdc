"""``Name: text``: speaker labels that a timed source writes into its text.

Zoom writes the speaker's display name before every cue; Buzzsprout's SRT
writes it where the speaker changes. `find_prefixes` finds them with the
reading engine's label rules, for `interviewkit.formats._timed.build`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from interviewkit._reading.labels import find_label

if TYPE_CHECKING:
    from interviewkit.formats._timed import Segment

__all__ = ["find_prefixes"]

_SENTENCE_ENDS = frozenset('.?!…"”’)]-—–')

# A label as Zoom writes it: a display name of any shape before ": ".
_PREFIX = re.compile(r"([^\s:<>][^:\n<>]{0,79}?)[ \t]?:[ \t]+(?=\S)")


def find_prefixes(segments: Sequence[Segment]) -> None:
    """Find ``Name: text`` labels on the first line of each segment, in place.

    Two layouts. Zoom's: (nearly) every segment starts with a label, repeated
    on the segments of one speaker or of a shape no rule would take for a
    name (``kev``, ``Tullio | Erigon``); each is a speaker's exact name.
    Buzzsprout's: a label marks the segment where the speaker changes; it
    must have the shape of a label by the reading engine's rules, and stand
    where a sentence ends or recur, and the engine's alias rules apply
    (``Bekah`` after ``Bekah Hawrot Weigel``). Segments that already have a
    speaker are left alone.
    """
    candidates = [s for s in segments if s.speaker is None and s.text]
    if not candidates:
        return
    prefixes = []
    for segment in candidates:
        match = _PREFIX.match(segment.text)
        if match is not None:
            prefixes.append(match.group(1).strip())
    # Zoom's layout: (nearly) every cue labelled, and the label repeated on
    # the cues of one speaker, or names no rule would take for a label.
    every = (
        len(prefixes) >= 2
        and len(prefixes) >= 0.8 * len(candidates)
        and (
            any(one == two for one, two in itertools.pairwise(prefixes))
            or any(find_label(f"{prefix}: x") is None for prefix in set(prefixes))
        )
    )
    previous = ""
    found_labels: list[tuple[Segment, str, str, bool]] = []
    counts: dict[str, int] = {}
    for segment in segments:
        ends = not previous or previous.rstrip()[-1:] in _SENTENCE_ENDS
        previous = segment.text
        if segment.speaker is not None or not segment.text:
            continue
        text = segment.text
        if every:
            # Display names, exactly as the meeting shows them: no alias rules.
            match = _PREFIX.match(text)
            if match is not None:
                segment.speaker = match.group(1).strip()
                segment.text = text[match.end() :]
            continue
        if ":" not in text[:90] and "：" not in text[:90]:
            continue
        first = text.split("\n", 1)[0]
        found = find_label(first)
        if found is None or found.label is None or found.header:
            continue
        if found.alone:
            if len(first) == len(text):
                continue
            # The label alone on the first line, the speech below it.
            rest = text[len(first) + 1 :]
        else:
            rest = text[found.text_start :]
        # A speaker changes where a sentence ends: a label there is trusted
        # as the engine trusts a sure one; elsewhere only a label that
        # recurs is one ("every Virtual / Coffee: we" is speech).
        sure = found.strength >= 2 or ends
        found_labels.append((segment, found.label, rest, sure))
        counts[found.label] = counts.get(found.label, 0) + 1
    for segment, label, rest, sure in found_labels:
        if sure or counts[label] >= 2:
            segment.speaker = label
            segment.text = rest
            segment.written = True
            segment.tentative = not sure
