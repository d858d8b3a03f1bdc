"""The query API: finding speakers, searching, Q&A pairs, counting, excerpts."""

from __future__ import annotations

import pickle
import re
import unicodedata
import warnings

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import interviewkit as ik
from interviewkit import (
    ImageCaption,
    Interview,
    Metadata,
    PatternError,
    Prose,
    ProseKind,
    Role,
    Speaker,
    SpeakerLookupError,
    Turn,
    count_words,
)
from tests.samples import CAST, COLLIDER, DARREN_STAR
from tests.strategies import interviews, texts

TALK = Interview(
    title="Darren Star on Emily in Paris",
    metadata=Metadata(source="Collider", language="en"),
    speakers=CAST,
    body=(
        Prose(text="[Editor’s note: spoilers.]", kind=ProseKind.EDITORS_NOTE),
        Turn(speaker="collider", text="First of all, congrats on 2020."),
        Turn(speaker="darren-star", text="Yeah, it was amazing.", label="DARREN STAR"),
        Turn(speaker="collider", text="What was Versailles like?"),
        ImageCaption(image="emily-in-paris-versailles", credit="Image via Netflix"),
        Turn(
            speaker="darren-star",
            text="The crazy thing is that it was actually filmed in one day.\n\n"
            "We only had one day there.",
            label="STAR",
        ),
        Prose(text="RELATED: Emily in Paris, Season 1", kind=ProseKind.RELATED),
        Turn(speaker="collider", text="Thank you."),
    ),
)


# --- speaker() ---------------------------------------------------------------


@pytest.mark.parametrize(
    "key",
    [
        "darren-star",
        "Darren Star",
        "DARREN STAR",
        "STAR",
        "star",
        "darren star",
        "  Darren \n\t STAR ",
        "Darrén Štár",
        "DARREN\u00a0STAR",
        "ｓｔａｒ",
    ],
)
def test_speaker_by_id_name_or_alias_in_any_case_accent_or_spacing(key: str) -> None:
    assert TALK.speaker(key) is DARREN_STAR


def test_an_exact_id_wins_then_an_exact_name_or_alias() -> None:
    iv = Interview(
        speakers=(
            Speaker(id="star", name="Starla"),
            Speaker(id="ds", name="Darren Star", aliases=("STAR",)),
            Speaker(id="x", name="Star"),
        )
    )
    assert iv.speaker("star").id == "star"
    assert iv.speaker("STAR").id == "ds"
    assert iv.speaker("Star").id == "x"


def test_an_ambiguous_key_names_every_match() -> None:
    iv = Interview(
        speakers=(
            Speaker(id="a", name="Ann Lee", aliases=("LEE",)),
            Speaker(id="b", name="Bo Lee", aliases=("Lee",)),
        )
    )
    with pytest.raises(SpeakerLookupError) as caught:
        iv.speaker("lee")
    assert caught.value.candidates == ("a", "b")
    assert str(caught.value) == (
        "speaker 'lee' is ambiguous: it could be Ann Lee (a), Bo Lee (b); use the id"
    )


def test_an_unknown_key_is_a_key_error_naming_the_closest_speakers() -> None:
    with pytest.raises(KeyError) as caught:
        TALK.speaker("Daren Starr")
    error = caught.value
    assert isinstance(error, SpeakerLookupError)
    assert isinstance(error, ik.InterviewkitError)
    assert error.key == "Daren Starr"
    assert error.candidates == ("darren-star",)
    assert str(error) == "no speaker 'Daren Starr'; closest: Darren Star (darren-star)"


def test_an_unknown_key_with_nothing_close_lists_the_cast() -> None:
    with pytest.raises(SpeakerLookupError) as caught:
        TALK.speaker("Lily Collins")
    assert caught.value.candidates == ()
    assert str(caught.value) == (
        "no speaker 'Lily Collins'; the speakers are "
        "Collider (collider), Darren Star (darren-star)"
    )
    with pytest.raises(SpeakerLookupError, match="the interview has no speakers"):
        Interview().speaker("anyone")


def test_speaker_lookup_error_pickles() -> None:
    with pytest.raises(SpeakerLookupError) as caught:
        TALK.speaker("nobody")
    copy = pickle.loads(pickle.dumps(caught.value))
    assert (str(copy), copy.key, copy.candidates) == (
        str(caught.value),
        caught.value.key,
        caught.value.candidates,
    )


def test_speaker_keys_must_be_text() -> None:
    with pytest.raises(TypeError, match="not int"):
        TALK.speaker(3)  # type: ignore[arg-type]


