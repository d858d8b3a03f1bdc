"""HTML: the page the writer lays out, and pages as publishers put them on the web."""

from __future__ import annotations

import re
from pathlib import Path

import attrs
import html5lib
import pytest

import interviewkit as ik
from interviewkit.formats import Document, detect
from interviewkit.formats.html.tree import parse
from tests.samples import SAMPLE, SEED

FIXTURES = Path(__file__).parent / "fixtures"
FIXTURE_NAMES = sorted(path.stem for path in FIXTURES.glob("*.json"))
NS = {"h": "http://www.w3.org/1999/xhtml"}


def page_tree(page: str):  # type: ignore[no-untyped-def]
    """The page as a browser builds it (html5lib follows the HTML5 algorithm)."""
    return html5lib.parse(page, treebuilder="etree", namespaceHTMLElements=True)


# --------------------------------------------------------------------------
# The writer


def test_the_page_is_a_standalone_article_with_lang_title_and_no_script() -> None:
    page = ik.dumps(SAMPLE, format="html")
    tree = page_tree(page)
    assert tree.get("lang") == "en"
    assert tree.find(".//h:head/h:title", NS).text == "Darren Star on Emily in Paris"
    article = tree.find(".//h:body/h:article", NS)
    assert article.find("h:header/h:h1", NS).text == "Darren Star on Emily in Paris"
    assert tree.find(".//h:script", NS) is None
    assert "prefers-color-scheme:dark" in tree.find(".//h:head/h:style", NS).text
    assert tree.find(".//h:meta[@name='viewport']", NS) is not None


def test_an_unknown_language_is_und_on_the_page() -> None:
    page = ik.dumps(ik.Interview(), format="html")
    assert page_tree(page).get("lang") == "und"
    assert ik.loads(page, format="html").metadata.language is None


def test_each_turn_has_the_speakers_name_in_a_cite_and_a_colour_of_their_own() -> None:
    iv = ik.read(SEED)
    tree = page_tree(ik.dumps(iv, format="html"))
    turns = tree.findall(".//h:div[@data-speaker]", NS)
    assert len(turns) == len(iv.turns) == 18
    colours: dict[str, set[str]] = {}
    for turn, model in zip(turns, iv.turns, strict=True):
        name = turn.find("h:cite", NS).text
        assert name == iv.speaker(model.speaker).name
        classes = set(turn.get("class").split())
        colours.setdefault(name, set()).update(c for c in classes if c != "turn")
    assert colours == {"Collider": {"speaker-1"}, "Darren Star": {"speaker-2"}}
    cast = {
        li.find("h:span", NS).text: li.get("class")
        for li in tree.findall(".//h:ul[@class='cast']/h:li", NS)
    }
    assert cast == {"Collider": "speaker-1", "Darren Star": "speaker-2"}


def test_captions_are_figures_and_prose_is_paragraphs() -> None:
    tree = page_tree(ik.dumps(ik.read(SEED), format="html"))
    figures = tree.findall(".//h:figure", NS)
    assert [figure.get("data-image") for figure in figures] == [
        "emily-in-paris-season-2-lily-collins-ashley-park",
        "emily-in-paris-darren-star-lily-collins",
        "emily-in-paris-lily-collins-season-2-netflix",
    ]
    credits = {figure.find("h:figcaption/h:small", NS).text for figure in figures}
    assert credits == {"Image via Netflix"}
    # A name is no address: no <img> that would point nowhere.
    assert tree.find(".//h:img", NS) is None
    prose = tree.findall(".//h:div[@data-kind]", NS)
    assert [div.get("data-kind") for div in prose] == [
        "editors_note",
        "intro",
        "intro",
        "related",
        "closing",
    ]
    assert all(div.find("h:p", NS) is not None for div in prose)


def test_an_image_address_becomes_an_img_and_a_hostile_one_does_not() -> None:
    def sources(image: str) -> list[str | None]:
        iv = ik.Interview(body=[ik.ImageCaption(image=image, caption="A photo")])
        tree = page_tree(ik.dumps(iv, format="html"))
        return [img.get("src") for img in tree.findall(".//h:img", NS)]

    assert sources("https://example.org/a.jpg") == ["https://example.org/a.jpg"]
    assert sources("photos/b.PNG") == ["photos/b.PNG"]
    assert sources("javascript:alert(1)//.png") == []
    assert sources("data:image/png;base64,AAAA") == []
    assert sources("a slug with spaces.png") == []


