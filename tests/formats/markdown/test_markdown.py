"""The Markdown format: escaping, safe rendering, errors, and Markdown as people
write it (golden fixtures, labels, front matter)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

import interviewkit as ik
from tests.formats.markdown.helpers import (
    assert_only_markup_of_the_layout,
    escape_html,
    rendered_body,
    round_trip,
)
from tests.samples import SAMPLE

# --- Escaping: each rule, proved by a round trip and by how it renders ---

ESCAPED = [
    # (text, what the writer must write for it)
    ("*stars* and **bold**", "\\*stars\\* and \\*\\*bold\\*\\*"),
    ("_under_ but snake_case", "\\_under\\_ but snake_case"),
    ("`code` and ```fences```", "\\`code\\` and \\`\\`\\`fences\\`\\`\\`"),
    ("back\\slash\\", "back\\\\slash\\\\"),
    ("a | table | row", "a \\| table \\| row"),
    ("~~struck~~", "&#126;&#126;struck&#126;&#126;"),
    ("<script>alert(1)</script>", "&lt;script>alert(1)&lt;/script>"),
    ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)>"),
    ("<!-- prose: intro -->", "&lt;!-- prose: intro -->"),
    ("<http://example.com>", "&lt;http://example.com>"),
    ("a < b and b > c", "a < b and b > c"),
    ("&amp; &#32; &x; but Q&A", "&amp;amp; &amp;#32; &amp;x; but Q&A"),
    (
        "a [link](http://x) [ref][1] [def]: /u",
        "a [link\\](http://x) [ref\\][1] [def\\]: /u",
    ),
    ("![alt](image.png)", "\\![alt\\](image.png)"),
    ("a [note: spoilers]", "a [note: spoilers]"),
    ("[00:01:02] a time?", "\\[00:01:02] a time?"),
    ("# not a heading", "\\# not a heading"),
    ("> not a quote", "\\> not a quote"),
    ("- not a list", "\\- not a list"),
    ("+ not a list", "\\+ not a list"),
    ("1. not a list", "1\\. not a list"),
    ("2019) not a list", "2019\\) not a list"),
    ("---", "\\---"),
    ("===", "&#61;=="),
    ("    not code", "&#32;   not code"),
    ("\tnot code", "&#9;not code"),
    ("no hard break  ", "no hard break &#32;"),
    ("\u2028line separators\u2029", "&#8232;line separators&#8233;"),
    ("**Name:** not a label", "\\*\\*Name:\\*\\* not a label"),
]


@pytest.mark.parametrize(("text", "written"), ESCAPED)
def test_each_escape_rule_round_trips_and_renders_as_the_text(
    text: str, written: str
) -> None:
    iv = ik.Interview(
        speakers=(ik.Speaker(id="a", name="A"),),
        body=(ik.Turn(speaker="a", text=text, label="A"),),
    )
    markdown = ik.dumps(iv, format="markdown")
    turn_line = markdown.split("\n---\n\n", 1)[1].rstrip("\n")
    assert turn_line == f"**A:** {written}"
    assert round_trip(iv) == iv
    rendered = MarkdownIt("commonmark").render(turn_line)
    assert rendered == f"<p><strong>A:</strong> {escape_html(text)}</p>\n"


LINE_RULES = [
    "a\n\nb",  # a blank line between paragraphs of one turn
    "a\n\n\nb",  # two empty lines: &#10; marks the second
    "\n\nx\n",  # empty lines at the ends
    "\n",
    "x\nSTAR: a label?\n\n**DARREN STAR:** no",  # lines that look like labels
    "x\n\nImage via Netflix\n\n![alt](src)\n\n_credit_",  # like a caption
    "x\n\n<!-- prose: intro -->\n\n<!-- turn {} -->",  # like the markers
    "[00:01:02] like a time",
    "[–00:01:02]",
    "x\n---\ny\n===",  # setext underlines
    "x\n    y\n\n    z",  # indented lines
    " \n\t\n  ",  # lines of white space
    "ends with a colon:",
    "x\n\n---\ntitle: front matter?\n---",
]


@pytest.mark.parametrize("text", LINE_RULES)
def test_line_rules_round_trip_in_every_kind_of_block(text: str) -> None:
    cast = (
        ik.Speaker(id="a", name="A", aliases=("STAR",)),
        ik.Speaker(id="b", name="B"),
    )
    blocks: list[ik.Block] = [
        ik.Turn(speaker="a", text=text, label="STAR"),
        ik.Turn(speaker="b", text=text),  # a bold question, where it can be one
        ik.Turn(speaker="a", text=text),
        ik.Turn(speaker="b", text=text, label="Not in the cast", start_ms=5),
    ]
    if text.strip():
        blocks += [
            ik.Prose(text=text, kind=ik.ProseKind.RELATED),
            ik.ImageCaption(image=text, caption=text, credit=text),
            ik.ImageCaption(caption=text),
            ik.ImageCaption(credit=text),
        ]
        cast += (ik.Speaker(id="c", name=text, aliases=(text + "!",)),)
        blocks.append(ik.Turn(speaker="c", text=text, label=text))
    iv = ik.Interview(
        title=text if text.strip() else None,
        metadata=ik.Metadata(
            source=text if text.strip() else None, extras={text: text}
        ),
        speakers=cast,
        body=tuple(blocks),
    )
    assert round_trip(iv) == iv


def test_times_show_after_the_label() -> None:
    iv = ik.Interview(
        speakers=(ik.Speaker(id="a", name="A"),),
        body=(
            ik.Turn(
                speaker="a", text="x", label="A", start_ms=3_723_500, end_ms=3_729_000
            ),
            ik.Turn(speaker="a", text="y", label="A", end_ms=1),
            ik.Turn(speaker="a", text="z", label="A", start_ms=360_000_000_000),
        ),
    )
    body = ik.dumps(iv, format="markdown").split("\n---\n\n", 1)[1]
    assert body == (
        "**A:** [01:02:03.500–01:02:09] x\n\n"
        "**A:** [–00:00:00.001] y\n\n"
        "**A:** [100000:00:00] z\n"
    )
    assert round_trip(iv) == iv


# --- Nothing from the model renders as HTML ---


def test_a_script_in_a_turn_shows_as_text() -> None:
    iv = ik.Interview(
        speakers=(ik.Speaker(id="a", name="<b>A</b>"),),
        body=(
            ik.Turn(speaker="a", text="<script>alert(1)</script>"),
            ik.Turn(speaker="a", text="<img src=x onerror=alert(1)>", label="<i>A</i>"),
            ik.Prose(text="<iframe src=evil>\n<div>"),
        ),
    )
    rendered = rendered_body(ik.dumps(iv, format="markdown"))
    assert "<script" not in rendered
    assert "<img" not in rendered
    assert "<iframe" not in rendered
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered
    assert "&lt;img src=x onerror=alert(1)&gt;" in rendered
    assert_only_markup_of_the_layout(rendered)


# --- Errors: line and column ---

OWN = "---\ninterviewkit: 1\nspeakers:\n- id: q\n  name: Q\n---\n\n"


@pytest.mark.parametrize(
    ("document", "line", "column", "message"),
    [
        ("---\ninterviewkit: 1\ntitle: [unclosed\n---\n", 3, 17, "not valid YAML"),
        ("---\ninterviewkit: 1\ntitle: a: b\n---\n", 3, 9, "not valid YAML"),
        ("---\ninterviewkit: 1\n  bad indent: x\n---\n", 3, 13, "not valid YAML"),
        ("---\ninterviewkit: 1\ntitle: \x07\n---\n", 3, 8, "'\\x07' is not allowed"),
        (
            "---\ninterviewkit: 1\ntitle: 12\n---\n",
            3,
            8,
            "title must be a string, not a number",
        ),
        (
            "---\ninterviewkit: 1\ndate: 2021-12-22\n---\n",
            3,
            7,
            "date must be a string",
        ),
        (
            "---\ninterviewkit: 1\ntags: [a]\n---\n",
            3,
            1,
            "unknown front matter key 'tags'",
        ),
        ("---\ninterviewkit: 3\n---\n", 2, 15, "unsupported layout version 3"),
        ("---\ninterviewkit: 1\ntitle: a\ntitle: b\n---\n", 4, 1, "given twice"),
        ("---\n- a\n---\n", 2, 1, "front matter must be a mapping"),
        ("---\ninterviewkit: 1\n", 1, 1, "never closed"),
        (
            "---\ninterviewkit: 1\nspeakers:\n- id: q\n  nam: Q\n---\n",
            5,
            3,
            "unknown speaker key 'nam'",
        ),
        ("---\ninterviewkit: 1\nspeakers:\n- id: q\n---\n", 4, 3, "a speaker needs a"),
        (
            "---\ninterviewkit: 1\nspeakers:\n- {id: q, name: Q, role: boss}\n---\n",
            4,
            3,
            "unknown role 'boss'",
        ),
        (
            "---\ninterviewkit: 1\nspeakers:\n- {id: q, name: Q}\n- {id: q, name: R}\n---\n",
            5,
            3,
            "speaker id 'q' is used twice",
        ),
        (
            "---\ninterviewkit: 1\nextras: {tags: [1]}\n---\n",
            3,
            17,
            "extras['tags'] must be a string, not a number",
        ),
        (
            "---\ninterviewkit: 1\nunlabelled_speaker: x\n---\n",
            3,
            21,
            "not in the cast",
        ),
        (OWN + "**R:** who?\n", 8, 3, "the label 'R' names no speaker of the cast"),
        (OWN + "Hello.\n", 8, 1, "text before the first block"),
        (OWN + "**Q:** a\n\n- a list\n", 10, 1, "unexpected bullet list"),
        (OWN + "**Q:** a\n\n> quoted\n", 10, 1, "unexpected blockquote"),
        (OWN + "<!-- prose: aside -->\n\nx\n", 8, 13, "unknown prose kind 'aside'"),
        (OWN + "<!-- prose: intro -->\n", 8, 1, "must be followed by its text"),
        (OWN + "<!-- hello -->\n", 8, 1, "expected <!-- prose: KIND -->"),
        (
            OWN + '<!-- turn {"speaker": "r"} -->\n\n**Q:** a\n',
            8,
            11,
            "'r' is not in the cast",
        ),
        (OWN + '<!-- turn {"speaker": 1 -->\n\n**Q:** a\n', 8, 24, "not a JSON object"),
        (
            OWN + '<!-- turn {"label": null} -->\n\n![](x)\n',
            8,
            1,
            "right before its turn",
        ),
        (OWN + "**bold question**\n", 8, 1, "unlabelled_speaker"),
        (OWN + "**Q:**x\n", 8, 7, "expected a space after the label"),
        (OWN + "![x](a b)\n", 8, 6, "between < and >"),
        (OWN + "![](x)\n\n_credit\n", 10, 7, "a credit ends with _"),
        (OWN + "# Title\n", 8, 1, "heading does not match"),
    ],
)
def test_broken_documents_raise_parse_error_with_line_and_column(
    document: str, line: int, column: int, message: str
) -> None:
    with pytest.raises(ik.ParseError, match=re.escape(message)) as caught:
        ik.loads(document, format="markdown")
    assert (caught.value.line, caught.value.column) == (line, column)
    assert caught.value.format == "markdown"


def test_line_endings_and_a_byte_order_mark_are_normalised() -> None:
    text = ik.dumps(SAMPLE, format="markdown")
    assert ik.loads("\ufeff" + text.replace("\n", "\r\n"), format="markdown") == SAMPLE
    assert ik.loads(text.replace("\n", "\r"), format="markdown") == SAMPLE


def test_files_with_md_and_markdown_suffixes(tmp_path: Path) -> None:
    for name in ("talk.md", "talk.markdown"):
        ik.write(SAMPLE, tmp_path / name)
        assert ik.read(tmp_path / name) == SAMPLE
    assert ik.format_for_path("x.MD").name == "markdown"


# --- Markdown as people write it ---

FIXTURES = Path(__file__).parent / "fixtures"
FIXTURE_NAMES = sorted(path.stem for path in FIXTURES.glob("*.md"))


def test_there_are_at_least_six_fixtures_each_with_its_expected_parse() -> None:
    assert len(FIXTURE_NAMES) >= 6
    for name in FIXTURE_NAMES:
        assert (FIXTURES / f"{name}.json").is_file()


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_fixture_reads_as_its_expected_parse(name: str) -> None:
    expected = ik.read(FIXTURES / f"{name}.json")
    assert ik.read(FIXTURES / f"{name}.md") == expected


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_fixture_written_in_the_layout_reads_back_and_renders_safely(
    name: str,
) -> None:
    iv = ik.read(FIXTURES / f"{name}.md")
    written = ik.dumps(iv, format="markdown")
    assert ik.loads(written, format="markdown") == iv
    assert_only_markup_of_the_layout(rendered_body(written))


def read_people(text: str, **options: object) -> ik.Interview:
    return ik.loads(text, format="markdown", **options)


def turns_of(iv: ik.Interview) -> list[tuple[str, str | None, str]]:
    return [(turn.speaker, turn.label, turn.text) for turn in iv.turns]


@pytest.mark.parametrize(
    "text",
    [
        "**Jo Lee:** Why?\n\n**Sam Ray:** Because.\n",
        "**Jo Lee**: Why?\n\n**Sam Ray**: Because.\n",
        "__Jo Lee:__ Why?\n\n__Sam Ray:__ Because.\n",
        "*Jo Lee:* Why?\n\n*Sam Ray:* Because.\n",
        "**Jo Lee:**\n\nWhy?\n\n**Sam Ray:**\n\nBecause.\n",
        "**Jo Lee**\nWhy?\n\n**Sam Ray**\nBecause.\n",
    ],
)
def test_bold_and_italic_labels(text: str) -> None:
    iv = read_people(text)
    assert turns_of(iv) == [
        ("jo-lee", "Jo Lee", "Why?"),
        ("sam-ray", "Sam Ray", "Because."),
    ]
    assert [speaker.name for speaker in iv.speakers] == ["Jo Lee", "Sam Ray"]


def test_bold_lead_ins_that_are_no_names_stay_prose() -> None:
    iv = read_people(
        "**Editor’s note:** Spoilers ahead.\n\n**Q:** Why?\n\n**A:** Because.\n\n"
        "**RELATED:** [Season 1 recap](https://example.com/recap)\n"
    )
    assert [speaker.id for speaker in iv.speakers] == ["q", "a"]
    assert [(p.kind, p.text) for p in iv.prose] == [
        (ik.ProseKind.EDITORS_NOTE, "Editor’s note: Spoilers ahead."),
        (ik.ProseKind.RELATED, "RELATED: Season 1 recap (https://example.com/recap)"),
    ]


def test_a_full_name_then_the_surname_is_one_speaker() -> None:
    iv = read_people(
        "**DARREN STAR:** Yes.\n\nAnd then?\n\n**STAR:** Then more.\n\n"
        "Really?\n\n**STAR:** Really.\n"
    )
    star = iv.speaker("darren-star")
    assert star.aliases == ("DARREN STAR", "STAR")
    assert [turn.label for turn in iv.turns] == [
        "DARREN STAR",
        None,
        "STAR",
        None,
        "STAR",
    ]


def test_plain_text_labels_read_as_the_text_reader_reads_them() -> None:
    iv = read_people("Q: Why?\n\nA: Because.\n\nThe answer: no, said nobody.\n")
    assert turns_of(iv)[0] == ("q", "Q", "Why?")
    assert iv.turns[0].marker == "Q: "
    # "The answer" is no label: the line stays part of the answer.
    assert iv.turns[1].text == "Because.\n\nThe answer: no, said nobody."


def test_bold_questions_with_plain_answers_and_named_speakers() -> None:
    iv = read_people(
        "**Why Paris?**\n\nBecause.\n\nIt is *lovely*.\n\n**And Rome?**\n\nLater.\n",
        interviewer="Collider",
        interviewee="Darren Star",
    )
    assert turns_of(iv) == [
        ("collider", None, "Why Paris?"),
        ("darren-star", None, "Because.\n\nIt is lovely."),
        ("collider", None, "And Rome?"),
        ("darren-star", None, "Later."),
    ]
    assert [speaker.role for speaker in iv.speakers] == [
        ik.Role.INTERVIEWER,
        ik.Role.INTERVIEWEE,
    ]


def test_headings_that_ask_are_questions_and_others_are_prose() -> None:
    iv = read_people("# Title\n\n## Why?\n\nBecause.\n\n## Credits\n\nBy me.\n")
    assert iv.title == "Title"
    assert turns_of(iv) == [
        ("interviewer", None, "Why?"),
        ("interviewee", None, "Because."),
    ]
    assert [(p.text, p.kind) for p in iv.prose] == [
        ("Credits", ik.ProseKind.OTHER),
        ("By me.", ik.ProseKind.CLOSING),
    ]


def test_transcription_tool_exports_give_times() -> None:
    iv = read_people(
        "**Ana Roy** 00:00:05\nHello.\n\n**Ben Ng** (1:02:03.5)\nHi.\n\n"
        "\\[00:04:08\\] **Ana Roy:** Bye.\n\n**Ben Ng:** [1:00] Bye now.\n"
    )
    assert [(turn.label, turn.start_ms, turn.text) for turn in iv.turns] == [
        ("Ana Roy", 5_000, "Hello."),
        ("Ben Ng", 3_723_500, "Hi."),
        ("Ana Roy", 248_000, "Bye."),
        ("Ben Ng", 60_000, "Bye now."),
    ]


def test_images_with_captions_and_credits() -> None:
    iv = read_people(
        "**A:** x\n\n![Lily Collins in Paris](lily.jpg)\nLily Collins in Paris.\n"
        "Image via Netflix\n\n![The crew](crew.png)\n\n"
        "![](set.jpg)\n\n*On set. Photo: AP*\n\n**A:** y\n"
    )
    assert iv.captions == (
        ik.ImageCaption(
            image="lily.jpg",
            caption="Lily Collins in Paris.",
            credit="Image via Netflix",
        ),
        ik.ImageCaption(image="crew.png", caption="The crew"),
        ik.ImageCaption(image="set.jpg", caption="On set. Photo: AP"),
    )


def test_blog_front_matter_maps_to_metadata_and_extras() -> None:
    iv = read_people(
        "---\ntitle: Talk\ndate: 2021-12-22\nlang: fr\nauthor:\n  name: Jo\n"
        "  url: https://jo.example\ntags: [tv, 2021]\ndraft: false\nurl: https://x\n"
        "---\n\n**Jo:** Hi.\n"
    )
    assert iv.title == "Talk"
    assert iv.metadata == ik.Metadata(
        date="2021-12-22",
        language="fr",
        url="https://x",
        extras={
            "author.name": "Jo",
            "author.url": "https://jo.example",
            "tags": ("tv", "2021"),
            "draft": "false",
        },
    )


def test_content_after_the_interview_is_kept_as_prose() -> None:
    iv = read_people(
        "**Q:** Why?\n\n**A:** Because.\n\n---\n\n"
        "*This interview has been edited for length and clarity.*\n\n"
        "RELATED: [More](https://example.com/more)\n\n"
        "- [Listen](https://example.com/listen)\n- Subscribe\n\n"
        "<!-- a comment the page does not show -->\n"
    )
    assert [(p.kind, p.text) for p in iv.prose] == [
        (
            ik.ProseKind.CLOSING,
            "This interview has been edited for length and clarity.",
        ),
        (ik.ProseKind.RELATED, "RELATED: More (https://example.com/more)"),
        (ik.ProseKind.CLOSING, "- Listen (https://example.com/listen)\n- Subscribe"),
    ]


@pytest.mark.parametrize(
    ("document", "line", "column"),
    [
        ("---\ntitle: [x\n---\n\n**A:** b\n", 2, 10),
        ("---\ntitle: x\n\n**A:** b\n", 1, 1),
        ("---\n- just a list\n---\n", 2, 1),
        ("---\n1: x\n---\n", 2, 1),
    ],
)
def test_broken_blog_front_matter_raises_parse_error(
    document: str, line: int, column: int
) -> None:
    with pytest.raises(ik.ParseError) as caught:
        read_people(document)
    assert (caught.value.line, caught.value.column) == (line, column)


def test_front_matter_can_name_the_cast() -> None:
    iv = read_people(
        "---\ninterviewer: Priya Nair\nspeakers:\n- name: Lina Haddad\n"
        "  role: interviewee\n  aliases: [LH, Chef]\n---\n\n"
        "**Why?**\n\nBecause.\n\n**LH:** And more.\n"
    )
    assert [(s.id, s.name, s.role) for s in iv.speakers] == [
        ("priya-nair", "Priya Nair", ik.Role.INTERVIEWER),
        ("lina-haddad", "Lina Haddad", ik.Role.INTERVIEWEE),
    ]
    assert turns_of(iv) == [
        ("priya-nair", None, "Why?"),
        ("lina-haddad", None, "Because."),
        ("lina-haddad", "LH", "And more."),
    ]
    assert iv.metadata.extras == {}


@pytest.mark.parametrize(
    ("document", "line", "column", "message"),
    [
        ("---\nspeakers: Jo\n---\n", 2, 11, "speakers must be a list"),
        ("---\nspeakers:\n- role: host\n---\n", 3, 3, "a speaker needs a name"),
        ("---\nspeakers:\n- {name: Jo, role: boss}\n---\n", 3, 20, "unknown role"),
        ("---\nspeakers:\n- {name: Jo, age: 3}\n---\n", 3, 14, "unknown speaker key"),
        ("---\ninterviewer: [Jo, 3]\n---\n", 2, 19, "must be a string"),
        ("---\na: &a [x, x]\nb: [*a, *a]\n---\n", 2, 4, "anchors and aliases"),
    ],
)
def test_a_broken_front_matter_cast_raises_parse_error(
    document: str, line: int, column: int, message: str
) -> None:
    with pytest.raises(ik.ParseError, match=message) as caught:
        read_people(document)
    assert (caught.value.line, caught.value.column) == (line, column)
