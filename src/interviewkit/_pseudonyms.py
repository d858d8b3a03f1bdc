"""How `interviewkit.pseudonymise` finds names, replaces them and puts them back.

Each replacement is recorded as ``(start, end, original)``: where the code
stands in the new text and the words it replaced, so that a text and every
offset into it (codings, cues, words) can go either way.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

import attrs

from interviewkit._reading.vocabulary import HONORIFICS, PARTICLES, ROLE_WORDS, key
from interviewkit.model import (
    Block,
    ImageCaption,
    Interview,
    Metadata,
    Prose,
    Role,
    Speaker,
    Turn,
)

__all__ = [
    "ASKING",
    "Cast",
    "Matcher",
    "Pseudonym",
    "Replacer",
    "name_forms",
    "replace",
    "restore",
]

# Whose code is the interviewer's: the people who ask.
ASKING = frozenset({Role.INTERVIEWER, Role.HOST, Role.MODERATOR})

_WORD = re.compile(r"\w+")

Record = tuple[int, int, str]


@attrs.frozen(kw_only=True)
class Pseudonym:
    """One person of a `PseudonymKey` and their code.

    Args:
        code: What replaces their name (``P01``).
        name: Their name as the data gave it.
        forms: Every form of the name that is replaced: the name, aliases,
            words and initials (see `name_forms`).

    Example:
        >>> Pseudonym(code="P01", name="Maria Lopez").code
        'P01'

    """

    code: str
    name: str
    forms: tuple[str, ...] = ()


# --- who is who ---------------------------------------------------------------


def _not_a_name(word: str) -> bool:
    folded = key(word)
    if all(part in ROLE_WORDS or part.isdigit() for part in folded.split()):
        return True  # a part, not a person: "Interviewer", "Speaker 2"
    return (
        len(word) < 2
        or word.isdigit()
        or folded in ROLE_WORDS
        or folded in PARTICLES
        or folded in HONORIFICS
        or folded.rstrip(".") in HONORIFICS
    )


def name_forms(name: str, aliases: Sequence[str] = ()) -> tuple[str, ...]:
    """Every form of a name that `pseudonymise` replaces.

    Example:
        >>> print(" | ".join(name_forms("Dr Anne-Marie de Vries", ["VRIES"])))
        ... # doctest: +NORMALIZE_WHITESPACE
        Dr Anne-Marie de Vries | VRIES | Anne-Marie | Anne | Marie | Vries |
        AMV | A.M.V. | A. M. V.

    """
    forms: list[str] = []

    def add(form: str) -> None:
        form = form.strip()
        if form and form not in forms and not _not_a_name(form):
            forms.append(form)

    for whole in (name, *aliases):
        add(whole)
    for whole in (name, *aliases):
        for word in whole.split():
            add(word.strip('.,;:!?"“”()[]'))
            for part in _WORD.findall(word):
                add(part)
    words = [
        part
        for word in name.split()
        if not _not_a_name(word.strip(".,"))
        for part in word.split("-")
        if part
    ]
    if len(words) >= 2 and all(w[0].isalpha() for w in words):
        letters = [w[0].upper() for w in words]
        add("".join(letters))
        add("".join(letter + "." for letter in letters))
        add(" ".join(letter + "." for letter in letters))
    return tuple(forms)


class Cast:
    """The people met so far across a corpus, and their codes."""

    def __init__(
        self,
        previous: Sequence[Pseudonym],
        codes: Mapping[str, str],
        participant: str,
        interviewer: str,
        other: str,
    ) -> None:
        self.people: list[Pseudonym] = list(previous)
        self.by_name = {key(p.name): index for index, p in enumerate(self.people)}
        self.codes = {key(name): code for name, code in codes.items()}
        self.schemes = {"participant": participant, "interviewer": interviewer}
        self.schemes["other"] = other
        self.used = {p.code for p in self.people}

    def _next(self, kind: str) -> str:
        scheme = self.schemes[kind]
        number = 1
        while True:
            if "{" in scheme:
                code = scheme.format(number)
            else:
                code = scheme if number == 1 else f"{scheme}{number}"
            if code not in self.used:
                return code
            number += 1

    def person(self, name: str, aliases: Sequence[str], kind: str) -> Pseudonym:
        folded = key(name)
        if folded in self.by_name:
            index = self.by_name[folded]
            known = self.people[index]
            extra = [f for f in name_forms(name, aliases) if f not in known.forms]
            if extra:
                known = attrs.evolve(known, forms=known.forms + tuple(extra))
                self.people[index] = known
            return known
        code = self.codes.get(folded) or self._next(kind)
        if not code.strip():
            raise ValueError(f"the code for {name!r} is blank")
        self.used.add(code)
        person = Pseudonym(code=code, name=name, forms=name_forms(name, aliases))
        self.by_name[folded] = len(self.people)
        self.people.append(person)
        return person

    def matcher(self) -> Matcher:
        """What finds every form of every name in a text."""
        codes: dict[str, list[str]] = {}
        for person in self.people:
            for form in person.forms:
                found = codes.setdefault(form, [])
                if person.code not in found:
                    found.append(person.code)
        # Forms that differ only in case are one form; all their codes count.
        by_fold: dict[str, list[str]] = {}
        for form, found in codes.items():
            merged = by_fold.setdefault(_fold(form), [])
            merged.extend(code for code in found if code not in merged)
        return Matcher({form: "/".join(by_fold[_fold(form)]) for form in codes})


def _fold(text: str) -> str:
    """A key under which the case-insensitive matches of ``re`` meet.

    ``casefold`` joins what ``re.IGNORECASE`` joins, but for the dotted and
    dotless i of Turkish, which it folds otherwise.
    """
    return text.casefold().replace("i\u0307", "i").replace("\u0131", "i")


class Matcher:
    """Finds whole-word mentions of names, any case, longest form first.

    Each form is indexed by its first word, so a text is read once, word by
    word, whatever the number of names: one pattern of a thousand
    alternatives would try them all at every word.
    """

    def __init__(self, codes: Mapping[str, str]) -> None:
        self.forms: dict[str, list[tuple[re.Pattern[str], str]]] = {}
        for form in sorted(codes, key=len, reverse=True):
            start = _WORD.search(form)
            if start is None:
                continue
            trimmed = form[start.start() :]
            after = r"(?!\w)" if _WORD.match(trimmed[-1]) else ""
            pattern = re.compile(re.escape(trimmed) + after, re.IGNORECASE)
            first = _fold(start.group())
            self.forms.setdefault(first, []).append((pattern, codes[form]))

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        """The mentions in ``text``: start, end, and the code that replaces it."""
        if not self.forms:
            return
        position = 0
        for word in _WORD.finditer(text):
            if word.start() < position:
                continue
            for pattern, code in self.forms.get(_fold(word.group()), ()):
                found = pattern.match(text, word.start())
                if found is not None:
                    yield found.start(), found.end(), code
                    position = found.end()
                    break


# --- replacing ------------------------------------------------------------------


class Replacer:
    def __init__(self, matcher: Matcher) -> None:
        self.matcher = matcher
        self.records: dict[str, list[Record]] = {}

    def text(self, path: str, text: str) -> str:
        parts: list[str] = []
        records: list[Record] = []
        position = 0
        length = 0
        for start, end, code in self.matcher.finditer(text):
            before = text[position:start]
            parts.append(before)
            length += len(before)
            parts.append(code)
            records.append((length, length + len(code), text[start:end]))
            length += len(code)
            position = end
        if not records:
            return text
        parts.append(text[position:])
        self.records[path] = records
        return "".join(parts)

    def optional(self, path: str, text: str | None) -> str | None:
        return None if text is None else self.text(path, text)


def _moved(position: int, records: Sequence[Record], *, end: bool, back: bool) -> int:
    """Where a position in one text stands in the other.

    ``records`` are the replacements as (start, end, original) in the new
    text. Forwards (``back=False``) a position in the old text moves to
    the new; backwards, from the new to the old. A position inside a
    replaced stretch moves to its start (or its end, for an ``end``).
    """
    shift = 0
    for new_start, new_end, original in records:
        old_start = new_start - shift
        old_end = old_start + len(original)
        start, stop = (new_start, new_end) if back else (old_start, old_end)
        if position <= start:
            break
        if position < stop:
            target = (old_start, old_end) if back else (new_start, new_end)
            return target[1] if end else target[0]
        shift += (new_end - new_start) - len(original)
    return position - shift if back else position + shift


def _spans(
    spans: tuple[Any, ...],
    records: Sequence[Record] | None,
    *,
    back: bool,
    ordered: bool = True,
) -> tuple[Any, ...]:
    if not records:
        return spans
    moved = []
    previous = 0
    for span in spans:
        start = _moved(span.start, records, end=False, back=back)
        stop = _moved(span.end, records, end=True, back=back)
        if ordered:
            # Cues and words may not overlap: a boundary inside a name
            # moves to its edge, and must not cross the span before.
            start = max(start, previous)
            stop = max(stop, start)
            previous = stop
        moved.append(attrs.evolve(span, start=start, end=stop))
    return tuple(moved)


def replace(interview: Interview, cast: Cast, replace: Replacer) -> Interview:
    ids: dict[str, str] = {}
    speakers = []
    for speaker in interview.speakers:
        kind = "interviewer" if speaker.role in ASKING else "participant"
        code = cast.person(speaker.name, speaker.aliases, kind).code
        slug = re.sub(r"[^\w]+", "-", code.casefold()).strip("-") or "speaker"
        new_id = slug
        number = 2
        while new_id in ids.values():
            new_id, number = f"{slug}-{number}", number + 1
        ids[speaker.id] = new_id
        speakers.append(Speaker(id=new_id, name=code, role=speaker.role))
    body: list[Block] = []
    for index, block in enumerate(interview.body):
        at = f"body.{index}."
        if type(block) is Turn:
            text = replace.text(at + "text", block.text)
            records = replace.records.get(at + "text")
            body.append(
                attrs.evolve(
                    block,
                    speaker=ids[block.speaker],
                    text=text,
                    label=replace.optional(at + "label", block.label),
                    marker=replace.optional(at + "marker", block.marker),
                    cues=_spans(block.cues, records, back=False),
                    words=_spans(block.words, records, back=False),
                )
            )
        elif type(block) is Prose:
            body.append(attrs.evolve(block, text=replace.text(at + "text", block.text)))
        else:
            assert type(block) is ImageCaption
            body.append(
                ImageCaption(
                    image=replace.optional(at + "image", block.image),
                    caption=replace.optional(at + "caption", block.caption),
                    credit=replace.optional(at + "credit", block.credit),
                )
            )
    codes = []
    for index, coding in enumerate(interview.codes):
        field = (
            "caption" if type(interview.body[coding.block]) is ImageCaption else "text"
        )
        moved = _spans(
            (coding,),
            replace.records.get(f"body.{coding.block}.{field}"),
            back=False,
            ordered=False,
        )[0]
        codes.append(
            attrs.evolve(
                moved,
                code=replace.text(f"codes.{index}.code", coding.code),
                memo=replace.optional(f"codes.{index}.memo", coding.memo),
            )
        )
    return Interview(
        title=replace.optional("title", interview.title),
        metadata=_metadata(interview.metadata, replace.optional),
        speakers=speakers,
        body=body,
        codes=codes,
    )


def _metadata(
    metadata: Metadata, change: Callable[[str, str | None], str | None]
) -> Metadata:
    extras: dict[str, str | tuple[str, ...]] = {}
    for name, value in metadata.extras.items():
        if isinstance(value, str):
            extras[name] = change(f"metadata.extras.{name}", value) or ""
        else:
            extras[name] = tuple(
                change(f"metadata.extras.{name}.{i}", item) or ""
                for i, item in enumerate(value)
            )
    return Metadata(
        source=change("metadata.source", metadata.source),
        url=change("metadata.url", metadata.url),
        date=change("metadata.date", metadata.date),
        language=metadata.language,
        extras=extras,
    )


# --- restoring ------------------------------------------------------------------


def _is_code(text: str, codes: set[str]) -> bool:
    return all(part in codes for part in text.split("/"))


def _cast_back(
    interview: Interview, originals: Sequence[Mapping[str, Any]]
) -> tuple[tuple[Speaker, ...], dict[str, str]]:
    """The original cast, and the original id of each pseudonymised speaker.

    A speaker is found by its code in its name, an alias or its id, in any
    case, so an interview written and read back (where ``INT`` may become
    ``Int``) still finds its people; a speaker that is no one's code stays.
    """
    by_code = {key(item["code"]): item for item in originals}
    speakers: list[Speaker] = []
    ids: dict[str, str] = {}
    for speaker in interview.speakers:
        found = next(
            (
                by_code[key(form)]
                for form in (speaker.name, *speaker.aliases, speaker.id)
                if key(form) in by_code
            ),
            None,
        )
        if found is None or found["id"] in ids.values():
            ids[speaker.id] = speaker.id
            speakers.append(speaker)
            continue
        ids[speaker.id] = found["id"]
        speakers.append(
            Speaker(
                id=found["id"],
                name=found["name"],
                role=speaker.role if found["role"] is None else found["role"],
                aliases=found["aliases"],
            )
        )
    return tuple(speakers), ids


def restore(
    interview: Interview, record: Mapping[str, Any], pseudonyms: set[str]
) -> Interview:
    """The original of a pseudonymised interview, by its record in a key.

    A replacement is undone only where the code still stands where it was
    put; in a label or a marker that a format wrote otherwise, the codes
    become the original names.
    """
    fields: Mapping[str, list[list[Any]]] = record["fields"]
    records = {
        path: [(int(a), int(b), str(c)) for a, b, c in items]
        for path, items in fields.items()
    }
    names = {key(item["code"]): item["name"] for item in record["speakers"]}

    def back(path: str, text: str | None) -> str | None:
        return None if text is None else back_text(path, text)

    def fits(path: str, text: str | None) -> bool:
        found = records.get(path, [])
        return (
            bool(found)
            and text is not None
            and all(
                end <= len(text) and _is_code(text[start:end], pseudonyms)
                for start, end, _ in found
            )
        )

    def back_text(path: str, text: str) -> str:
        found = records.get(path, [])
        if found and not fits(path, text):
            if path.endswith((".label", ".marker")):
                return re.sub(
                    r"(?<!\w)\w+(?!\w)",
                    lambda m: names.get(key(m.group()), m.group()),
                    text,
                )
            raise ValueError(f"{path} is not the text the key recorded")
        parts: list[str] = []
        position = 0
        for start, end, original in found:
            parts.append(text[position:start])
            parts.append(original)
            position = end
        parts.append(text[position:])
        return "".join(parts)

    speakers, ids = _cast_back(interview, record["speakers"])
    body: list[Block] = []
    for index, block in enumerate(interview.body):
        at = f"body.{index}."
        if type(block) is Turn:
            moved = records.get(at + "text")
            body.append(
                attrs.evolve(
                    block,
                    speaker=ids[block.speaker],
                    text=back_text(at + "text", block.text),
                    label=back(at + "label", block.label),
                    marker=back(at + "marker", block.marker),
                    cues=_spans(block.cues, moved, back=True),
                    words=_spans(block.words, moved, back=True),
                )
            )
        elif type(block) is Prose:
            body.append(attrs.evolve(block, text=back_text(at + "text", block.text)))
        else:
            assert type(block) is ImageCaption
            # A format may read an image name back as a caption: each
            # field takes the record of its own field, or of the one that fits.
            restored: dict[str, str | None] = {}
            for name in ("image", "caption", "credit"):
                text = getattr(block, name)
                order = [name] + [
                    n for n in ("image", "caption", "credit") if n != name
                ]
                path = next((at + n for n in order if fits(at + n, text)), at + name)
                restored[name] = back(path, text)
            body.append(ImageCaption(**restored))
    codes = []
    for index, coding in enumerate(interview.codes):
        field = "caption" if type(body[coding.block]) is ImageCaption else "text"
        moved_coding = _spans(
            (coding,),
            records.get(f"body.{coding.block}.{field}"),
            back=True,
            ordered=False,
        )[0]
        codes.append(
            attrs.evolve(
                moved_coding,
                code=back(f"codes.{index}.code", coding.code),
                memo=back(f"codes.{index}.memo", coding.memo),
            )
        )
    return Interview(
        title=back("title", interview.title),
        metadata=_metadata(interview.metadata, back),
        speakers=speakers,
        body=body,
        codes=codes,
    )
