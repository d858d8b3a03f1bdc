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
    continued: bool = False  # more of the last speaker's talk, not a question
    joined: tuple[int, ...] = ()  # the lines of the paragraphs added to it

    def extend(self, text: str, line: int) -> None:
        """Add the paragraph at ``line`` to this turn."""
        self.joined += (line,)
        if self.text:
            self.text += "\n\n" + text
            return
        # A label alone, its speech in the next paragraph.
        self.text = text
        if self.paragraph.marker is not None:
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
        labelled = [i for i, what in enumerate(kinds) if what == "turn"]
        self.last_labelled = labelled[-1] if labelled else -1
        # Whether the answers to marked questions go unlabelled, as a rule.
        after = [
            kinds[i + 1] for i, what in enumerate(kinds[:-1]) if what == "question"
        ]
        self.answers_unlabelled = len(after) >= 2 and after.count(
            "plain"
        ) > after.count("turn")
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
        self.bare_questions = options.infer_questions and _leaves_questions_bare(items)
        cast.answerers = _answerers(items)
        self.result: list[Item] = []
        self.positions = {id(item): index for index, item in enumerate(items)}
        self.current_turn: Item | None = None  # a turn a paragraph may extend
        self.last_speaker: Person | None = None
        self.last_asker: Person | None = None  # who last asked, by a label

    def run(self) -> list[Item]:
        for index, item in enumerate(self.items):
            if item.kind == "turn":
                self._add(item, turn=True)
                self.last_speaker = item.person
                if asks(item.text):
                    self.last_asker = item.person
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
        self,
        item: Item,
        person: Person,
        text: str,
        *,
        answer: bool = False,
        continued: bool = False,
    ) -> None:
        turn = Item(
            item.paragraph,
            "turn",
            person=person,
            text=text,
            answer=answer,
            continued=continued,
        )
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
        if (
            kind is None
            and paragraph.heading
            and self.last_labelled >= 0
            and not self.answers_unlabelled
            and not self._answered_next(index)
        ):
            # Where labels mark the turns, a heading that no unlabelled
            # answer follows is a section's title, though it asks.
            kind = ProseKind.OTHER
        if (
            kind is None
            and paragraph.heading
            and index > self.last_labelled >= 0
            and not self.answers_unlabelled
        ):
            kind = ProseKind.CLOSING  # a heading after the labelled talk ends it
        if kind is not None:
            self._add(_prose(item, full, kind), turn=False)
            return
        following = self.next_turn_at[index + 1]
        next_person = (
            self.items[following].person if following < len(self.items) else None
        )
        if item.kind != "question" and self._answers_a_marked_question(
            item, next_person
        ):
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
        if item.kind == "question":
            self._marked_question(item, next_person)
        elif index < self.first:
            self._before_talk(index, item, full)
        elif index > self.last:
            self._after_talk(item, full)
        else:
            self._inside_talk(item, full, next_person)

    def _index(self, item: Item) -> int:
        return self.positions[id(item)]

    def _answered_next(self, index: int) -> bool:
        following = index + 1
        return following < len(self.items) and self.items[following].kind == "plain"

    def _marked_question(self, item: Item, next_person: Person | None) -> None:
        if self.last_asker is not None and self._answered_next(self._index(item)):
            # Answered below it, unlabelled: asked by who asks by label.
            self._turn(item, self.last_asker, item.text)
            return
        answerer = next_person or self.last_speaker
        if answerer is not None and answerer.role is Role.INTERVIEWER:
            answerer = None  # the next labelled turn asks too: not its answer
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
        if current is None or current.person is None or not _asks_a_question(current):
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
            self._turn(item, last_speaker, item.text, continued=True)
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
            self.current_turn.extend(full, item.paragraph.line)

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
                # A question (or an answer) in two paragraphs.
                current.extend(full, item.paragraph.line)
                return
            self._turn(item, self._other_side(last_speaker), text)
            return
        if current is not None and not timed:
            current.extend(full, item.paragraph.line)
        elif last_speaker is not None:
            self._turn(item, last_speaker, text, continued=True)
        else:
            self.result.append(_prose(item, full, ProseKind.OTHER))

    def _other_side(self, person: Person) -> Person:
        """Who speaks between two labelled turns of ``person``: whoever
        answers when ``person`` asks (``Q:`` labels and bare answers), and
        otherwise whoever asks (bare questions between labelled answers)."""
        if person.role is Role.INTERVIEWER:
            return answerer_of(self.cast, person)
        return questioner(self.cast, person, self.options)


def _leaves_questions_bare(items: list[Item]) -> bool:
    """Whether the document leaves its questions unlabelled.

    Where one speaker's labelled turns come back with unlabelled paragraphs
    between them at least as often as labelled turns change hands, the
    paragraphs between are the questions (a Q&A article that labels only
    its answers). Where turns change hands by their labels, an unlabelled
    paragraph goes on with the turn before it.
    """
    gaps = changes = 0
    previous: Person | None = None
    between = False
    for item in items:
        if item.kind == "turn":
            if previous is not None:
                if item.person is not previous:
                    changes += 1
                elif between:
                    gaps += 1
            previous = item.person
            between = False
        elif item.kind == "plain":
            between = True
    return gaps > 0 and gaps >= changes


def _answerers(items: list[Item]) -> set[int]:
    """Who only speaks after the questions the markup marks: they answer.

    Where every question is marked (in bold, as a heading) and unlabelled,
    the speakers labelled after them are the answerers, and the questions
    are someone else's: a speaker labelled before the first question (who
    opens the talk), or else the interviewer.
    """
    answering: set[int] = set()
    opening: set[int] = set()
    asked = False
    for item in items:
        if item.kind == "question":
            asked = True
        elif item.kind == "turn" and item.person is not None:
            (answering if asked else opening).add(id(item.person))
    return answering - opening


def _asks_a_question(turn: Item) -> bool:
    """Whether a turn is a question its markup marks, to be answered below.

    A bold or heading question without a label, or a heading that starts
    with a label and asks (``## Question 1: Why?``).
    """
    paragraph = turn.paragraph
    if paragraph.question and not turn.labelled:
        return True
    return paragraph.heading and turn.labelled and asks(turn.text)
