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
from interviewkit.model import Block, Prose, ProseKind, Role

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
    """Decide what every item is; return the items as turns and blocks."""
    return _Classifier(items, cast, options).run()


def _prose(item: Item, text: str, kind: ProseKind) -> Item:
    return Item(item.paragraph, "block", block=Prose(text=text, kind=kind))


class _Classifier:
    """One pass over a document's items, with what the pass has seen so far."""

    def __init__(self, items: list[Item], cast: Cast, options: ReadOptions) -> None:
        self.items = items
        self.cast = cast
        self.options = options
        kinds = [item.kind for item in items]
        # Questions that the markup marks count as turns for where the talk
        # starts and ends.
        turn_at = [i for i, what in enumerate(kinds) if what in ("turn", "question")]
        count = len(items)
        self.first = turn_at[0] if turn_at else count
        self.last = turn_at[-1] if turn_at else -1
        # For each position, the next turn and the next paragraph that is not
        # a block, found in one backward pass so that the rules stay linear.
        self.next_turn_at = [count] * (count + 1)
        self.next_open_at = [count] * (count + 1)
        turn_ahead = open_ahead = count
        for index in range(count - 1, -1, -1):
            what = kinds[index]
            if what == "turn":
                turn_ahead = open_ahead = index
            elif what != "block":
                open_ahead = index
            self.next_turn_at[index] = turn_ahead
            self.next_open_at[index] = open_ahead
        self.bare_questions = options.infer_questions and _answers_twice(items)
        self.result: list[Item] = []
        self.current_turn: Item | None = None  # a turn a paragraph may extend
        self.last_speaker: Person | None = None

    def run(self) -> list[Item]:
        for index, item in enumerate(self.items):
            if item.kind == "turn":
                self._add(item, turn=True)
                self.last_speaker = item.person
            elif item.kind == "cast":
                if item.text.strip():
                    item.block = Prose(text=item.text, kind=ProseKind.INTRO)
                    item.kind = "block"
                    self.result.append(item)
                self.current_turn = None
            elif item.kind == "block":
                self._add(item, turn=False)
            else:
                self._unlabelled(index, item)
        return self.result

    def _add(self, item: Item, *, turn: bool) -> None:
        self.result.append(item)
        self.current_turn = item if turn else None

    def _turn(
        self, item: Item, person: Person, text: str, *, answer: bool = False
    ) -> None:
        turn = Item(item.paragraph, "turn", person=person, text=text, answer=answer)
        self._add(turn, turn=True)

    def _unlabelled(self, index: int, item: Item) -> None:
        """A paragraph without a label: a block by its words, or by its place."""
        paragraph = item.paragraph
        text = item.text
        # What the paragraph reads as when it is not a turn of its own: a time
        # stamp in front of it is then part of its text.
        full = text if paragraph.label is not None else (paragraph.marker or "") + text
        caption = None if paragraph.verbatim else caption_from_text(full)
        if caption is not None:
            self._add(Item(paragraph, "block", block=caption), turn=False)
            return
        kind = None if paragraph.verbatim else prose_kind(full)
        if kind is None and item.kind == "question" and is_closing(text):
            kind = ProseKind.CLOSING
        if kind is not None:
            self._add(_prose(item, full, kind), turn=False)
            return
        if paragraph.aside and index >= self.first:
            if index > self.last:
                kind = ProseKind.CLOSING
            elif is_edited_note(text):
                kind = ProseKind.EDITORS_NOTE
            else:
                kind = ProseKind.OTHER
            self._add(_prose(item, full, kind), turn=False)
            return
        following = self.next_turn_at[index + 1]
        next_person = (
            self.items[following].person if following < len(self.items) else None
        )
        if item.kind == "question":
            self._marked_question(item, next_person)
        elif self._answers_a_marked_question(item, next_person):
            pass
        elif index < self.first:
            self._before_talk(index, item, full)
        elif index > self.last:
            self._after_talk(item, full)
        else:
            self._inside_talk(item, full, next_person)

    def _marked_question(self, item: Item, next_person: Person | None) -> None:
        answerer = next_person or self.last_speaker
        asker = (
            questioner(self.cast, answerer, self.options)
            if answerer is not None
            else interviewer(self.cast)
        )
        self._turn(item, asker, item.text)

    def _answers_a_marked_question(
        self, item: Item, next_person: Person | None
    ) -> bool:
        """The paragraph after a question the markup marks is its answer."""
        current = self.current_turn
        if (
            current is None
            or not current.paragraph.question
            or current.labelled
            or current.person is None
        ):
            return False
        asker = current.person
        answerer = next(
            (
                person
                for person in (next_person, self.last_speaker)
                if person is not None and person is not asker
            ),
            None,
        ) or answerer_of(self.cast, asker)
        self._turn(item, answerer, item.text, answer=True)
        return True

    def _before_talk(self, index: int, item: Item, full: str) -> None:
        """Before the first turn: an intro, or a question left unlabelled."""
        text = item.text
        next_turn = (
            self.items[self.first].person if self.first < len(self.items) else None
        )
        if (
            self.bare_questions
            and asks(text)
            and self.next_open_at[index + 1] >= self.first
            and next_turn is not None
            and next_turn.role is not Role.INTERVIEWER  # the talk opens on a question
        ):
            self._turn(item, questioner(self.cast, next_turn, self.options), text)
            return
        kind = ProseKind.EDITORS_NOTE if is_edited_note(text) else ProseKind.INTRO
        self.result.append(_prose(item, full, kind))

    def _after_talk(self, item: Item, full: str) -> None:
        """After the last turn: closing lines, or more of the last turn."""
        timed = item.paragraph.start_ms is not None and item.paragraph.label is None
        last_speaker, current = self.last_speaker, self.current_turn
        if timed and last_speaker:
            # A time stamp starts a turn, even without a label.
            self._turn(item, last_speaker, item.text)
        elif (
            self.bare_questions
            and last_speaker is not None
            and last_speaker.role is Role.INTERVIEWER
            and current is not None
            and current.person is last_speaker
            and not is_closing(item.text)
        ):
            # The talk ends on a labelled question: this is its bare answer.
            self._turn(item, answerer_of(self.cast, last_speaker), item.text)
        elif is_closing(item.text) or self.bare_questions or self.current_turn is None:
            self._add(_prose(item, full, ProseKind.CLOSING), turn=False)
        else:
            self.current_turn.extend(full)

    def _inside_talk(self, item: Item, full: str, next_person: Person | None) -> None:
        """Between turns: a note, a question left unlabelled, or more talk."""
        text = item.text
        timed = item.paragraph.start_ms is not None and item.paragraph.label is None
        if is_edited_note(text):
            self._add(_prose(item, full, ProseKind.EDITORS_NOTE), turn=False)
            return
        last_speaker = self.last_speaker
        current = self.current_turn
        if self.bare_questions and next_person is last_speaker and last_speaker:
            if current is not None and current.person is not last_speaker and not timed:
                current.extend(full)  # a question (or an answer) in two paragraphs
                return
            self._turn(item, self._other_side(last_speaker), text)
            return
        if current is not None and not timed:
            current.extend(full)
        elif last_speaker is not None:
            self._turn(item, last_speaker, text)
        else:
            self.result.append(_prose(item, full, ProseKind.OTHER))

    def _other_side(self, person: Person) -> Person:
        """Who speaks between two labelled turns of ``person``: whoever
        answers when ``person`` asks (``Q:`` labels and bare answers), and
        otherwise whoever asks (bare questions between labelled answers)."""
        if person.role is Role.INTERVIEWER:
            return answerer_of(self.cast, person)
        return questioner(self.cast, person, self.options)


def _answers_twice(items: list[Item]) -> bool:
    """Whether one speaker answers twice in a row somewhere.

    A question between the two answers was left unlabelled: such a document
    leaves questions bare, while one that labels every turn continues a turn
    with its unlabelled paragraphs.
    """
    previous: Person | None = None
    for item in items:
        if item.kind == "turn":
            if item.person is previous and previous is not None:
                return True
            previous = item.person
    return False
