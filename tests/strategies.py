"""Hypothesis strategies for interviews, shared by every format's tests.

The text they generate is hostile on purpose: Markdown and HTML markup,
colons, lines that look like labels, captions and timestamps, unicode line
separators, and characters from every plane.
"""

from __future__ import annotations

import attrs
from hypothesis import strategies as st

from interviewkit import (
    Block,
    Coding,
    Cue,
    ImageCaption,
    Interview,
    Metadata,
    Prose,
    ProseKind,
    Role,
    Speaker,
    Turn,
    Word,
)

HOSTILE_FRAGMENTS = (
    "*",
    "**",
    "***",
    "_",
    "__",
    "`",
    "```",
    "~~",
    "#",
    "## ",
    "> ",
    "- ",
    "+ ",
    "* ",
    "1. ",
    "2) ",
    "---",
    "===",
    "|",
    "\\",
    "\\*",
    "[",
    "]",
    "(",
    ")",
    "!",
    "[link](http://example.com)",
    "![alt](image.png)",
    "<",
    ">",
    "&",
    "&amp;",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<!-- -->",
    "<b>bold</b>",
    "    ",
    "\t",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\n\n\n",
    ":",
    "::",
    "STAR:",
    "DARREN STAR: ",
    "Q:",
    "A: ",
    "Collider:",
    "INTERVIEWER:",
    "Speaker 1:",
    "**Name:**",
    "__Q:__",
    "Image via Netflix",
    "Photo: AP",
    "Photo by Jane Doe/Getty Images",
    "(Photo credit: Reuters)",
    "RELATED: ",
    "READ MORE:",
    "[Editor’s note: spoilers]",
    "UPDATE:",
    "[00:12:34]",
    "(12:34)",
    "0:05",
    "at 10:30",
    "The answer: no.",
    "émigré",
    "Zoë",
    "日本語",
    "العربية",
    "🙂",
    "👩🏽‍💻",
    "\u2028",
    "\u2029",
    "\x85",
    "\x0b",
    "\x0c",
    "\ufeff",
    "\x00",
    "\u200b",
    "’",
    "“",
    "”",
    "—",
    "---\ntitle: x\n---",
    "{",
    "}",
    '"',
    "'",
    "$",
    "%",
    "=",
)

WORDS = st.text(
    alphabet=st.characters(
        codec="utf-8", exclude_characters="\r", exclude_categories=("Cs",)
    ),
    min_size=1,
    max_size=12,
)


def texts(*, min_size: int = 0) -> st.SearchStrategy[str]:
    """Text that is valid in the model ('\\n' line breaks only) and hostile."""
    fragment = st.one_of(st.sampled_from(HOSTILE_FRAGMENTS), WORDS)
    return (
        st.lists(fragment, min_size=min_size, max_size=25)
        .map("".join)
        .filter(lambda text: len(text) >= min_size)
    )


def non_blank_texts() -> st.SearchStrategy[str]:
    """Hostile text with at least one character that is not white space."""
    return texts(min_size=1).filter(lambda text: text.strip() != "")


def optional(strategy: st.SearchStrategy[str]) -> st.SearchStrategy[str | None]:
    return st.one_of(st.none(), strategy)


