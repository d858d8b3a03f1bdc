"""read_many: every kind of source, the id rule, the error modes, options per
format, worker processes, and laziness."""

from __future__ import annotations

import io
import pickle
import tarfile
import warnings
import zipfile
from pathlib import Path

import pytest

import interviewkit as ik
from tests.generated import interview, transcript, write_corpus
from tests.samples import SEED

BAD_JSON = '{"format": "interviewkit",\n oops}'
NO_SPEECH = "Just a paragraph, no one speaking.\n"


def _tree(root: Path) -> Path:
    """A small corpus with nested folders, hidden files and other files."""
    (root / "2021" / "spring").mkdir(parents=True)
    (root / "2022").mkdir()
    (root / ".cache").mkdir()
    (root / "a.txt").write_text(transcript(interview(0)), encoding="utf-8")
    (root / "2021" / "b.md").write_text(
        ik.dumps(interview(1), format="markdown"), encoding="utf-8"
    )
    (root / "2021" / "spring" / "c.txt").write_text(
        transcript(interview(2)), encoding="utf-8"
    )
    ik.write(interview(3), root / "2022" / "d.json")
    (root / "2022" / "photo.png").write_bytes(b"\x89PNG")
    (root / ".hidden.txt").write_text("Q: hidden\n", encoding="utf-8")
    (root / ".cache" / "e.txt").write_text("Q: cached\n", encoding="utf-8")
    return root


IDS = ["2021/b.md", "2021/spring/c.txt", "2022/d.json", "a.txt"]


def test_a_folder_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    root = _tree(tmp_path / "talks")
    entries = list(ik.read_many(root))
    assert [entry.id for entry in entries] == IDS
    assert [Path(entry.path) for entry in entries] == [
        root / "2021" / "b.md",
        root / "2021" / "spring" / "c.txt",
        root / "2022" / "d.json",
        root / "a.txt",
    ]
    assert entries[2].interview == interview(3)
    assert [turn.text for turn in entries[3].interview.turns] == [
        turn.text for turn in interview(0).turns
    ]


def test_ids_are_stable_and_relative_to_the_source(tmp_path: Path) -> None:
    root = _tree(tmp_path / "talks")
    moved = _tree(tmp_path / "elsewhere" / "copy")
    assert [e.id for e in ik.read_many(root)] == [e.id for e in ik.read_many(moved)]
    assert ik.read_many(root).count() == 4
    assert [identifier for identifier, _ in ik.read_many(root).files()] == IDS


def test_suffixes_choose_the_files(tmp_path: Path) -> None:
    root = _tree(tmp_path / "talks")
    assert [e.id for e in ik.read_many(root, suffixes=[".TXT"])] == [
        "2021/spring/c.txt",
        "a.txt",
    ]
    assert [e.id for e in ik.read_many(root, format="json")] == ["2022/d.json"]


def test_a_glob_is_relative_to_its_folder_part(tmp_path: Path) -> None:
    root = _tree(tmp_path / "talks")
    entries = list(ik.read_many(str(root / "**" / "*.txt")))
    assert [entry.id for entry in entries] == ["2021/spring/c.txt", "a.txt"]
    assert [e.id for e in ik.read_many(str(root / "202?" / "*"))] == [
        "2021/b.md",
        "2022/d.json",
    ]


def test_a_list_of_paths_keeps_its_order(tmp_path: Path) -> None:
    root = _tree(tmp_path / "talks")
    paths = [root / "a.txt", root / "2022" / "d.json"]
    assert [e.id for e in ik.read_many(paths, root=root)] == ["a.txt", "2022/d.json"]
    given = [e.id for e in ik.read_many([str(p) for p in paths])]
    assert given == [p.as_posix() for p in paths]


def test_a_list_of_paths_may_not_repeat_an_id(tmp_path: Path) -> None:
    root = _tree(tmp_path / "talks")
    with pytest.raises(ValueError, match=r"would both have the id 'a\.txt'"):
        ik.read_many([root / "a.txt", root / "." / "a.txt"], root=root)
    with pytest.raises(ValueError, match="is not under root"):
        ik.read_many([root / "a.txt"], root=root / "2021")
    with pytest.raises(TypeError, match="root= is for a list"):
        ik.read_many(root, root=root)


def test_a_single_file_is_a_corpus_of_one() -> None:
    [entry] = ik.read_many(SEED)
    assert entry.id == SEED.name
    assert entry.interview == ik.read(SEED)


def _archive_members(root: Path) -> list[tuple[str, bytes]]:
    return [
        (identifier, Path(path).read_bytes())
        for identifier, path in ik.read_many(root).files()
    ]