# --- turns_by() --------------------------------------------------------------


def test_turns_by_key_speaker_or_role() -> None:
    answers = (TALK.body[2], TALK.body[5])
    questions = (TALK.body[1], TALK.body[3], TALK.body[7])
    assert TALK.turns_by("star") == answers
    assert TALK.turns_by(DARREN_STAR) == answers
    assert TALK.turns_by(role=Role.INTERVIEWER) == questions
    assert TALK.turns_by(role="interviewee") == answers
    assert TALK.turns_by("Collider", role="interviewee") == TALK.turns
    assert TALK.turns_by("collider", COLLIDER) == questions
    assert TALK.turns_by() == ()
    assert TALK.turns_by(role=Role.HOST) == ()


def test_turns_by_refuses_strangers_and_unknown_roles() -> None:
    with pytest.raises(SpeakerLookupError, match="not in the cast"):
        TALK.turns_by(Speaker(id="collider", name="Someone Else"))
    with pytest.raises(
        ValueError, match="unknown role 'chef'; known roles: interviewer"
    ):
        TALK.turns_by(role="chef")


# --- search() ----------------------------------------------------------------


def test_search_finds_text_in_turns_with_index_speaker_span_and_snippet() -> None:
    (match,) = TALK.search("filmed in one day")
    assert match.index == 5
    assert match.block is TALK.body[5]
    assert match.speaker is DARREN_STAR
    assert match.field == "text"
    assert (match.start, match.end) == (40, 57)
    assert match.matched == "filmed in one day"
    assert match.snippet == (
        "…thing is that it was actually filmed in one day. We only had one day there."
    )
    assert str(match) == "#5 Darren Star: " + match.snippet


def test_search_options() -> None:
    assert [m.index for m in TALK.search("ONE DAY")] == [5, 5]
    assert TALK.search("ONE DAY", ignore_case=False) == ()
    assert [m.matched for m in TALK.search("film", whole_word=True)] == []
    assert [m.matched for m in TALK.search("film")] == ["film"]
    assert [m.matched for m in TALK.search("thing", whole_word=True)] == ["thing"]
    assert [m.index for m in TALK.search("you", speaker="collider")] == [7]
    assert [
        m.index for m in TALK.search("a", speaker="Darren Star", whole_word=True)
    ] == []
    assert [m.index for m in TALK.search("paris", include_prose=True)] == [6]
    assert [m.index for m in TALK.search("paris")] == []
    assert [
        (m.index, m.field) for m in TALK.search("versailles", include_captions=True)
    ] == [
        (3, "text"),
        (4, "image"),
    ]
    # With a speaker, prose and captions are left out: they have no speaker.
    assert TALK.search("netflix", speaker="star", include_captions=True) == ()


def test_str_of_prose_and_caption_matches() -> None:
    found = TALK.search(
        "e", whole_word=False, include_prose=True, include_captions=True
    )
    prose = next(m for m in found if m.index == 0)
    caption = next(m for m in found if m.field == "credit")
    assert str(prose) == "#0 [editors note]: [Editor’s note: spoilers.]"
    assert str(caption) == "#4 [credit]: Image via Netflix"
    assert prose.speaker is None


def test_literal_patterns_are_escaped() -> None:
    iv = Interview(
        speakers=(COLLIDER,),
        body=(Turn(speaker="collider", text="Version 1.0 (beta) cost $5, not 100."),),
    )
    assert [m.matched for m in iv.search("1.0")] == ["1.0"]
    assert [m.matched for m in iv.search("(beta)")] == ["(beta)"]
    assert [m.matched for m in iv.search("$5")] == ["$5"]
    assert [m.matched for m in iv.search("1.0", regex=True)] == ["1.0", "100"]


def test_regular_expressions() -> None:
    iv = Interview(
        speakers=(COLLIDER,),
        body=(Turn(speaker="collider", text="Season 1, Season 2 and season 3."),),
    )
    assert [m.matched for m in iv.search(r"season \d", regex=True)] == [
        "Season 1",
        "Season 2",
        "season 3",
    ]
    assert [m.matched for m in iv.search(r"(?-i:S)eason \d", regex=True)] == [
        "Season 1",
        "Season 2",
    ]
    # Leading global flags survive the whole-word wrapping.
    assert [
        m.matched for m in iv.search(r"(?i)seas", regex=True, whole_word=True)
    ] == []
    assert [
        m.matched
        for m in iv.search(r"(?x) season \  3  # the last", regex=True, whole_word=True)
    ] == ["season 3"]
    # Only flags at the very start are lifted, not look-alikes in a class.
    classes = Interview(speakers=(COLLIDER,), body=(turn("collider", "i x ix"),))
    assert [
        m.matched for m in classes.search(r"[(?i)x]", regex=True, whole_word=True)
    ] == [
        "i",
        "x",
    ]
    # A match of no characters is not a match.
    assert [m.matched for m in iv.search(r"x*", regex=True)] == []
    assert [m.matched for m in iv.search(r"\d|x*", regex=True)] == ["1", "2", "3"]