def test_only_web_addresses_are_links() -> None:
    def links(url: str) -> list[str | None]:
        iv = ik.Interview(metadata=ik.Metadata(url=url))
        tree = page_tree(ik.dumps(iv, format="html"))
        return [a.get("href") for a in tree.findall(".//h:a", NS)]

    assert links("https://collider.com/x") == ["https://collider.com/x"]
    assert links("JavaScript:alert(1)") == []
    assert links("vbscript:x") == []


def test_timed_turns_show_their_times_in_time_elements() -> None:
    iv = ik.Interview(
        speakers=[ik.Speaker(id="host", name="Host")],
        body=[
            ik.Turn(speaker="host", text="Hi.", start_ms=3_725_500, end_ms=3_730_000)
        ],
    )
    page = ik.dumps(iv, format="html")
    times = page_tree(page).findall(".//h:time", NS)
    assert [(t.get("datetime"), t.text) for t in times] == [
        ("PT3725.500S", "01:02:05.500"),
        ("PT3730S", "01:02:10"),
    ]
    assert ik.loads(page, format="html") == iv


def test_a_dated_interview_has_its_date_in_a_time_element() -> None:
    iv = ik.Interview(metadata=ik.Metadata(date="2021-12-22", source="Collider"))
    tree = page_tree(ik.dumps(iv, format="html"))
    assert tree.find(".//h:dd/h:time", NS).get("datetime") == "2021-12-22"
    iv = ik.Interview(metadata=ik.Metadata(date="last winter"))
    assert page_tree(ik.dumps(iv, format="html")).find(".//h:time", NS) is None


def test_standalone_false_writes_the_article_alone() -> None:
    article = ik.dumps(SAMPLE, format="html", standalone=False)
    assert article.startswith('<article class="interview"')
    assert "<style>" not in article
    assert ik.loads(article, format="html") == SAMPLE


def test_u0000_is_written_as_the_replacement_character() -> None:
    iv = ik.Interview(
        speakers=[ik.Speaker(id="a", name="A")],
        body=[ik.Turn(speaker="a", text="x\x00y")],
    )
    page = ik.dumps(iv, format="html")
    assert "\x00" not in page
    assert ik.loads(page, format="html").turns[0].text == "x\ufffdy"


# --------------------------------------------------------------------------
# Reading what the writer wrote


def test_the_seed_and_the_sample_round_trip_exactly() -> None:
    seed = ik.read(SEED)
    assert ik.loads(ik.dumps(seed, format="html"), format="html") == seed
    assert ik.loads(ik.dumps(SAMPLE, format="html"), format="html") == SAMPLE


def test_html_and_htm_files(tmp_path: Path) -> None:
    for suffix in (".html", ".htm"):
        path = tmp_path / f"interview{suffix}"
        ik.write(SAMPLE, path)
        assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
        assert ik.read(path) == SAMPLE


def test_a_page_is_told_by_its_content() -> None:
    page = ik.dumps(SAMPLE, format="html")
    assert ik.loads(page) == SAMPLE
    assert ik.loads("<!-- saved -->\n<html><body><p>Q: Hi?</p><p>A: Yes.</p>").turns
    assert detect(Document(text="<!doctype HTML><p>x")).name == "html"


BROKEN_PAGES = [
    (
        '<article data-interviewkit="9">\n</article>',
        1,
        1,
        "unknown page layout '9'",
    ),
    (
        '<article data-interviewkit="1">\n<div class="turn" data-speaker="x">'
        "<p>Hi</p></div>\n</article>",
        1,
        1,
        "not in the cast",
    ),
    (
        '<article data-interviewkit="1">\n<header>\n<ul class="cast">\n'
        '<li data-id="a" data-role="boss"><span class="name">A</span></li>\n'
        "</ul></header></article>",
        4,
        1,
        "role",
    ),
    (
        '<article data-interviewkit="1">\n<div class="turn" data-speaker="a"\n'
        ' data-start="soon"><p>Hi</p></div>\n</article>',
        2,
        1,
        "data-start must be a whole number",
    ),
    (
        '<article data-interviewkit="1">\n\n  <div class="turn" data-speaker="a"'
        ' data-cues="[1,2"><p>Hi</p></div>\n</article>',
        3,
        3,
        "data-cues is not JSON",
    ),
    (
        '<article data-interviewkit="1">\n<table><tr><td>x</td></tr></table>\n'
        "</article>",
        2,
        1,
        "no turn, caption or prose",
    ),
]


