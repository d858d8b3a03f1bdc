"""Files: a write replaces its target whole or not at all, and a read stops
at a bound.

Faults are injected where the bytes go to disk (``os.write``, ``os.fsync``,
``os.replace``), and a process is killed while it writes; the tests
synchronise with the process through a pipe, never with the clock.
"""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import interviewkit as ik
from interviewkit.cli import EXIT_BAD_DATA, EXIT_IO_ERROR, EXIT_OK, main
from tests.samples import SAMPLE

OLD = b'{"old": "content the write must leave intact"}\n'
# Large enough that the writer writes it in several pieces.
BIG = ik.Interview(
    speakers=SAMPLE.speakers,
    body=[ik.Turn(speaker="collider", text="x" * 1000)] * 1500,
)

posix_only = pytest.mark.skipif(os.name != "posix", reason="FIFOs and devices")


def leftovers(folder: Path, keep: str) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name != keep)


@pytest.fixture
def target(tmp_path: Path) -> Path:
    path = tmp_path / "talk.json"
    path.write_bytes(OLD)
    return path


# --- Atomic writes ---


def test_write_replaces_the_file(target: Path) -> None:
    ik.write(SAMPLE, target)
    assert ik.read(target) == SAMPLE
    assert leftovers(target.parent, target.name) == []


def fail_after(calls: int, error: BaseException) -> Callable[..., Any]:
    """An ``os.write`` that writes ``calls`` times, then fails as a full disk."""
    real = os.write
    count = 0

    def write(fd: int, data: Any) -> int:
        nonlocal count
        count += 1
        if count > calls:
            raise error
        return real(fd, data)

    return write


@pytest.mark.parametrize(
    "error",
    [OSError(errno.ENOSPC, "No space left on device"), KeyboardInterrupt()],
    ids=["disk-full", "interrupted"],
)
def test_a_write_that_fails_midway_leaves_the_old_file(
    target: Path, monkeypatch: pytest.MonkeyPatch, error: BaseException
) -> None:
    monkeypatch.setattr(os, "write", fail_after(1, error))
    with pytest.raises(type(error)):
        ik.write(BIG, target)
    monkeypatch.undo()
    assert target.read_bytes() == OLD
    assert leftovers(target.parent, target.name) == []


@pytest.mark.parametrize("step", ["fsync", "replace"])
def test_a_failure_after_the_data_leaves_the_old_file(
    target: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    def fail(*args: Any) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, step, fail)
    with pytest.raises(OSError, match="Input/output error"):
        ik.write(SAMPLE, target)
    monkeypatch.undo()
    assert target.read_bytes() == OLD
    assert leftovers(target.parent, target.name) == []


def test_a_failed_write_of_a_new_file_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "write", fail_after(0, OSError(errno.ENOSPC, "full")))
    with pytest.raises(OSError, match="full"):
        ik.write(SAMPLE, tmp_path / "new.json")
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []


def test_a_writer_that_fails_touches_nothing(target: Path) -> None:
    with pytest.raises(TypeError):
        ik.write(SAMPLE, target, no_such_option=True)
    assert target.read_bytes() == OLD
    assert leftovers(target.parent, target.name) == []


