"""Hypothesis strategies for interviews, shared by every format's tests.

The text they generate is hostile on purpose: Markdown and HTML markup,
colons, lines that look like labels, captions and timestamps, unicode line
separators, and characters from every plane.
"""

from __future__ import annotations

import json
from typing import Any

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
from interviewkit.formats._timed import separator

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


# --- Markdown as people write it ---

_MARKDOWN_WORDS = st.one_of(
    st.sampled_from(
        ["Paris", "émigré", "日本語", "Zoë", "it’s", "well—", "yes", "no", "2021"]
    ),
    st.text(
        st.characters(categories=("L", "N"), exclude_characters="ªº"),
        min_size=1,
        max_size=8,
    ),
)
_URLS = st.one_of(
    st.sampled_from(
        [
            "https://example.com",
            "https://café.fr/été",
            "/relative/path",
            "page.html#part",
            "<with space.html>",
            "mailto:ann@example.com",
            "https://example.com/a%20b",
        ]
    ),
    _MARKDOWN_WORDS.map(lambda word: f"https://example.org/{word}"),
)
_TITLES = st.one_of(
    st.just(""),
    _MARKDOWN_WORDS.map(lambda word: f' "{word} page"'),
    _MARKDOWN_WORDS.map(lambda word: f" '{word}'"),
    _MARKDOWN_WORDS.map(lambda word: f" ({word})"),
)
_INLINE = st.one_of(
    _MARKDOWN_WORDS,
    _MARKDOWN_WORDS.map(lambda word: f"*{word}*"),
    _MARKDOWN_WORDS.map(lambda word: f"**{word}**"),
    _MARKDOWN_WORDS.map(lambda word: f"_{word}_"),
    _MARKDOWN_WORDS.map(lambda word: f"`{word}`"),
    st.builds(lambda t, u, ti: f"[{t}]({u}{ti})", _MARKDOWN_WORDS, _URLS, _TITLES),
    st.builds(lambda t, u, ti: f"![{t}]({u}{ti})", _MARKDOWN_WORDS, _URLS, _TITLES),
    _MARKDOWN_WORDS.map(lambda word: f"[{word}][ref]"),
    _MARKDOWN_WORDS.map(lambda word: f"[{word}]"),
    _MARKDOWN_WORDS.map(lambda word: f"<https://example.net/{word}>"),
    _MARKDOWN_WORDS.map(lambda word: f"<b>{word}</b>"),
    st.sampled_from(
        ["&amp;", "&eacute;", "&#233;", "&copy;", "\\*", "\\_", "\\[", "\\\\"]
    ),
    st.sampled_from([".", ",", ";", "?", "!", "’", "—", "(", ")", ":", "%", "$"]),
)
_SENTENCES = st.lists(_INLINE, min_size=1, max_size=8).map(" ".join)
_LABELS = st.sampled_from(
    [
        "**Q:** ",
        "**A:** ",
        "**Jane Doe:** ",
        "**Bob Roe**: ",
        "__Jane Doe:__ ",
        "*Bob:* ",
        "JANE DOE: ",
        "Q: ",
        "A: ",
        "Bob Roe: ",
    ]
)
_CODE = st.lists(_MARKDOWN_WORDS, min_size=1, max_size=4).map(" ".join)
_MARKDOWN_BLOCKS = st.one_of(
    _SENTENCES,
    st.builds(lambda label, text: label + text, _LABELS, _SENTENCES),
    st.builds(lambda label, text: label + text, _LABELS, _SENTENCES),
    _SENTENCES.map(lambda text: f"**{text}?**"),
    st.builds(
        lambda level, text: f"{'#' * level} {text}", st.integers(1, 3), _SENTENCES
    ),
    _SENTENCES.map(lambda text: f"> {text}"),
    st.lists(_SENTENCES, min_size=1, max_size=3).map(
        lambda items: "\n".join(f"- {item}" for item in items)
    ),
    st.lists(_SENTENCES, min_size=1, max_size=3).map(
        lambda items: "\n".join(f"{n}. {item}" for n, item in enumerate(items, 1))
    ),
    st.builds(
        lambda fence, info, code: f"{fence}{info}\n{code}\n{fence}",
        st.sampled_from(["```", "~~~"]),
        st.sampled_from(["", "python", "json title=x", "text {.note}"]),
        _CODE,
    ),
    _CODE.map(lambda code: f"    {code}"),
    _MARKDOWN_WORDS.map(lambda word: f"<div>\n{word}\n</div>"),
    _MARKDOWN_WORDS.map(lambda word: f"<!-- {word} -->"),
    st.just("* * *"),
    st.builds(
        lambda alt, url, title, lines: f"![{alt}]({url}{title})" + lines,
        _MARKDOWN_WORDS,
        _URLS,
        _TITLES,
        st.sampled_from(
            [
                "",
                "\nImage via Netflix",
                "\nPhoto: AP",
                "\nThe panel on stage.\nImage via Netflix",
                "\n\n_Image via Netflix_",
            ]
        ),
    ),
    st.builds(
        lambda label, url, title: f"[{label}]: {url}{title}",
        st.sampled_from(["ref", "1", "Paris site"]),
        _URLS,
        _TITLES,
    ),
)


