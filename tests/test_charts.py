"""Pictures of interviews: speaking time, timelines, for one and for a corpus."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings

import interviewkit as ik
from interviewkit import charts
from interviewkit.cli import EXIT_OK, EXIT_USAGE, main
from interviewkit.formats.html.layout import PALETTE
from tests.samples import SAMPLE, SEED
from tests.strategies import interviews

TIMED = (
    Path(__file__).parent / "formats" / "html" / "fixtures" / "podcast-transcript.html"
)


def bar_widths(figure) -> list[float]:  # type: ignore[no-untyped-def]
    return [round(bar.get_width(), 3) for bar in figure.axes[0].patches]


def test_the_seed_is_not_timed_so_its_bars_count_words() -> None:
    seed = ik.read(SEED)
    figure = charts.speaking_time(seed)
    assert bar_widths(figure) == [448, 873]
    axes = figure.axes[0]
    assert axes.get_xlabel() == "words"
    assert [label.get_text() for label in axes.get_yticklabels()] == [
        "Collider",
        "Darren Star",
    ]
    assert [text.get_text() for text in axes.texts] == ["448 (34%)", "873 (66%)"]


def test_a_timed_interview_counts_seconds_and_speakers_keep_their_page_colour() -> None:
    iv = ik.read(TIMED)
    figure = charts.speaking_time(iv)
    assert figure.axes[0].get_xlabel() == "speaking time"
    # Priya speaks 0-7, 9-11, 52-55, 91-96 and 168-173 s; Jonas's last turn
    # has no end, so it is not counted.
    assert bar_widths(figure) == [22.0, 151.0]
    colours = [bar.get_facecolor() for bar in figure.axes[0].patches]
    from matplotlib.colors import to_rgba

    assert colours == [to_rgba(PALETTE[0][0]), to_rgba(PALETTE[1][0])]
    assert bar_widths(charts.speaking_time(iv, measure="words")) == [
        float(n) for n in iv.word_counts().values()
    ]


def test_spans_come_from_cues_then_times_then_the_next_turn() -> None:
    iv = ik.Interview(
        speakers=[ik.Speaker(id="a", name="A"), ik.Speaker(id="b", name="B")],
        body=[
            ik.Turn(
                speaker="a",
                text="One. Two.",
                start_ms=0,
                end_ms=9000,
                cues=[
                    ik.Cue(start=0, end=4, start_ms=0, end_ms=1000),
                    ik.Cue(start=5, end=9, start_ms=2000, end_ms=3000),
                ],
            ),
            ik.Turn(speaker="b", text="Three.", start_ms=4000),
            ik.Turn(speaker="a", text="Four."),
            ik.Turn(speaker="b", text="Five.", start_ms=6000, end_ms=6500),
        ],
    )
    assert charts.spans(iv) == [
        ("a", 0, 1000),
        ("a", 2000, 3000),
        ("b", 4000, 6000),
        ("b", 6000, 6500),
    ]
    # Not every turn is timed: the bars count words.
    assert charts.speaking_time(iv).axes[0].get_xlabel() == "words"


def test_the_timeline_draws_each_span_on_its_speakers_row() -> None:
    iv = ik.read(TIMED)
    axes = charts.timeline(iv).axes[0]
    drawn = []
    for collection in axes.collections:
        corners = collection.get_paths()[0].vertices
        drawn.append((round(corners[:, 0].min(), 3), round(corners[:, 1].mean())))
    rows = {"priya": 0, "jonas": 1}
    assert drawn == [
        (start / 1000, rows[speaker]) for speaker, start, _ in charts.spans(iv)
    ]
    assert [label.get_text() for label in axes.get_yticklabels()] == ["Priya", "Jonas"]


def test_a_timeline_needs_times() -> None:
    with pytest.raises(ValueError, match="no turn of this interview has a time"):
        charts.timeline(ik.read(SEED))
    with pytest.raises(ValueError, match="no turn of these interviews"):
        charts.timeline([ik.read(SEED)])


def test_a_corpus_gets_one_bar_an_interview_split_by_role() -> None:
    corpus = [ik.read(SEED), ik.read(TIMED), SAMPLE]
    axes = charts.speaking_time(corpus).axes[0]
    assert [label.get_text() for label in axes.get_yticklabels()] == [
        "Interview 1",
        "Small Machines, episode 12: clocks",
        "Darren Star on Emily in Paris",
    ]
    assert axes.get_xlabel() == "share of words (%)"
    shares: dict[int, float] = {}
    for bar in axes.patches:
        row = round(bar.get_y() + bar.get_height() / 2)
        shares[row] = shares.get(row, 0) + bar.get_width()
    assert shares == pytest.approx({0: 100, 1: 100, 2: 100})
    legend = [text.get_text() for text in axes.get_legend().get_texts()]
    assert legend == ["interviewer", "interviewee"]
    timeline = charts.timeline(corpus).axes[0]
    assert len(timeline.collections) == len(charts.spans(ik.read(TIMED))) + 1


def test_saved_svg_is_the_same_each_time_and_png_is_a_png(tmp_path: Path) -> None:
    seed = ik.read(SEED)
    first, second = tmp_path / "a.svg", tmp_path / "b.svg"
    charts.save(charts.speaking_time(seed), first)
    charts.save(charts.speaking_time(seed), second)
    assert first.read_bytes() == second.read_bytes()
    assert ET.parse(first).getroot().tag == "{http://www.w3.org/2000/svg}svg"
    png = tmp_path / "c.png"
    charts.save(charts.timeline(ik.read(TIMED)), png)
    assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    with pytest.raises(ValueError, match=r"\.svg or \.png"):
        charts.save(charts.speaking_time(seed), tmp_path / "c.gif")


# Drawing costs a few milliseconds a figure: a fifth of the profile's examples.
@settings(max_examples=max(10, settings().max_examples // 5))
@given(interviews(max_blocks=8))
def test_any_interview_can_be_pictured(interview: ik.Interview) -> None:
    figure = charts.speaking_time(interview)
    assert len(figure.axes[0].patches) == len(interview.speakers)
    if charts.spans(interview):
        charts.timeline(interview)


def test_the_chart_command_writes_svg_and_png(tmp_path: Path) -> None:
    out = tmp_path / "seed.svg"
    assert main(["chart", str(SEED), str(out)]) == EXIT_OK
    assert ET.parse(out).getroot().tag == "{http://www.w3.org/2000/svg}svg"
    png = tmp_path / "timeline.png"
    assert main(["chart", str(TIMED), str(png), "--kind", "timeline"]) == EXIT_OK
    assert png.read_bytes().startswith(b"\x89PNG")
    corpus = tmp_path / "corpus.svg"
    assert main(["chart", str(SEED), str(TIMED), str(corpus)]) == EXIT_OK
    assert corpus.stat().st_size > 0


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["chart", "SEED", "OUT.pdf"], "OUT must end in .svg or .png"),
        (["chart", "SEED", "OUT.svg", "--kind", "timeline"], "timeline: no turn"),
        (["chart", "-", "-", "OUT.svg"], "standard input can be read only once"),
    ],
)
def test_the_chart_command_reports_misuse_on_one_line(
    argv: list[str],
    message: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    places = {"SEED": str(SEED), "OUT.svg": str(tmp_path / "out.svg")}
    places["OUT.pdf"] = str(tmp_path / "out.pdf")
    argv = [places.get(arg, arg) for arg in argv]
    assert main(argv) == EXIT_USAGE
    err = capsys.readouterr().err
    assert message in err
    assert len(err.strip().splitlines()) == 1