def test_whole_word_works_next_to_punctuation() -> None:
    iv = Interview(
        speakers=(COLLIDER,),
        body=(Turn(speaker="collider", text="C++ and C, or Cami? (C++)"),),
    )
    assert [m.start for m in iv.search("C++", whole_word=True)] == [0, 21]
    assert [m.start for m in iv.search("c", whole_word=True)] == [0, 8, 21]


def test_invalid_patterns_raise_pattern_error() -> None:
    with pytest.raises(PatternError) as caught:
        TALK.search("(unclosed", regex=True)
    assert isinstance(caught.value, ValueError)
    assert caught.value.position == 0
    assert str(caught.value) == (
        "invalid regular expression '(unclosed': "
        "missing ), unterminated subpattern at position 0"
    )
    assert isinstance(caught.value.__cause__, re.error)
    with pytest.raises(PatternError, match="empty"):
        TALK.search("")
    with pytest.raises(TypeError, match="not bytes"):
        TALK.search(b"star")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="context must not be negative"):
        TALK.search("star", context=-1)
    copy = pickle.loads(pickle.dumps(caught.value))
    assert (str(copy), copy.pattern, copy.position) == (
        str(caught.value),
        "(unclosed",
        0,
    )


@pytest.mark.parametrize(
    ("text", "pattern", "context", "snippet"),
    [
        ("one two three four five", "three", 4, "…two three…"),
        ("one two three four five", "three", 5, "…two three four…"),
        ("one two three four five", "three", 8, "one two three four…"),
        ("one two three four five", "three", 10, "one two three four five"),
        ("one two three four five", "three", 0, "…three…"),
        ("onetwothreefourfive", "three", 3, "…twothreefou…"),
        ("line one\nline\u2028two\x85end", "two", 20, "line one line two end"),
        ("  padded  ", "padded", 5, "padded"),
    ],
)
def test_snippets_cut_at_white_space_and_stay_on_one_line(
    text: str, pattern: str, context: int, snippet: str
) -> None:
    iv = Interview(speakers=(COLLIDER,), body=(Turn(speaker="collider", text=text),))
    (match,) = iv.search(pattern, context=context)
    assert match.snippet == snippet


def test_matches_are_frozen_values() -> None:
    (match,) = TALK.search("amazing")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        match.start = 0  # type: ignore[misc]
    assert match == TALK.search("amazing")[0]


# --- qa_pairs() --------------------------------------------------------------


def test_each_question_with_its_answer() -> None:
    pairs = TALK.qa_pairs()
    assert [(p.question_index, p.answer_indices) for p in pairs] == [
        (1, (2,)),
        (3, (5,)),
        (7, ()),
    ]
    assert pairs[1].question is TALK.body[3]
    assert pairs[1].answer is TALK.body[5]
    assert pairs[2].answer is None
    assert pairs[1].indices == (3, 5)


def turn(speaker: str, text: str = "…") -> Turn:
    return Turn(speaker=speaker, text=text)


def pairs_of(iv: Interview) -> list[tuple[int, tuple[int, ...]]]:
    return [(pair.question_index, pair.answer_indices) for pair in iv.qa_pairs()]


def test_several_interviewers_and_interviewees() -> None:
    iv = Interview(
        speakers=(
            Speaker(id="a", name="A", role=Role.INTERVIEWER),
            Speaker(id="b", name="B", role=Role.MODERATOR),
            Speaker(id="x", name="X", role=Role.INTERVIEWEE),
            Speaker(id="y", name="Y", role=Role.PANELIST),
            Speaker(id="t", name="T", role=Role.INTERPRETER),
        ),
        body=(
            turn("x"),  # before any question: in no pair
            turn("a"),
            turn("t"),  # an interpreter neither asks nor answers
            turn("x"),
            ImageCaption(credit="Photo: AP"),
            turn("y"),
            turn("b"),
            turn("a"),
            turn("y"),
        ),
    )
    assert pairs_of(iv) == [(1, (3, 5)), (6, ()), (7, (8,))]