def test_the_data_is_synced_before_the_rename(
    target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    steps: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        steps.append("fsync")
        real_fsync(fd)

    def replace(source: Any, destination: Any) -> None:
        steps.append("replace")
        assert Path(source).parent == target.parent  # in the target's folder
        real_replace(source, destination)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    ik.write(SAMPLE, target)
    assert steps[:2] == ["fsync", "replace"]


@posix_only
def test_a_replaced_file_keeps_its_permissions(target: Path) -> None:
    target.chmod(0o640)
    ik.write(SAMPLE, target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


@posix_only
def test_a_new_file_gets_the_permissions_the_umask_allows(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        ik.write(SAMPLE, tmp_path / "new.json")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o640


@posix_only
def test_a_read_only_file_is_replaced_only_where_open_could_write_it(
    target: Path,
) -> None:
    # Renaming needs only the folder: the write refuses what open() would
    # refuse (the superuser may write a read-only file; others may not).
    target.chmod(0o444)
    try:
        with target.open("r+b"):
            writable = True
    except PermissionError:
        writable = False
    if writable:
        ik.write(SAMPLE, target)
        assert ik.read(target) == SAMPLE
    else:
        with pytest.raises(PermissionError):
            ik.write(SAMPLE, target)
        assert target.read_bytes() == OLD


def test_a_symbolic_link_is_written_through(target: Path) -> None:
    link = target.parent / "link.json"
    link.symlink_to(target.name)
    ik.write(SAMPLE, link)
    assert link.is_symlink()
    assert ik.read(target) == SAMPLE


@posix_only
def test_a_fifo_is_written_into_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "out.json"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    ik.write(SAMPLE, fifo)
    reader.join()
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert ik.loads(received[0], format="json") == SAMPLE


def test_convert_writes_through_the_same_path(
    target: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "source.json"
    ik.write(BIG, source)
    monkeypatch.setattr(os, "write", fail_after(1, OSError(errno.ENOSPC, "full")))
    status = main(["convert", str(source), str(target)])
    monkeypatch.undo()
    assert status == EXIT_IO_ERROR
    assert target.read_bytes() == OLD
    assert leftovers(tmp_path, target.name) == ["source.json"]


# The operating system refuses to grow any file past 64 KiB, as a full disk
# would refuse to: the child converts a larger document.
FILE_SIZE_LIMIT = """
import resource, signal, sys
from interviewkit.cli import main

signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # fail with EFBIG, do not die
resource.setrlimit(resource.RLIMIT_FSIZE, (65536, 65536))
sys.exit(main(["convert", sys.argv[1], sys.argv[2]]))
"""


@posix_only
def test_a_conversion_that_runs_out_of_room_leaves_the_old_file(
    target: Path, tmp_path: Path
) -> None:
    # The finding: the target was left truncated, and still read.
    source = tmp_path / "source.json"
    ik.write(BIG, source)
    done = subprocess.run(
        [sys.executable, "-c", FILE_SIZE_LIMIT, str(source), str(target)],
        capture_output=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
        check=False,
    )
    assert done.returncode == EXIT_IO_ERROR, done.stderr
    assert b"cannot write" in done.stderr
    assert target.read_bytes() == OLD
    assert leftovers(tmp_path, target.name) == ["source.json"]


# The child writes half of the first piece, says so, and waits to be killed.
KILLED_MIDWAY = """
import os, sys
from interviewkit.cli import main

real_write = os.write

def write(fd, data):
    written = real_write(fd, bytes(data[: len(data) // 2]))
    sys.stdout.write("midway\\n")
    sys.stdout.flush()
    sys.stdin.read()  # never returns: the parent kills us here
    return written

os.write = write
sys.exit(main(["convert", sys.argv[1], sys.argv[2]]))
"""


@posix_only
def test_a_conversion_killed_midway_leaves_the_old_file(
    target: Path, tmp_path: Path
) -> None:
    source = tmp_path / "source.json"
    ik.write(BIG, source)
    with subprocess.Popen(
        [sys.executable, "-c", KILLED_MIDWAY, str(source), str(target)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    ) as child:
        try:
            assert child.stdout is not None
            assert child.stdout.readline() == b"midway\n"
            # Half written, not yet renamed: the target is still the old file.
            assert target.read_bytes() == OLD
        finally:
            child.kill()
            child.wait()
    assert target.read_bytes() == OLD
    # A killed process cannot clean up: its temporary stays, hidden and
    # named after the target, beside it.
    remaining = leftovers(tmp_path, target.name)
    temporaries = [name for name in remaining if name != "source.json"]
    assert len(temporaries) == 1
    assert temporaries[0].startswith(".talk.json.")
    assert temporaries[0].endswith(".tmp")


# --- Bounded reads ---


def test_a_file_larger_than_max_bytes_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "talk.txt"
    path.write_bytes(b"Q: Hi.\n" * 100)
    with pytest.raises(ik.ParseError, match="larger than 699 bytes") as caught:
        ik.read(path, max_bytes=699)
    assert caught.value.source == str(path)
    assert "max_bytes=" in str(caught.value)
    assert len(ik.read(path, max_bytes=700).turns) == 100
    assert len(ik.read(path, max_bytes=None).turns) == 100


@pytest.mark.parametrize("bad", [-1, 1.5, "10", True])
def test_max_bytes_must_be_a_count_of_bytes(tmp_path: Path, bad: object) -> None:
    path = tmp_path / "talk.txt"
    path.write_bytes(b"Q: Hi.\n")
    with pytest.raises((TypeError, ValueError), match="max_bytes"):
        ik.read(path, max_bytes=bad)  # type: ignore[arg-type]


def test_the_default_bound_is_documented() -> None:
    assert ik.MAX_BYTES == 256 * 1024 * 1024
    assert "256 MiB" in (ik.read.__doc__ or "")


@posix_only
@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_reading_dev_zero_ends_with_a_clear_error() -> None:
    # The finding: this ran until memory was gone. It reads 256 MiB, then stops.
    with pytest.raises(ik.ParseError, match="larger than 268,435,456 bytes"):
        ik.read("/dev/zero", format="text")


@posix_only
@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_converting_dev_zero_ends_with_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "o.md"
    assert main(["convert", "/dev/zero", str(output), "--from", "text"]) == (
        EXIT_BAD_DATA
    )
    error = capsys.readouterr().err
    assert error.startswith("/dev/zero: ")
    assert "larger than 268,435,456 bytes" in error
    assert "--max-bytes" in error
    assert not output.exists()


@posix_only
def test_a_character_device_is_read_up_to_the_bound() -> None:
    with pytest.raises(ik.ParseError, match="larger than 4,096 bytes"):
        ik.read("/dev/zero", format="text", max_bytes=4096)
    # /dev/null ends at once: an empty document, read and reported.
    with pytest.warns(ik.ReadWarning):
        assert ik.read(os.devnull, format="text").body == ()


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs")
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    return path


def feed(fifo: Path, data: bytes) -> threading.Thread:
    """Write ``data`` into the FIFO from a thread, as long as it is read."""

    def run() -> None:
        try:
            with fifo.open("wb") as stream:
                stream.write(data)
        except BrokenPipeError:
            pass  # the reader stopped at its bound

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def test_a_fifo_is_read_up_to_the_bound(fifo: Path) -> None:
    writer = feed(fifo, b"Q: Hi.\n" * 10_000)
    with pytest.raises(ik.ParseError, match="larger than 1,000 bytes"):
        ik.read(fifo, format="text", max_bytes=1000)
    writer.join()


def test_a_fifo_within_the_bound_reads(fifo: Path) -> None:
    writer = feed(fifo, b"Q: Hi.\n\nA: Hello.\n")
    assert len(ik.read(fifo, format="text").turns) == 2
    writer.join()


def test_the_command_line_takes_max_bytes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "talk.txt"
    source.write_bytes(b"Q: Hi.\nA: Hello.\n" * 100)
    assert main(["info", str(source), "--max-bytes", "1000"]) == EXIT_BAD_DATA
    assert "larger than 1,000 bytes" in capsys.readouterr().err
    assert main(["info", str(source), "--max-bytes", "1M"]) == EXIT_OK
    assert main(["convert", str(source), "-t", "json", "--max-bytes", "2k"]) == (
        EXIT_OK
    )


def test_standard_input_is_read_up_to_the_bound(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    class Stdin:
        buffer = io.BytesIO(b"Q: Hi.\n" * 1000)

    monkeypatch.setattr(sys, "stdin", Stdin())
    status = main(
        ["convert", "-", "-t", "json", "--from", "text", "--max-bytes", "100"]
    )
    assert status == EXIT_BAD_DATA
    assert "<stdin>: " in capsys.readouterr().err


@pytest.mark.parametrize("bad", ["-5", "ten", "1.5M", "0"])
def test_a_bad_max_bytes_is_a_usage_error(
    tmp_path: Path, bad: str, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "talk.txt"
    source.write_bytes(b"Q: Hi.\n")
    assert main(["info", str(source), "--max-bytes", bad]) == 2
    assert "--max-bytes" in capsys.readouterr().err