def human_markdown() -> st.SearchStrategy[str]:
    """Markdown as people write interviews: labels in bold or plain, inline
    markup, links with titles, images with captions and credits, reference
    definitions, quotes, lists, code fences with info strings, HTML and
    comments."""
    return st.lists(_MARKDOWN_BLOCKS, max_size=12).map("\n\n".join)


# --- Fuzzing: generated documents, and mutations of real ones ---

FUZZ_FRAGMENTS = (
    *HOSTILE_FRAGMENTS,
    "1" + "0" * 4300,  # one digit past Python's limit on converting integers
    "-" + "9" * 5000,
    "0x" + "f" * 4000,
    "[" * 100,
    "{" * 100,
    '{"a": ' * 100,
    "- " * 100,
    "> " * 50,
    "\ud800",
    "\udfff",
    "\x00",
    "\ufeff",
    "\u2028",
    "\x85",
    "\r\n",
    "\r",
    "---\n",
    "...\n",
    "---\ninterviewkit: 2\n",
    "---\ntitle: x\n---\n\n",
    '<!-- turn {"speaker": "x"} -->\n\n',
    "<!-- caption -->\n\n",
    '<!-- caption {"image": "javascript:x"} -->\n\n',
    "<!-- prose: intro -->\n\n",
    "**Q:** ",
    "![a](",
    "](javascript:alert(1))",
    "[x]: /u 'title'\n",
    "```python\n",
    "&#0;",
    "&#xD800;",
    "&#99999999;",
    "[00:00:01] ",
    "[99:99:99]",
    "99999999999999999999:00:00 ",
    '"version": 2',
    '"start_ms": ',
    '"cues": [[0, 1, 0, 1]]',
    '"words": [{"start": 0, "end": 1}]',
    '"codes": [{"block": 0, "start": 0, "end": 1, "code": "x"}]',
    "NaN",
    "1e999",
    "𝕏",
    "\u0301",
    "ﬁ",
    "|",
    "[speaker]\n",
    "[prose: intro]\n",
    '["Q"]\n| text\n',
)


_JSON_KEYS = (
    "format", "version", "interview", "title", "metadata", "extras", "speakers",
    "body", "codes", "type", "speaker", "text", "label", "marker", "start_ms",
    "end_ms", "cues", "words", "id", "name", "role", "aliases", "kind", "image",
    "caption", "credit", "start", "end", "confidence", "settings", "block",
    "code", "memo",
)  # fmt: skip
_JSON_VALUES = st.one_of(
    st.sampled_from(
        [None, True, False, 0, -1, 1, 2**63, 0.5, -0.0, 1e308, "", " ", "x", [], {}]
    ),
    st.sampled_from(_JSON_KEYS),
    st.integers(),
    st.text(max_size=10),
)


