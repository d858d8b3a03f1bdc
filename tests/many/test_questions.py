"""Questions across a corpus agree with the same questions asked of each
interview: search, words and shares per speaker and role, Q&A pairs."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import interviewkit as ik
from interviewkit.corpus._questions import corpus_qa_pairs, corpus_search, corpus_stats
from tests.generated import write_corpus
from tests.strategies import tabular_interviews

# Counting needs words, spaces and names more than hostile characters, which
# are costly to draw (the single-interview queries are proven on those).
PLAIN = st.text(alphabet="ab é:*-—\n", max_size=24)
corpora = st.lists(tabular_interviews(text=PLAIN), max_size=4).map(
    lambda found: [
        ik.CorpusEntry(id=f"{index}.json", path=f"c/{index}.json", interview=iv)
        for index, iv in enumerate(found)
    ]
)


def _stats_add_up(entries: list[ik.CorpusEntry]) -> None:
    summary = corpus_stats(entries)
    assert summary.interviews == len(entries)
    each = [entry.interview.stats() for entry in entries]
    assert summary.turns == sum(stats.turns for stats in each)
    assert summary.words == sum(stats.words for stats in each)
    words: Counter[str] = Counter()
    roles: Counter[ik.Role | None] = Counter()
    for stats in each:
        for figures in stats.speakers:
            words[" ".join(figures.speaker.name.split())] += figures.words
            roles[figures.speaker.role] += figures.words
    assert {entry.name: entry.words for entry in summary.speakers} == dict(words)
    assert {entry.role: entry.words for entry in summary.roles} == dict(roles)
    assert [entry.words for entry in summary.speakers] == sorted(
        (entry.words for entry in summary.speakers), reverse=True
    )
    if summary.words:
        assert sum(entry.share for entry in summary.roles) == pytest.approx(1.0)
        assert sum(entry.share for entry in summary.speakers) == pytest.approx(1.0)
    assert sum(entry.speakers for entry in summary.roles) == sum(
        len(entry.interview.speakers) for entry in entries
    )


def _qa_pairs_are_each_interviews(entries: list[ik.CorpusEntry]) -> None:
    found = list(corpus_qa_pairs(entries))
    assert [(pair.interview_id, pair.pair) for pair in found] == [
        (entry.id, pair) for entry in entries for pair in entry.interview.qa_pairs()
    ]
    for pair in found:
        assert pair.asker.id == pair.pair.question.speaker
        assert [s.id for s in pair.answerers] == [t.speaker for t in pair.pair.answers]


def _search_finds_what_each_interview_finds(
    entries: list[ik.CorpusEntry], pattern: str
) -> None:
    hits = list(corpus_search(entries, pattern, include_prose=True))
    assert [(hit.interview_id, hit.match) for hit in hits] == [
        (entry.id, match)
        for entry in entries
        for match in entry.interview.search(pattern, include_prose=True)
    ]
    for hit in hits:
        assert str(hit) == f"{hit.path}:{hit.match}"


@given(corpora, st.sampled_from(["a", "the", "é", ":", "*"]))
def test_a_corpus_answers_as_its_interviews_do(
    entries: list[ik.CorpusEntry], pattern: str
) -> None:
    _stats_add_up(entries)
    _qa_pairs_are_each_interviews(entries)
    _search_finds_what_each_interview_finds(entries, pattern)


def test_a_speaker_is_looked_up_in_each_interview(tmp_path: Path) -> None:
    write_corpus(tmp_path, 40)
    corpus = ik.read_many(tmp_path)
    hits = list(corpus.search("paris", speaker="Darren Star"))
    assert hits
    assert {hit.match.speaker.name for hit in hits} == {"Darren Star"}  # type: ignore[union-attr]
    with_star = {
        entry.id
        for entry in corpus
        if any(s.name == "Darren Star" for s in entry.interview.speakers)
    }
    assert {hit.interview_id for hit in hits} <= with_star


def test_an_ambiguous_speaker_names_its_interview(tmp_path: Path) -> None:
    iv = ik.Interview(
        speakers=[
            ik.Speaker(id="a", name="Ann Lee"),
            ik.Speaker(id="b", name="Ann Lee"),
        ],
        body=[ik.Turn(speaker="a", text="Hello.")],
    )
    ik.write(iv, tmp_path / "two.json")
    with pytest.raises(ik.SpeakerLookupError, match=r"two\.json: speaker 'Ann Lee'"):
        list(ik.read_many(tmp_path).search("hello", speaker="Ann Lee"))


def test_a_bad_pattern_fails_before_any_file_is_read(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    with pytest.raises(ik.PatternError):
        next(ik.read_many(tmp_path).search("(", regex=True))
    with pytest.raises(ValueError, match="context"):
        next(ik.read_many(tmp_path).search("a", context=-1))


def test_one_name_in_many_interviews_is_one_speaker(tmp_path: Path) -> None:
    write_corpus(tmp_path, 50)
    summary = ik.read_many(tmp_path, jobs=2).stats()
    names = {entry.name: entry for entry in summary.speakers}
    assert sum(entry.interviews for entry in summary.speakers) == 100
    assert names["Collider"].interviews > 1
    assert [str(entry.role) for entry in summary.roles] == [
        "interviewer",
        "interviewee",
    ]
    assert [entry.speakers for entry in summary.roles] == [50, 50]
    assert summary.turns == 400