def test_without_roles_the_first_speaker_asks() -> None:
    iv = Interview(
        speakers=(
            Speaker(id="x", name="X"),
            Speaker(id="q", name="Q"),
            Speaker(id="z", name="Z"),
        ),
        body=(turn("q"), turn("x"), turn("z"), turn("q"), turn("x")),
    )
    assert pairs_of(iv) == [(0, (1, 2)), (3, (4,))]


def test_speakers_without_a_role_take_the_part_left_to_them() -> None:
    answering = Interview(
        speakers=(Speaker(id="q", name="Q", role=Role.HOST), Speaker(id="x", name="X")),
        body=(turn("x"), turn("q"), turn("x")),
    )
    assert pairs_of(answering) == [(1, (2,))]
    asking = Interview(
        speakers=(
            Speaker(id="q", name="Q"),
            Speaker(id="x", name="X", role=Role.GUEST),
        ),
        body=(turn("x"), turn("q"), turn("x")),
    )
    assert pairs_of(asking) == [(1, (2,))]
    narrated = Interview(
        speakers=(
            Speaker(id="n", name="N", role=Role.NARRATOR),
            Speaker(id="q", name="Q"),
            Speaker(id="x", name="X"),
        ),
        body=(turn("n"), turn("q"), turn("x"), turn("n"), turn("x")),
    )
    assert pairs_of(narrated) == [(1, (2, 4))]


def test_no_turns_no_pairs() -> None:
    assert Interview(speakers=(COLLIDER,), body=(Prose(text="Hi."),)).qa_pairs() == ()


# --- counting ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", 0),
        ("It’s", 1),
        ("don't", 1),
        ("ʼtis", 1),
        ("1-on-1", 1),
        ("Emily-Gabriel", 1),
        ("2020", 1),
        ("10:30", 1),
        ("3.5 million", 2),
        ("U.S.", 1),
        ("and/or", 1),
        ("word—word", 2),
        ("word – word", 2),
        ("1990–2000", 2),
        ("word--word", 2),
        ("wait…what", 2),
        ("wait...what", 2),
        ("— – - -- … ... ! ? & * 🙂", 0),
        ("(Lily Collins)", 2),
        ("“Just follow your passion.”", 4),
        ("Zoë émigré", 2),
        ("日本語", 1),
        ("one\u2028two\x85three\u00a0four", 4),
        ("a\u200bb", 1),
        ("_ __ ___", 0),
        ("__init__", 1),
    ],
)
def test_count_words_like_a_reader(text: str, words: int) -> None:
    assert count_words(text) == words


def test_word_counts_and_stats() -> None:
    assert TALK.word_counts() == {"collider": 12, "darren-star": 22}
    silent = Interview(speakers=CAST, body=(turn("collider", "Hello?"),))
    assert silent.word_counts() == {"collider": 1, "darren-star": 0}
    summary = TALK.stats()
    assert (summary.turns, summary.words) == (5, 34)
    collider, star = summary.speakers
    assert (collider.speaker, collider.turns, collider.words) == (COLLIDER, 3, 12)
    assert (star.speaker, star.turns, star.words) == (DARREN_STAR, 2, 22)
    assert star.share == pytest.approx(22 / 34)
    assert star.mean_turn_words == 11.0
    assert collider.mean_turn_words == 4.0


def test_stats_of_silence_are_zero_not_an_error() -> None:
    summary = Interview(speakers=CAST, body=(turn("collider", "—"),)).stats()
    assert summary.words == 0
    assert [(s.turns, s.share, s.mean_turn_words) for s in summary.speakers] == [
        (1, 0.0, 0.0),
        (0, 0.0, 0.0),
    ]


# --- excerpt() ---------------------------------------------------------------


def test_excerpt_by_indices_keeps_body_order_and_the_remaining_cast() -> None:
    cut = TALK.excerpt([5, 0, 5, -1])
    assert cut.body == (TALK.body[0], TALK.body[5], TALK.body[7])
    assert cut.speakers == CAST
    assert (cut.title, cut.metadata) == (TALK.title, TALK.metadata)
    only_star = TALK.excerpt([2, 4])
    assert only_star.speakers == (DARREN_STAR,)
    assert TALK.excerpt([]).speakers == ()