@pytest.mark.parametrize("suffix", [".zip", ".tar", ".tar.gz", ".tar.xz"])
def test_an_archive_reads_like_its_folder(tmp_path: Path, suffix: str) -> None:
    root = _tree(tmp_path / "talks")
    archive = tmp_path / f"talks{suffix}"
    members = [*_archive_members(root), ("__MACOSX/._a.txt", b"junk")]
    if suffix == ".zip":
        with zipfile.ZipFile(archive, "w") as zipped:
            zipped.writestr("notes.png", b"\x89PNG")
            for name, data in members:
                zipped.writestr(name, data)
    else:
        mode = {".tar": "w", ".tar.gz": "w:gz", ".tar.xz": "w:xz"}[suffix]
        with tarfile.open(archive, mode) as tarred:
            for name, data in members:
                info = tarfile.TarInfo(f"./{name}")
                info.size = len(data)
                tarred.addfile(info, io.BytesIO(data))
    from_archive = list(ik.read_many(archive))
    assert [entry.id for entry in from_archive] == IDS
    assert (
        from_archive[0].path == f"{archive}/{'' if suffix == '.zip' else './'}2021/b.md"
    )
    assert [e.interview for e in from_archive] == [
        e.interview for e in ik.read_many(root)
    ]
    assert ik.read_many(archive).count() == 4


def test_an_archive_member_may_not_lead_out_of_it(tmp_path: Path) -> None:
    archive = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("../../escape.txt", transcript(interview(0)))
        zipped.writestr("fine.txt", transcript(interview(1)))
    corpus = ik.read_many(archive, errors="collect")
    assert [entry.id for entry in corpus] == ["fine.txt"]
    [error] = corpus.errors
    assert "unsafe member name '../../escape.txt'" in str(error)


def _with_bad_files(root: Path) -> Path:
    write_corpus(root, 12)
    (root / "0000" / "000002.json").write_text(BAD_JSON, encoding="utf-8")
    (root / "0000" / "000005.txt").write_bytes(b"Q: caf\xe9?\n")
    return root


def test_errors_raise_stops_at_the_first_bad_file(tmp_path: Path) -> None:
    root = _with_bad_files(tmp_path / "talks")
    read = []
    corpus = iter(ik.read_many(root))
    read.append(next(corpus).id)
    read.append(next(corpus).id)
    with pytest.raises(ik.ParseError) as caught:
        next(corpus)
    assert read == ["0000/000000.txt", "0000/000001.md"]
    assert str(caught.value).startswith(f"{root / '0000' / '000002.json'}:2:2: json:")


def test_errors_skip_and_collect_go_on(tmp_path: Path) -> None:
    root = _with_bad_files(tmp_path / "talks")
    skipped = ik.read_many(root, errors="skip")
    assert len(list(skipped)) == 10
    assert skipped.errors == ()
    collected = ik.read_many(root, errors="collect")
    assert len(list(collected)) == 10
    assert [str(error) for error in collected.errors] == [
        f"{root / '0000' / '000002.json'}:2:2: json: expecting property name "
        "enclosed in double quotes",
        f"{root / '0000' / '000005.txt'}:1:7: text: not UTF-8: byte 0xe9 cannot be "
        "decoded; pass encoding= (for example encoding='cp1252')",
    ]
    assert [error.id for error in collected.errors] == [
        "0000/000002.json",
        "0000/000005.txt",
    ]
    assert all(isinstance(e.error, ik.ParseError) for e in collected.errors)
    # Each pass starts again.
    assert len(list(collected)) == 10
    assert len(collected.errors) == 2


def test_a_file_that_cannot_be_read_is_an_error_of_its_own(tmp_path: Path) -> None:
    paths = [tmp_path / "missing.txt", SEED]
    corpus = ik.read_many(paths, errors="collect")
    assert [entry.id for entry in corpus] == [SEED.as_posix()]
    [error] = corpus.errors
    assert isinstance(error.error, FileNotFoundError)
    assert (
        str(error)
        == f"{tmp_path / 'missing.txt'}: cannot read: No such file or directory"
    )


def test_each_reader_gets_only_the_options_its_format_honours(tmp_path: Path) -> None:
    root = tmp_path / "talks"
    root.mkdir()
    (root / "a.txt").write_text("Why Paris?\n\nANN LEE: Why not?\n", encoding="utf-8")
    ik.write(interview(3), root / "b.json")
    with pytest.raises(TypeError, match="json reader takes no option"):
        ik.read(root / "b.json", interviewer="Collider")
    first, second = ik.read_many(root, interviewer="Collider")
    assert [s.name for s in first.interview.speakers] == ["Collider", "Ann Lee"]
    assert second.interview == interview(3)
    options = ik.ReadOptions(interviewer="Collider", strict=True)
    assert [e.id for e in ik.read_many(root, options=options)] == ["a.txt", "b.json"]