def _json_places(value: Any) -> list[tuple[Any, Any]]:
    """Every (container, key or index) in parsed JSON, outermost first."""
    places: list[tuple[Any, Any]] = []
    pending = [value]
    while pending:
        current = pending.pop(0)
        items = (
            current.items()
            if isinstance(current, dict)
            else enumerate(current)
            if isinstance(current, list)
            else ()
        )
        for key, item in items:
            places.append((current, key))
            pending.append(item)
    return places


def _mutate_json(draw: st.DrawFn, text: str) -> str:
    """A JSON document with one value changed, removed, copied or renamed:
    mutations that keep the syntax and test the structure."""
    try:
        value = json.loads(text)
    except ValueError:
        return text
    places = _json_places(value)
    if not places:
        return text
    container, key = draw(st.sampled_from(places))
    operation = draw(st.sampled_from(["retype", "drop", "copy", "rename", "long"]))
    if operation == "retype":
        container[key] = draw(_JSON_VALUES)
    elif operation == "drop":
        del container[key]
    elif isinstance(container, list) and operation in ("copy", "rename"):
        container.insert(key, container[key])
    elif operation in ("copy", "rename"):
        item = container[key] if operation == "copy" else container.pop(key)
        container[draw(st.sampled_from(_JSON_KEYS))] = item
    else:
        container[key] = "\x00long\x00"
    written = json.dumps(value, ensure_ascii=False)
    # An integer longer than Python converts, where the marker stands.
    return written.replace('"\\u0000long\\u0000"', "1" + "0" * 4300)


def _latin1(document: str | bytes) -> str:
    # Bytes as the characters of the same numbers: mutations of a binary
    # document work on this text, and it encodes back byte for byte.
    if isinstance(document, str):
        document = document.encode("utf-8", "surrogatepass")
    return document.decode("latin-1")


@st.composite
def mutated_documents(
    draw: st.DrawFn, seeds: tuple[str, ...] | tuple[bytes, ...], *, binary: bool = False
) -> str | bytes:
    """A seed document with one to four mutations: spans deleted, repeated,
    moved or truncated, fragments and parts of other seeds inserted,
    characters replaced, lines swapped. A binary format's documents are
    mutated as bytes."""
    pool = tuple(_latin1(seed) for seed in seeds) if binary else seeds
    fragments = tuple(map(_latin1, FUZZ_FRAGMENTS)) if binary else FUZZ_FRAGMENTS
    alphabet = (
        st.characters(max_codepoint=255)
        if binary
        else st.characters(codec="utf-8") | st.sampled_from("\ud800\x00\n*_[]:")
    )
    text = draw(st.sampled_from(pool))
    if not binary and text.startswith("{") and draw(st.booleans()):
        # Half the mutations of a JSON document keep its syntax.
        for _ in range(draw(st.integers(1, 3))):
            text = _mutate_json(draw, text)
        return text
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        size = draw(st.integers(0, 80))
        chunk = text[at : at + size]
        operation = draw(
            st.sampled_from(
                [
                    "delete",
                    "insert",
                    "move",
                    "splice",
                    "replace",
                    "repeat",
                    "cut",
                    "swap",
                ]
            )
        )
        if operation == "delete":
            text = text[:at] + text[at + size :]
        elif operation == "insert":
            text = text[:at] + draw(st.sampled_from(fragments)) + text[at:]
        elif operation == "move":
            rest = text[:at] + text[at + size :]
            to = draw(st.integers(0, len(rest)))
            text = rest[:to] + chunk + rest[to:]
        elif operation == "splice":
            other = draw(st.sampled_from(pool))
            start = draw(st.integers(0, len(other)))
            text = text[:at] + other[start : start + size] + text[at:]
        elif operation == "replace":
            text = text[:at] + draw(alphabet) + text[at + 1 :]
        elif operation == "repeat":
            text = text[:at] + chunk * draw(st.integers(2, 50)) + text[at:]
        elif operation == "cut":
            text = text[:at]
        elif operation == "json":
            if not binary:
                text = _mutate_json(draw, text)
        else:
            lines = text.split("\n")
            first = draw(st.integers(0, len(lines) - 1))
            second = draw(st.integers(0, len(lines) - 1))
            lines[first], lines[second] = lines[second], lines[first]
            text = "\n".join(lines)
    if binary:
        return text.encode("latin-1")
    if draw(st.integers(0, 3)) == 0:
        # As bytes, where a surrogate is no UTF-8 and must be reported.
        return text.encode("utf-8", "surrogatepass")
    return text