@pytest.mark.parametrize(("page", "line", "column", "message"), BROKEN_PAGES)
def test_a_broken_page_of_the_layout_raises_parse_error_where_it_breaks(
    page: str, line: int, column: int, message: str
) -> None:
    with pytest.raises(ik.ParseError) as caught:
        ik.loads(page, format="html")
    error = caught.value
    assert (error.format, error.line, error.column) == ("html", line, column)
    assert message in error.message


def test_a_broken_front_matter_is_an_html_parse_error() -> None:
    with pytest.raises(ik.ParseError) as caught:
        ik.loads("---\ntitle: [x\n---\n<p>Q: Hi?</p>", format="html")
    assert (caught.value.format, caught.value.line) == ("html", 2)


# --------------------------------------------------------------------------
# Pages as publishers lay them out


def test_there_are_fixtures_each_with_its_expected_parse() -> None:
    assert len(FIXTURE_NAMES) >= 3
    for name in FIXTURE_NAMES:
        assert (FIXTURES / f"{name}.html").is_file()


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_fixture_reads_as_its_expected_parse(name: str) -> None:
    assert ik.read(FIXTURES / f"{name}.html") == ik.read(FIXTURES / f"{name}.json")


def without_markers(iv: ik.Interview) -> tuple[ik.Block, ...]:
    return tuple(
        attrs.evolve(block, marker=None) if isinstance(block, ik.Turn) else block
        for block in iv.body
    )


def test_the_seed_as_an_article_page_reads_as_the_seed() -> None:
    # The seed as Collider lays it out: bold labels, bold questions, figures,
    # the editor's note and closing line in italics, inside the site's
    # navigation, scripts and newsletter form.
    seed = ik.read(SEED)
    page = ik.read(FIXTURES / "seed-article.html")
    assert page.speakers == seed.speakers
    # Labels found by bold markup leave no marker in the text (as in Markdown).
    assert without_markers(page) == without_markers(seed)
    assert page.title is not None
    assert page.title.startswith("Darren Star on Why")
    assert page.metadata.language == "en"
    assert page.metadata.url == (
        "https://collider.com/emily-in-paris-season-2-darren-star-interview/"
    )


def test_bold_labels_in_every_form() -> None:
    iv = ik.loads(
        "<p><strong>Jane Doe:</strong> Hello.</p>\n"
        "<p><b>Doe</b>: Again.</p>\n"
        "<p><b>JOHN ROE: </b><br>\nHi.</p>\n"
        "<p><em>Roe:</em> Bye.</p>",
        format="html",
    )
    assert [(t.speaker, t.label, t.text) for t in iv.turns] == [
        ("jane-doe", "Jane Doe", "Hello."),
        ("jane-doe", "Doe", "Again."),
        ("john-roe", "JOHN ROE", "Hi."),
        ("john-roe", "Roe", "Bye."),
    ]
    # A label the markup marks has its plain form for a marker.
    assert [turn.marker for turn in iv.turns] == [
        "Jane Doe: ",
        "Doe: ",
        "JOHN ROE:\n",
        "Roe: ",
    ]


def test_bold_words_that_are_no_names_stay_text() -> None:
    iv = ik.loads(
        "<p><strong>Q:</strong> Why?</p><p><strong>A:</strong> It was <b>not</b> "
        "easy.</p><p><strong>Editor’s note</strong>: edited.</p>",
        format="html",
    )
    assert [t.text for t in iv.turns] == ["Why?", "It was not easy."]
    assert iv.prose[0].text == "Editor’s note: edited."


def test_questions_in_bold_and_in_headings_with_plain_answers() -> None:
    iv = ik.read(FIXTURES / "question-headings.html")
    asked = [t.text for t in iv.turns if t.speaker == "interviewer"]
    assert asked == [
        "How did you get the job?",
        "What did a day look like?",
        "Were you ever afraid?",
        "What do you miss?",
    ]
    assert iv.prose[1].text == "The last night"  # a heading that does not ask


def test_figures_give_captions_and_credits() -> None:
    iv = ik.read(FIXTURES / "question-headings.html")
    assert iv.captions == (
        ik.ImageCaption(
            image="/media/skerry-point.png",
            caption="Skerry Point light in 1999.",
            credit="Image via the Northern Lighthouse Board",
        ),
    )