def test_excerpt_by_slice_range_or_predicate() -> None:
    assert TALK.excerpt(slice(3, 6)).body == TALK.body[3:6]
    assert TALK.excerpt(slice(None, None, -2)).body == TALK.body[1::2]
    assert TALK.excerpt(range(2)).body == TALK.body[:2]
    stars = TALK.excerpt(
        lambda block: isinstance(block, Turn) and block.speaker == "darren-star"
    )
    assert stars.turns == TALK.turns_by("star")
    assert stars.speakers == (DARREN_STAR,)


def test_excerpt_of_the_qa_pairs_matching_a_search() -> None:
    wanted = {match.index for match in TALK.search("Versailles")}
    indices = [
        i
        for pair in TALK.qa_pairs()
        if pair.question_index in wanted
        for i in pair.indices
    ]
    assert TALK.excerpt(indices).body == (TALK.body[3], TALK.body[5])


def test_excerpt_refuses_bad_indices() -> None:
    with pytest.raises(IndexError, match="block index 8 is out of range for 8 blocks"):
        TALK.excerpt([8])
    with pytest.raises(IndexError):
        TALK.excerpt([-9])
    with pytest.raises(TypeError, match="not bool"):
        TALK.excerpt([True])
    with pytest.raises(TypeError, match="not a str"):
        TALK.excerpt("123")  # type: ignore[arg-type]


# --- properties over generated interviews --------------------------------------


def fold(text: str) -> str:
    """Case, accents and spacing removed, applied until nothing changes."""
    while True:
        decomposed = unicodedata.normalize("NFKD", text)
        folded = "".join(
            c for c in decomposed if not unicodedata.combining(c)
        ).casefold()
        if folded == text:
            return " ".join(folded.split())
        text = folded


@given(interviews())
def test_turns_by_every_speaker_partitions_the_turns(iv: Interview) -> None:
    by_speaker = [iv.turns_by(speaker) for speaker in iv.speakers]
    assert sum(len(turns) for turns in by_speaker) == len(iv.turns)
    for speaker, turns in zip(iv.speakers, by_speaker, strict=True):
        assert all(turn.speaker == speaker.id for turn in turns)
        assert turns == tuple(t for t in iv.turns if t.speaker == speaker.id)
        assert iv.turns_by(speaker.id) == turns
    assert iv.turns_by(*iv.speakers) == iv.turns


@given(interviews())
def test_speaker_finds_every_speaker_by_each_unambiguous_label(iv: Interview) -> None:
    for speaker in iv.speakers:
        assert iv.speaker(speaker.id) is speaker
        for label in (speaker.name, *speaker.aliases):
            others = [
                other
                for other in iv.speakers
                if other.id != speaker.id
                and any(
                    fold(key) == fold(label)
                    for key in (other.id, other.name, *other.aliases)
                )
            ]
            if not others:
                assert iv.speaker(label) is speaker


@given(interviews(), texts())
def test_speaker_returns_a_speaker_the_key_names_or_raises(
    iv: Interview, key: str
) -> None:
    try:
        found: Speaker | SpeakerLookupError = iv.speaker(key)
    except SpeakerLookupError as error:
        found = error
    if isinstance(found, SpeakerLookupError):
        assert found.key == key
        assert set(found.candidates) <= {speaker.id for speaker in iv.speakers}
    else:
        assert found in iv.speakers
        labels = (found.id, found.name, *found.aliases)
        assert any(fold(label) == fold(key) for label in labels)


@given(interviews())
def test_word_counts_sum_to_the_total(iv: Interview) -> None:
    counts = iv.word_counts()
    assert list(counts) == [speaker.id for speaker in iv.speakers]
    summary = iv.stats()
    assert sum(counts.values()) == summary.words
    assert summary.words == sum(count_words(turn.text) for turn in iv.turns)
    assert summary.turns == len(iv.turns) == sum(s.turns for s in summary.speakers)
    assert [s.words for s in summary.speakers] == list(counts.values())
    shares = sum(s.share for s in summary.speakers)
    assert shares == pytest.approx(1.0 if summary.words else 0.0)


@given(texts(), texts())
def test_words_on_either_side_of_a_space_or_a_dash_add_up(
    left: str, right: str
) -> None:
    for separator in (" ", "\n", "—", "–", " -- "):
        assert count_words(left + separator + right) == count_words(left) + count_words(
            right
        )


