"""What each paragraph is: a turn, part of one, a caption or prose.

`classify` takes the items of a document (labelled turns, unlabelled
paragraphs, blocks the reader recognised) and decides what every unlabelled
paragraph is by its words and its place: before the talk (an intro), inside
it (a question left unlabelled, a turn's next paragraph, an editor's note)
or after it (closing lines).
"""

from __future__ import annotations

import attrs

from interviewkit._options import ReadOptions
from interviewkit._reading.blocks import (
    asks,
    caption_from_text,
    is_closing,
    is_edited_note,
    prose_kind,
)
from interviewkit._reading.cast import Cast, Person
from interviewkit._reading.records import Paragraph
from interviewkit._reading.roles import answerer_of, interviewer, questioner
from interviewkit.model import Block, Prose, ProseKind

__all__ = ["Item", "classify"]


@attrs.define
class Item:
    paragraph: Paragraph
    kind: str  # "turn", "block", "plain", "cast"
    person: Person | None = None
    text: str = ""
    block: Block | None = None
    labelled: bool = False
    marker_suffix: str = ""
    answer: bool = False  # the answer to a question marked by the reader

    def extend(self, text: str) -> None:
        """Add a paragraph to this turn."""
        if self.text or self.paragraph.marker is None:
            self.text += "\n\n" + text
        else:
            # A label alone, its speech in the next paragraph.
            self.text = text
            self.marker_suffix = "\n\n"


def classify(items: list[Item], cast: Cast, options: ReadOptions) -> list[Item]:
    # Questions that the markup marks count as turns for where the talk
    # starts and ends.
    kinds = [item.kind for item in items]
    turn_at = [
        index for index, what in enumerate(kinds) if what in ("turn", "question")
    ]
    # For each position, the next turn and the next paragraph that is not a
    # block, found in one backward pass so that the rules below stay linear.
    count = len(items)
    next_turn_at = [count] * (count + 1)
    next_open_at = [count] * (count + 1)
    turn_ahead = open_ahead = count
    for index in range(count - 1, -1, -1):
        what = kinds[index]
        if what == "turn":
            turn_ahead = open_ahead = index
        elif what != "block":
            open_ahead = index
        next_turn_at[index] = turn_ahead
        next_open_at[index] = open_ahead
    first = turn_at[0] if turn_at else count
    last = turn_at[-1] if turn_at else -1
    # Whether one speaker answers twice in a row (a question between them
    # left unlabelled) tells whether the document labels every turn
    # (unlabelled paragraphs continue a turn) or leaves questions bare.
    previous: Person | None = None
    same = False
    for item in items:
        if item.kind == "turn":
            if item.person is previous and previous is not None:
                same = True
                break
            previous = item.person
    bare_questions = options.infer_questions and same

    result: list[Item] = []
    current_turn: Item | None = None  # the turn an unlabelled paragraph may extend
    last_speaker: Person | None = None
    for index, item in enumerate(items):
        paragraph = item.paragraph
        if item.kind == "turn":
            result.append(item)
            current_turn = item
            last_speaker = item.person
            continue
        if item.kind == "cast":
            if item.text.strip():
                item.block = Prose(text=item.text, kind=ProseKind.INTRO)
                item.kind = "block"
                result.append(item)
            current_turn = None
            continue
        if item.kind == "block":
            result.append(item)
            current_turn = None
            continue
        text = item.text
        # What the paragraph reads as when it is not a turn of its own: a time
        # stamp in front of it is then part of its text.
        full = text if paragraph.label is not None else (paragraph.marker or "") + text
        timed = paragraph.start_ms is not None and paragraph.label is None
        caption = None if paragraph.verbatim else caption_from_text(full)
        if caption is not None:
            result.append(Item(paragraph, "block", block=caption))
            current_turn = None
            continue
        kind = None if paragraph.verbatim else prose_kind(full)
        if kind is None and item.kind == "question" and is_closing(text):
            kind = ProseKind.CLOSING
        if kind is not None:
            result.append(Item(paragraph, "block", block=Prose(text=full, kind=kind)))
            current_turn = None
            continue
        if paragraph.aside and index >= first:
            if index > last:
                kind = ProseKind.CLOSING
            elif is_edited_note(text):
                kind = ProseKind.EDITORS_NOTE
            else:
                kind = ProseKind.OTHER
            result.append(Item(paragraph, "block", block=Prose(text=full, kind=kind)))
            current_turn = None
            continue
        following = next_turn_at[index + 1]
        next_person = items[following].person if following < len(items) else None
        if item.kind == "question":
            answerer = next_person or last_speaker
            asker = (
                questioner(cast, answerer, options)
                if answerer is not None
                else interviewer(cast)
            )
            result.append(Item(paragraph, "turn", person=asker, text=text))
            current_turn = result[-1]
            continue
        if (
            current_turn is not None
            and current_turn.paragraph.question
            and not current_turn.labelled
            and current_turn.person is not None
        ):
            asker = current_turn.person
            answerer = next(
                (
                    person
                    for person in (next_person, last_speaker)
                    if person is not None and person is not asker
                ),
                None,
            ) or answerer_of(cast, asker)
            result.append(
                Item(paragraph, "turn", person=answerer, text=text, answer=True)
            )
            current_turn = result[-1]
            continue
        if index < first:
            next_turn = items[first].person if first < len(items) else None
            if (
                bare_questions
                and asks(text)
                and next_open_at[index + 1] >= first
                and next_turn is not None
            ):
                asker = questioner(cast, next_turn, options)
                result.append(Item(paragraph, "turn", person=asker, text=text))
                current_turn = result[-1]
                continue
            kind = ProseKind.EDITORS_NOTE if is_edited_note(text) else ProseKind.INTRO
            result.append(Item(paragraph, "block", block=Prose(text=full, kind=kind)))
            continue
        if index > last and timed and last_speaker:
            # A time stamp starts a turn, even without a label.
            result.append(Item(paragraph, "turn", person=last_speaker, text=text))
            current_turn = result[-1]
            continue
        if index > last:
            if is_closing(text) or bare_questions or current_turn is None:
                result.append(
                    Item(
                        paragraph,
                        "block",
                        block=Prose(text=full, kind=ProseKind.CLOSING),
                    )
                )
                current_turn = None
            else:
                current_turn.extend(full)
            continue
        if is_edited_note(text):
            result.append(
                Item(
                    paragraph,
                    "block",
                    block=Prose(text=full, kind=ProseKind.EDITORS_NOTE),
                )
            )
            current_turn = None
            continue
        after = next_person
        if bare_questions and after is last_speaker and last_speaker is not None:
            if (
                current_turn is not None
                and current_turn.person is not last_speaker
                and not timed
            ):
                current_turn.extend(full)  # a question in two paragraphs
                continue
            asker = questioner(cast, last_speaker, options)
            result.append(Item(paragraph, "turn", person=asker, text=text))
            current_turn = result[-1]
            continue
        if current_turn is not None and not timed:
            current_turn.extend(full)
            continue
        if last_speaker is not None:
            result.append(
                Item(
                    paragraph,
                    "turn",
                    person=last_speaker,
                    text=text,
                )
            )
            current_turn = result[-1]
            continue
        result.append(
            Item(paragraph, "block", block=Prose(text=full, kind=ProseKind.OTHER))
        )
    return result