def test_strict_turns_a_warning_into_a_collected_error(tmp_path: Path) -> None:
    root = tmp_path / "talks"
    root.mkdir()
    (root / "prose.txt").write_text(NO_SPEECH, encoding="utf-8")
    ik.write(interview(3), root / "talk.json")
    corpus = ik.read_many(root, strict=True, errors="collect")
    assert [entry.id for entry in corpus] == ["talk.json"]
    assert "no speech found" in str(corpus.errors[0])


@pytest.mark.parametrize("jobs", [1, 2])
def test_what_a_reader_reports_is_warned_and_kept(tmp_path: Path, jobs: int) -> None:
    root = tmp_path / "talks"
    root.mkdir()
    (root / "prose.txt").write_text(NO_SPEECH, encoding="utf-8")
    with pytest.warns(ik.ReadWarning, match="no speech found") as caught:
        [entry] = ik.read_many(root, jobs=jobs)
    assert str(caught[0].message).startswith(f"{root / 'prose.txt'}:1:1: text:")
    assert caught[0].filename == __file__
    [kept] = entry.warnings
    assert isinstance(kept, ik.ReadWarning)
    assert kept.source == str(root / "prose.txt")


def test_worker_processes_give_the_same_corpus(tmp_path: Path) -> None:
    root = _with_bad_files(tmp_path / "talks")
    one = ik.read_many(root, errors="collect")
    two = ik.read_many(root, errors="collect", jobs=2)
    assert list(two) == list(one)
    assert [str(e) for e in two.errors] == [str(e) for e in one.errors]
    with pytest.raises(ik.ParseError, match=r"000002\.json:2:2"):
        list(ik.read_many(root, jobs=2))


def test_entries_and_errors_pickle(tmp_path: Path) -> None:
    root = _with_bad_files(tmp_path / "talks")
    corpus = ik.read_many(root, errors="collect")
    entries = list(corpus)
    assert pickle.loads(pickle.dumps(entries)) == entries
    for error in corpus.errors:
        again = pickle.loads(pickle.dumps(error))
        assert str(again) == str(error)
        assert again.error.line == error.error.line  # type: ignore[attr-defined]
    warning = ik.ReadWarning("no speech", format="text", line=1, column=1, source="a")
    assert str(pickle.loads(pickle.dumps(warning))) == str(warning)


def test_reading_is_lazy(tmp_path: Path) -> None:
    root = _with_bad_files(tmp_path / "talks")
    corpus = ik.read_many(root)  # the bad files are never reached
    first = next(iter(corpus))
    assert first.id == "0000/000000.txt"
    for jobs in (1, 2):
        entries = iter(ik.read_many(root, jobs=jobs))
        assert next(entries).id == "0000/000000.txt"
        entries.close()  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("arguments", "error", "message"),
    [
        ({"errors": "ignore"}, ValueError, "errors must be"),
        ({"jobs": 0}, ValueError, "jobs must be an int of 1 or more"),
        ({"format": "pdf"}, ik.FormatError, "unknown format 'pdf'"),
        ({"encoding": "klingon"}, LookupError, "klingon"),
        ({"speaker": "Ann"}, TypeError, "unknown reading option 'speaker'"),
    ],
)
def test_bad_arguments_fail_before_reading(
    arguments: dict[str, object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        ik.read_many("seeds", **arguments)  # type: ignore[arg-type]


def test_a_missing_source_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        ik.read_many(tmp_path / "nowhere")
    assert list(ik.read_many(str(tmp_path / "*.txt"))) == []


def test_no_warning_escapes_a_clean_corpus(tmp_path: Path) -> None:
    write_corpus(tmp_path, 30)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert len(list(ik.read_many(tmp_path, jobs=2))) == 30


def test_a_list_of_the_corpus_lists_the_files_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_corpus(tmp_path, 5)
    corpus = ik.read_many(tmp_path)
    listed = []
    sources = corpus._listing.sources  # type: ignore[attr-defined]

    def counted(*, data: bool):  # type: ignore[no-untyped-def]
        listed.append(data)
        return sources(data=data)

    monkeypatch.setattr(corpus._listing, "sources", counted)  # type: ignore[attr-defined]
    assert len(list(corpus)) == 5
    assert listed == [True]