def generated_documents() -> st.SearchStrategy[str]:
    """Documents made up from nothing: any text, runs of fragments, and
    plain text and Markdown as people write them. (What the writers write
    is among the seeds of `mutated_documents`.)"""
    return st.one_of(
        st.text(st.characters(codec="utf-8"), max_size=400),
        st.lists(st.sampled_from(FUZZ_FRAGMENTS), max_size=30).map("".join),
        text_documents(),
        human_markdown(),
    )


# --- timed interviews ---------------------------------------------------------

TIMED_NAMES = (
    "Ann Lee",
    "Bob Stone",
    "Chidi Okafor",
    "Zoë Ørsted",
    "Mariko Tanaka",
    "Jean-Luc Marchand",
)
"""Names that every timed format writes and reads back as the same speaker,
``Name:`` labels of SRT included (distinct first and last names)."""

TIMED_TOKENS = st.one_of(
    st.sampled_from(
        [
            "so",
            "well",
            "Paris",
            "Zoë",
            "日本語",
            "🙂",
            "it’s",
            "“quoted”",
            "—",
            "&",
            "&amp;",
            "<b>",
            "a<b",
            "x>y",
            "3:2",
            "10:30",
            "(aside)",
            "50%",
            "e-mail",
            "#1",
            "*",
        ]
    ),
    st.text(
        alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789éøü",
        min_size=1,
        max_size=10,
    ),
)
"""Words of timed text: markup, entities, clocks and unicode among them."""


TIMED_IDS = st.one_of(
    st.integers(1, 999).map(str),
    st.sampled_from(["intro", "chapter-2"]),
    st.tuples(st.uuids(), st.integers(0, 99), st.integers(0, 9)).map(
        lambda parts: f"{parts[0]}/{parts[1]}-{parts[2]}"
    ),
)
"""Cue ids: numbers, names, and MS Teams ``uuid/N-M``."""


@st.composite
def cue_texts(draw: st.DrawFn, *, last: bool) -> str:
    """One cue's text: words on one or two lines; a turn's last cue ends a
    sentence, as speakers change where sentences end."""
    words = draw(st.lists(TIMED_TOKENS, min_size=1, max_size=8))
    text = words[0]
    for word in words[1:]:
        text += draw(st.sampled_from([" ", " ", " ", "\n"])) + word
    if "\n" in text and draw(st.booleans()):
        text = text.replace("\n", " ")
    text += draw(st.sampled_from(["", ",", "?"])) if not last else "."
    return text.replace("\n\n", "\n")


timed_prose = st.builds(
    Prose, text=cue_texts(last=True), kind=st.sampled_from(ProseKind)
)
"""Prose as a timed transcript's notes have it: lines of words."""


@st.composite
def timed_turns(draw: st.DrawFn, *, speaker_id: str, clock: int) -> Turn:
    """A turn of cues (and sometimes words), starting at ``clock``."""
    count = draw(st.integers(1, 4))
    texts = [draw(cue_texts(last=index == count - 1)) for index in range(count)]
    cues: list[Cue] = []
    words: list[Word] = []
    text = ""
    with_words = draw(st.booleans())
    for piece in texts:
        gap = separator(text, piece)
        start = len(text) + len(gap)
        text += gap + piece
        length = draw(st.integers(0, 10_000))
        cues.append(
            Cue(
                start=start,
                end=len(text),
                start_ms=clock,
                end_ms=clock + length,
                id=draw(
                    optional(
                        st.from_regex(r"[a-z0-9]{1,6}(/[0-9]-[0-9])?", fullmatch=True)
                    )
                ),
                settings=draw(
                    optional(st.sampled_from(["align:start", "line:0 position:10%"]))
                ),
            )
        )
        if with_words:
            at = start
            for token in piece.replace("\n", " ").split(" "):
                if not token:
                    continue
                words.append(
                    Word(
                        start=at,
                        end=at + len(token),
                        start_ms=clock,
                        end_ms=clock + length,
                        confidence=draw(
                            st.one_of(st.none(), st.sampled_from([0.5, 0.875, 1.0]))
                        ),
                    )
                )
                at += len(token) + 1
        # Cues may overlap (Teams does), and never run backwards.
        clock = max(0, clock + length - draw(st.integers(0, 50)))
    return Turn(
        speaker=speaker_id,
        text=text,
        label=None,
        start_ms=cues[0].start_ms,
        end_ms=max(cue.end_ms for cue in cues),
        cues=cues,
        words=words,
    )