@st.composite
def searches(draw: st.DrawFn) -> tuple[Interview, str]:
    iv = draw(interviews())
    sources = [turn.text for turn in iv.turns if turn.text]
    if sources and draw(st.booleans()):
        source = draw(st.sampled_from(sources))
        start = draw(st.integers(0, len(source) - 1))
        end = draw(st.integers(start + 1, min(len(source), start + 8)))
        pattern = source[start:end]
    else:
        pattern = draw(texts(min_size=1))
    return iv, pattern


@given(searches(), st.booleans())
def test_every_match_points_at_text_that_matches(
    case: tuple[Interview, str], whole_word: bool
) -> None:
    iv, pattern = case
    matches = iv.search(
        pattern, whole_word=whole_word, include_prose=True, include_captions=True
    )
    for match in matches:
        assert iv.body[match.index] is match.block
        text = getattr(match.block, match.field)
        assert 0 <= match.start < match.end <= len(text)
        assert re.fullmatch(re.escape(pattern), match.matched, re.IGNORECASE)
        if whole_word:
            assert not re.match(r"\w", text[match.end : match.end + 1])
            assert not re.match(
                r"\w", text[match.start - 1 : match.start] if match.start else ""
            )
        if isinstance(match.block, Turn):
            assert match.speaker == iv.speaker(match.block.speaker)
        else:
            assert match.speaker is None
        line = str(match)
        assert not any(char.isspace() and char != " " for char in line)
        if match.matched.strip():
            assert " ".join(match.matched.split()) in match.snippet


@given(searches())
def test_a_case_sensitive_literal_search_finds_every_occurrence(
    case: tuple[Interview, str],
) -> None:
    iv, pattern = case
    matches = iv.search(pattern, ignore_case=False)
    assert len(matches) == sum(turn.text.count(pattern) for turn in iv.turns)
    assert all(match.matched == pattern for match in matches)


@given(st.data())
def test_an_excerpt_is_always_valid(data: st.DataObject) -> None:
    iv = data.draw(interviews())
    size = len(iv.body)
    indices = data.draw(
        st.lists(st.integers(-size, size - 1), max_size=size) if size else st.just([])
    )
    cut = iv.excerpt(indices)
    assert attrs.evolve(cut) == cut
    kept = sorted({index % size for index in indices}) if size else []
    assert cut.body == tuple(iv.body[index] for index in kept)
    assert (cut.title, cut.metadata) == (iv.title, iv.metadata)
    speaking = {turn.speaker for turn in cut.turns}
    assert cut.speakers == tuple(s for s in iv.speakers if s.id in speaking)
    assert ik.loads(ik.dumps(cut, format="json"), format="json") == cut


@given(interviews())
def test_qa_pairs_are_ordered_and_answers_sit_between_questions(iv: Interview) -> None:
    pairs = iv.qa_pairs()
    questions = [pair.question_index for pair in pairs]
    assert questions == sorted(set(questions))
    bounds = [*questions[1:], len(iv.body)] if questions else []
    for pair, bound in zip(pairs, bounds, strict=True):
        assert iv.body[pair.question_index] is pair.question
        assert all(pair.question_index < index < bound for index in pair.answer_indices)
        assert tuple(iv.body[index] for index in pair.answer_indices) == pair.answers
        # A turn by an asking speaker is always a question, never an answer.
        assert all(answer.speaker != pair.question.speaker for answer in pair.answers)


@given(interviews(), texts(min_size=1), st.booleans())
@example(TALK, r"(?x) one \  day  # a comment", True)
@example(TALK, r"(?i)[(?i)]", True)
@example(TALK, r"\d*", False)
@example(TALK, r"(unclosed", True)
@example(TALK, "[---", False)
def test_a_regex_search_finds_what_re_finds_or_raises_pattern_error(
    iv: Interview, pattern: str, whole_word: bool
) -> None:
    # re warns about some valid patterns ("[--" may one day mean a set
    # difference); that warning is Python's advice to the caller, not ours.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            compiled = re.compile(pattern, re.IGNORECASE)
        except re.error:
            with pytest.raises(PatternError):
                iv.search(pattern, regex=True, whole_word=whole_word)
            return
        matches = iv.search(pattern, regex=True, whole_word=whole_word)
    if whole_word:
        for match in matches:
            text = match.text
            assert not re.match(r"\w", text[match.end : match.end + 1])
            assert not (match.start and re.match(r"\w", text[match.start - 1]))
        return
    expected = [
        (index, found.span())
        for index, block in enumerate(iv.body)
        if isinstance(block, Turn)
        for found in compiled.finditer(block.text)
        if found.end() > found.start()
    ]
    assert [(match.index, (match.start, match.end)) for match in matches] == expected