SPEAKER_IDS = st.from_regex(r"[a-z][a-z0-9]{0,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True)


@st.composite
def speakers(draw: st.DrawFn, *, id: str | None = None) -> Speaker:
    return Speaker(
        id=id if id is not None else draw(SPEAKER_IDS),
        name=draw(non_blank_texts()),
        role=draw(st.one_of(st.none(), st.sampled_from(Role))),
        aliases=draw(st.lists(non_blank_texts(), max_size=3, unique=True)),
    )


@st.composite
def turns(draw: st.DrawFn, *, speaker_ids: list[str]) -> Turn:
    start = draw(st.one_of(st.none(), st.integers(0, 10**9)))
    end = draw(
        st.one_of(st.none(), st.integers(start if start is not None else 0, 2 * 10**9))
    )
    text = draw(texts())
    return Turn(
        speaker=draw(st.sampled_from(speaker_ids)),
        text=text,
        label=draw(optional(non_blank_texts())),
        start_ms=start,
        end_ms=end,
        marker=draw(optional(texts())),
        cues=draw(spans(text, kind=Cue)),
        words=draw(spans(text, kind=Word)),
    )


@st.composite
def spans(draw: st.DrawFn, text: str, *, kind: type[Cue] | type[Word]) -> tuple:  # type: ignore[type-arg]
    """Cues or words over a text: in order, not overlapping, with times."""
    if not draw(st.booleans()):
        return ()
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    result = []
    clock = draw(st.integers(0, 10**7))
    for start, end in zip(cuts[::2], cuts[1::2], strict=False):
        length = draw(st.integers(0, 10**5))
        extra: dict[str, object] = {}
        if kind is Cue:
            extra["id"] = draw(optional(non_blank_texts()))
            extra["settings"] = draw(
                optional(st.sampled_from(["align:start", "line:0 position:10%"]))
            )
        else:
            extra["confidence"] = draw(
                st.one_of(st.none(), st.floats(0, 1), st.sampled_from([0, 1]))
            )
        result.append(
            kind(start=start, end=end, start_ms=clock, end_ms=clock + length, **extra)
        )
        # Times may overlap between spans (Teams does), never run backwards.
        clock = max(0, clock + length - draw(st.integers(0, 10)))
    return tuple(result)


@st.composite
def codings(draw: st.DrawFn, body: tuple[Block, ...]) -> tuple[Coding, ...]:
    """Codes on passages of the body's text."""
    coded = [
        (index, text)
        for index, block in enumerate(body)
        if (text := block.caption if isinstance(block, ImageCaption) else block.text)
    ]
    if not coded or not draw(st.booleans()):
        return ()
    result = []
    for _ in range(draw(st.integers(1, 4))):
        index, text = draw(st.sampled_from(coded))
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        code = draw(non_blank_texts())
        result.append(
            Coding(
                block=index,
                start=start,
                end=end,
                code=code,
                memo=draw(optional(texts())),
            )
        )
    return tuple(result)


captions = st.one_of(
    st.builds(
        ImageCaption,
        image=non_blank_texts(),
        caption=optional(non_blank_texts()),
        credit=optional(non_blank_texts()),
    ),
    st.builds(
        ImageCaption, caption=non_blank_texts(), credit=optional(non_blank_texts())
    ),
    st.builds(ImageCaption, credit=non_blank_texts()),
)

prose_blocks = st.builds(Prose, text=non_blank_texts(), kind=st.sampled_from(ProseKind))

metadata = st.builds(
    Metadata,
    source=optional(non_blank_texts()),
    url=optional(non_blank_texts()),
    date=optional(non_blank_texts()),
    language=optional(st.sampled_from(["en", "fr", "de-CH", "ja"])),
    extras=st.dictionaries(
        st.text(min_size=1, max_size=10).filter(lambda key: "\r" not in key),
        st.one_of(texts(), st.lists(texts(), max_size=3).map(tuple)),
        max_size=3,
    ),
)


@st.composite
def interviews(draw: st.DrawFn, *, max_blocks: int = 20) -> Interview:
    """Valid interviews: a cast, and a body mixing turns, captions and prose."""
    ids = draw(st.lists(SPEAKER_IDS, max_size=6, unique=True))
    cast = [draw(speakers(id=speaker_id)) for speaker_id in ids]
    block_strategies: list[st.SearchStrategy[Block]] = [captions, prose_blocks]
    if ids:
        block_strategies.append(turns(speaker_ids=ids))
    body = tuple(draw(st.lists(st.one_of(block_strategies), max_size=max_blocks)))
    return Interview(
        title=draw(optional(non_blank_texts())),
        metadata=draw(metadata),
        speakers=tuple(cast),
        body=body,
        codes=draw(codings(body)),
    )


def interviews_without_markers(*, max_blocks: int = 20) -> st.SearchStrategy[Interview]:
    """Interviews as code builds them: no turn carries a source marker."""

    def strip(interview: Interview) -> Interview:
        body = tuple(
            attrs.evolve(block, marker=None) if isinstance(block, Turn) else block
            for block in interview.body
        )
        return attrs.evolve(interview, body=body)

    return interviews(max_blocks=max_blocks).map(strip)


TEXT_LINES = st.one_of(
    st.sampled_from(
        [
            "STAR: Yes.",
            "DARREN STAR: Yeah, it was amazing.",
            "Collider: First of all, congrats.",
            "Q: Why?",
            "A: Because.",
            "INTERVIEWER:",
            "Speaker 1: Hello.",
            "Adam Jonas (AJ): Welcome.",
            "AJ: Thanks.",
            "Maria Lopez  0:05",
            "[00:12:34] HOST: Welcome back.",
            "(12:34) And then?",
            "ANNA (1:02): Right.",
            "BEN: (00:07) Sure.",
            "emily-in-paris-season-2",
            "photo.jpg",
            "Image via Netflix",
            "Photo: AP",
            "A caption. (Photo credit: Reuters)",
            "[Editor’s note: spoilers.]",
            "RELATED: Another story",
            "READ MORE: Yet another",
            "UPDATE: It changed.",
            "Break: ten minutes",
            "Participants:",
            "Interviewer: Jane Doe",
            "Jane Doe (host)",
            "This interview has been edited for length and clarity.",
            "Emily in Paris is available to stream at Netflix.",
            "What do you think?",
            "The answer: no.",
            "We met at 10:30.",
            "Paris: the city.",
            '"Quoted Name":',
            "| a literal line",
            "[prose: intro]",
            "[speaker]",
            "[image]",
            "山田：はい。",
            "ÉLODIE FONTAINE : Oui.",
            "",
            "",
            "   ",
        ]
    ),
    texts(),
)


def text_documents() -> st.SearchStrategy[str]:
    """Plain-text documents: lines that look like labels, captions, notes,
    time stamps and explicit blocks, mixed with hostile text, joined by any
    line ending."""
    return st.tuples(
        st.lists(TEXT_LINES, max_size=30),
        st.sampled_from(["\n", "\r\n", "\r"]),
        st.booleans(),
    ).map(lambda parts: ("\ufeff" if parts[2] else "") + parts[1].join(parts[0]))


# --- people named in interviews (pseudonymisation) ----------------------------

_SYLLABLES = st.sampled_from(
    [
        "ka",
        "lo",
        "mi",
        "ren",
        "to",
        "sa",
        "vi",
        "nu",
        "bel",
        "ra",
        "jo",
        "hay",
        "zé",
        "ana",
        "ïs",
        "ør",
        "ke",
        "li",
        "mar",
        "do",
    ]
)

NAME_WORDS = (
    st.lists(_SYLLABLES, min_size=1, max_size=3)
    .map(lambda parts: "".join(parts).capitalize())
    .filter(lambda word: len(word) >= 3)
)
"""Words that are names and nothing else: no role word, particle or code."""


@st.composite
def people(draw: st.DrawFn) -> list[Speaker]:
    """A cast of one to four people with full names, and some aliases."""
    names = draw(
        st.lists(
            st.lists(NAME_WORDS, min_size=1, max_size=3).map(" ".join),
            min_size=1,
            max_size=4,
            unique_by=str.casefold,
        )
    )
    cast = []
    for index, name in enumerate(names):
        surname = name.split()[-1]
        aliases = draw(st.sampled_from([(), (name.upper(),), (surname.upper(),)]))
        role = Role.INTERVIEWER if index == 0 and draw(st.booleans()) else None
        cast.append(Speaker(id=f"s{index}", name=name, role=role, aliases=aliases))
    return cast


def mentions(name: str) -> list[str]:
    """The ways a text mentions a person."""
    words = name.split()
    forms = [
        name,
        name.upper(),
        name.lower(),
        *words,
        words[-1] + "'s",
        words[0] + "’s",
        words[-1].upper() + "!",
    ]
    if len(words) > 1:
        forms += [
            "".join(w[0] for w in words).upper(),
            ". ".join(w[0] for w in words) + ".",
        ]
    return forms


_FILLER = st.one_of(st.sampled_from(HOSTILE_FRAGMENTS), WORDS)


@st.composite
def named_interviews(draw: st.DrawFn) -> tuple[Interview, list[str]]:
    """An interview whose texts mention its people (and one who never
    speaks) in every form, among hostile text; and the names to give as
    extra names."""
    cast = draw(people())
    absent = draw(st.lists(NAME_WORDS, min_size=1, max_size=2).map(" ".join))
    names = [speaker.name for speaker in cast] + [absent]
    forms = [form for name in names for form in mentions(name)]
    piece = st.one_of(_FILLER, st.sampled_from(forms))
    text = st.lists(piece, max_size=8).map(" ".join)
    words = st.lists(piece, min_size=1, max_size=8).map(" ".join).map(lambda t: t + ".")

    body: list[Block] = []
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["turn", "turn", "prose", "caption"]))
        if kind == "turn":
            said = draw(text)
            speaker = draw(st.sampled_from(cast))
            label = draw(st.sampled_from([None, speaker.name, *speaker.aliases]))
            marker = None if label is None else f"{label}: "
            body.append(
                Turn(
                    speaker=speaker.id,
                    text=said,
                    label=label,
                    marker=marker,
                    cues=draw(spans(said, kind=Cue)),
                    words=draw(spans(said, kind=Word)),
                )
            )
        elif kind == "prose":
            body.append(Prose(text=draw(words)))
        else:
            body.append(ImageCaption(image=draw(words), caption=draw(words)))
    interview = Interview(
        title=draw(optional(words)),
        metadata=Metadata(
            source=draw(optional(words)), extras={"people": tuple(names)}
        ),
        speakers=cast,
        body=body,
    )
    coded = draw(codings(interview.body))
    codes = tuple(attrs.evolve(c, code=f"about {names[0]}") for c in coded)
    return attrs.evolve(interview, codes=codes), [absent]


_PLAIN_WORDS = st.sampled_from(
    [
        "the",
        "rent",
        "went",
        "up",
        "we",
        "moved",
        "in",
        "2019",
        "school",
        "was",
        "far",
        "and",
        "my",
        "son",
        "liked",
        "it",
        "café",
        "naïve",
        "über",
        "東京",
    ]
)


@st.composite
def plain_interviews(draw: st.DrawFn) -> Interview:
    """Interviews as a transcript in a word processor holds them: named
    people taking turns, sentences with line breaks, maybe a title."""
    cast = draw(people())
    sentence = st.lists(_PLAIN_WORDS, min_size=1, max_size=8).map(
        lambda words: " ".join(words).capitalize() + "."
    )
    text = st.lists(sentence, min_size=1, max_size=3).flatmap(
        lambda parts: st.sampled_from([" ", "\n"]).map(lambda gap: gap.join(parts))
    )
    body = [
        Turn(speaker=draw(st.sampled_from(cast)).id, text=draw(text))
        for _ in range(draw(st.integers(1, 6)))
    ]
    used = {turn.speaker for turn in body}
    return Interview(
        title=draw(optional(sentence)),
        speakers=tuple(speaker for speaker in cast if speaker.id in used),
        body=body,
    )