@st.composite
def timed_interviews(draw: st.DrawFn, *, extras: bool = True) -> Interview:
    """Interviews as timed transcripts have them: turns of cues by named
    speakers, no two turns in a row by one speaker; with ``extras``, also
    roles, prose, captions, a title and metadata, which only some formats
    keep."""
    names = draw(
        st.lists(st.sampled_from(TIMED_NAMES), min_size=1, max_size=4, unique=True)
    )
    cast = [
        Speaker(
            id=f"s{index}",
            name=name,
            role=draw(st.one_of(st.none(), st.sampled_from(Role))) if extras else None,
        )
        for index, name in enumerate(names)
    ]
    body: list[Block] = []
    clock = draw(st.integers(0, 10**6))
    previous = None
    for _ in range(draw(st.integers(1, 6))):
        if extras and draw(st.integers(0, 4)) == 0:
            body.append(draw(st.one_of(timed_prose, captions)))
            continue
        choices = [s.id for s in cast if s.id != previous]
        if not choices:
            break
        speaker_id = draw(st.sampled_from(choices))
        turn = draw(timed_turns(speaker_id=speaker_id, clock=clock))
        turn = attrs.evolve(turn, label=names[int(speaker_id[1:])])
        body.append(turn)
        previous = speaker_id
        clock = turn.end_ms or clock
    return Interview(
        title=(
            draw(optional(st.sampled_from(["Episode 1", "Talk: part two"])))
            if extras
            else None
        ),
        metadata=draw(metadata) if extras else Metadata(),
        speakers=tuple(cast),
        body=tuple(body),
    )


@st.composite
def tabular_interviews(
    draw: st.DrawFn,
    *,
    max_turns: int = 6,
    text: st.SearchStrategy[str] | None = None,
) -> Interview:
    """Interviews that the tables hold whole: a cast, turns with times, a
    title and metadata; no prose, captions, labels, cues, words or codes.

    ``text`` draws the turns' text and the speakers' names (hostile text by
    default); a plain alphabet is much cheaper to draw, for properties of
    counting rather than of characters.
    """
    ids = draw(st.lists(SPEAKER_IDS, min_size=1, max_size=4, unique=True))
    if text is None:
        cast = [draw(speakers(id=speaker_id)) for speaker_id in ids]
        meta = draw(metadata)
        title = draw(optional(non_blank_texts()))
        text = texts()
    else:
        names = text.filter(lambda name: name.strip() != "")
        cast = [
            Speaker(
                id=speaker_id,
                name=draw(names),
                role=draw(st.one_of(st.none(), st.sampled_from(Role))),
            )
            for speaker_id in ids
        ]
        meta, title = Metadata(), None
    body = []
    for _ in range(draw(st.integers(0, max_turns))):
        start = draw(st.one_of(st.none(), st.integers(0, 10**9)))
        end = draw(st.one_of(st.none(), st.integers(start or 0, 2 * 10**9)))
        body.append(
            Turn(
                speaker=draw(st.sampled_from(ids)),
                text=draw(text),
                start_ms=start,
                end_ms=end,
            )
        )
    return Interview(title=title, metadata=meta, speakers=tuple(cast), body=tuple(body))


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