def test_podcasting_transcripts_give_speakers_and_start_times() -> None:
    iv = ik.read(FIXTURES / "podcast-transcript.html")
    assert [(t.speaker, t.start_ms) for t in iv.turns][:5] == [
        ("priya", 0),
        ("jonas", 7000),
        ("priya", 9000),
        ("jonas", 11000),
        ("priya", 52000),
    ]
    assert len(iv.turns) == 10
    assert iv.turns[3].text.startswith("Because they are the only machines")
    assert "\n\nI open them." in iv.turns[3].text


def test_a_time_element_before_a_label_and_a_datetime_duration() -> None:
    iv = ik.loads(
        '<p><time datetime="PT1M5.25S">1:05</time> <b>HOST:</b> Welcome.</p>'
        "<p>[00:02:00] <strong>GUEST:</strong> Thanks.</p>",
        format="html",
    )
    assert [(t.label, t.start_ms, t.text) for t in iv.turns] == [
        ("HOST", 65_250, "Welcome."),
        ("GUEST", 120_000, "Thanks."),
    ]


def test_navigation_scripts_and_forms_are_not_the_article() -> None:
    iv = ik.loads(
        "<html><head><title>T</title><script>var a = '<p>Q: no</p>';</script>"
        "</head><body><nav><p>Q: Menu?</p></nav><main><p>Q: Why?</p>"
        "<p>A: Because.</p><form><p>Q: Subscribe?</p></form></main>"
        "<footer><p>A: Footer.</p></footer></body></html>",
        format="html",
    )
    assert [t.text for t in iv.turns] == ["Why?", "Because."]
    assert iv.title == "T"


def test_white_space_collapses_and_br_breaks_lines() -> None:
    iv = ik.loads(
        "<p>Q:\n   Why   the\n\tcity?</p><p>A: First line.<br>Second&nbsp;line.</p>",
        format="html",
    )
    assert [t.text for t in iv.turns] == [
        "Why the city?",
        "First line.\nSecond\xa0line.",
    ]


def test_links_keep_their_address_as_in_markdown() -> None:
    html_iv = ik.loads(
        '<p>Q: Seen <a href="https://x.org">this</a>?</p><p>A: Yes.</p>',
        format="html",
    )
    markdown_iv = ik.loads(
        "Q: Seen [this](https://x.org)?\n\nA: Yes.", format="markdown"
    )
    assert html_iv.turns == markdown_iv.turns


def test_a_page_with_no_speech_is_reported() -> None:
    with pytest.warns(ik.ReadWarning, match="no speech"):
        ik.loads(
            "<html><body><p>"
            + "Just an essay about the sea, with no one speaking in it. " * 8
            + "</p></body></html>",
            format="html",
        )
    with pytest.raises(ik.ParseError):
        ik.loads(
            "<p>" + "An essay about the sea, with no one speaking. " * 8 + "</p>",
            format="html",
            strict=True,
        )


def test_paragraph_lines_point_into_the_source() -> None:
    root = parse("<p>one</p>\n\n<p>two\n</p>", first_line=4)  # after front matter
    assert [(p.line, p.column) for p in root.elements()] == [(4, 1), (6, 1)]


def test_the_reading_options_apply_to_web_pages() -> None:
    iv = ik.loads(
        "<p><b>Ann:</b> Why?</p><p><b>Ben:</b> Because.</p>",
        format="html",
        interviewer=["Ben"],
    )
    assert [(s.name, s.role) for s in iv.speakers] == [
        ("Ben", ik.Role.INTERVIEWER),
        ("Ann", ik.Role.INTERVIEWEE),
    ]


def test_markup_in_the_seed_page_is_only_what_the_writer_puts() -> None:
    page = ik.dumps(ik.read(SEED), format="html")
    tags = set(re.findall(r"<([a-z][a-z0-9]*)", page))
    assert tags == {
        "html", "head", "meta", "title", "style", "body", "article", "header",
        "ul", "li", "span", "div", "cite", "p", "figure", "figcaption", "small",
    }  # fmt: skip


# Inside a quote the talk is a quote: prose, and a warning that says so.
@pytest.mark.filterwarnings("ignore::interviewkit.errors.ReadWarning")
@pytest.mark.parametrize("tag", ["b", "div", "blockquote", "li", "span"])
def test_tags_left_open_without_end_read_without_recursing_deeply(tag: str) -> None:
    page = f"<{tag}>" * 3_000 + "<p>Q: Why?</p><p>A: Because.</p>"
    iv = ik.loads(page, format="html")
    assert "Because." in "".join(block.text for block in iv.turns + iv.prose)
