"""Where the interviews of a corpus come from: a folder, a glob, paths, an archive.

A source is listed lazily, one file at a time, in an order that does not
depend on the file system: names sorted at every level of a folder, paths
sorted for a glob, as given for a list, in archive order for an archive.
Each file gets its id here (see `interviewkit.corpus` for the rule).
"""

from __future__ import annotations

import os
import posixpath
import re
import tarfile
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

__all__ = ["ARCHIVE_SUFFIXES", "Listing", "Source", "is_archive"]

ARCHIVE_SUFFIXES = (
    ".zip",
    ".tar",
    ".tar.gz",
    ".tgz",
    ".tar.bz2",
    ".tbz2",
    ".tar.xz",
    ".txz",
)
"""The file suffixes read as archives of interviews."""

_MAGIC = re.compile(r"[*?[]")


class Source(NamedTuple):
    """One file of a corpus, before it is read.

    ``data`` holds the bytes of an archive member (read where the archive
    is open); a file on disk is read by whoever reads the interview, so a
    worker process reads its own files.
    """

    id: str
    path: str
    data: bytes | None = None
    problem: str | None = None
    """Why the file cannot be read at all (an unsafe archive member name)."""


def is_archive(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` names a zip or tar archive, by its suffix.

    Example:
        >>> is_archive("interviews.tar.gz"), is_archive("talk.docx")
        (True, False)

    """
    return os.fspath(path).lower().endswith(ARCHIVE_SUFFIXES)


def has_magic(text: str) -> bool:
    """Whether ``text`` is a glob pattern (holds ``*``, ``?`` or ``[``)."""
    return _MAGIC.search(text) is not None


def _posix(path: str) -> str:
    return path.replace(os.sep, "/") if os.sep != "/" else path


def _hidden(name: str) -> bool:
    if name in (".", ".."):
        return False  # not hidden: a path's own steps
    return name.startswith(".") or name == "__MACOSX"


def _wanted(name: str, suffixes: frozenset[str] | None) -> bool:
    if suffixes is None:
        return True
    lowered = name.lower()
    return any(lowered.endswith(suffix) for suffix in suffixes)


def _walk(folder: str, relative: str, suffixes: frozenset[str] | None) -> Iterator[str]:
    """The files under ``folder``, as '/'-separated paths relative to the root.

    Names are sorted at each level, and hidden files and folders (a name
    that starts with a dot) are left out. Links to folders are not followed,
    so a link cannot make the walk go round in circles.
    """
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        if _hidden(entry.name):
            continue
        name = f"{relative}/{entry.name}" if relative else entry.name
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(entry.path, name, suffixes)
        elif entry.is_file() and _wanted(entry.name, suffixes):
            yield name


def _member_id(name: str) -> str | None:
    """The id of an archive member: its name, normalised; None if unsafe."""
    normal = posixpath.normpath(name.replace("\\", "/")).lstrip("/")
    if normal in ("", ".") or normal == ".." or normal.startswith("../"):
        return None
    return normal


def _glob_root(pattern: str) -> str:
    """The folder part of a glob pattern before its first wildcard."""
    parts = Path(pattern).parts
    fixed: list[str] = []
    for part in parts[:-1]:
        if has_magic(part):
            break
        fixed.append(part)
    return os.path.join(*fixed) if fixed else "."


class Listing:
    """The files of a source, listed lazily.

    Args:
        source: A folder, a glob pattern, an archive, one file, or a
            sequence of paths.
        root: For a sequence of paths: the folder that ids are relative to.
        suffixes: The file suffixes a folder or an archive yields (lowercase,
            with the dot); None for every file.

    Raises:
        ValueError: For a sequence of paths: two paths with one id, or a
            path outside ``root``.
        FileNotFoundError: If ``source`` is a path that does not exist and
            not a glob pattern.
    """

    def __init__(
        self,
        source: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
        *,
        root: str | os.PathLike[str] | None = None,
        suffixes: frozenset[str] | None = None,
    ) -> None:
        self.suffixes = suffixes
        self.paths: Sequence[tuple[str, str]] = ()
        if isinstance(source, (str, os.PathLike)):
            self.path = os.fspath(source)
            if root is not None:
                raise TypeError("root= is for a list of paths")
            if os.path.isdir(self.path):
                self.kind = "folder"
            elif os.path.isfile(self.path):
                self.kind = "archive" if is_archive(self.path) else "file"
            elif has_magic(self.path):
                self.kind = "glob"
            else:
                raise FileNotFoundError(
                    2, "no such file, folder or matching pattern", self.path
                )
        else:
            self.kind = "paths"
            self.path = ""
            self.paths = _identified(source, root)

    def __iter__(self) -> Iterator[Source]:
        return self.sources(data=True)

    def count(self) -> int:
        """How many files the source has, without reading them."""
        return sum(1 for _ in self.sources(data=False))

    def sources(self, *, data: bool) -> Iterator[Source]:
        """The files, each with its id; archive members with their bytes
        when ``data`` is true."""
        if self.kind == "folder":
            for name in _walk(self.path, "", self.suffixes):
                yield Source(name, os.path.join(self.path, *name.split("/")))
        elif self.kind == "file":
            yield Source(os.path.basename(self.path), self.path)
        elif self.kind == "glob":
            yield from self._glob()
        elif self.kind == "paths":
            for identifier, path in self.paths:
                yield Source(identifier, path)
        elif zipfile.is_zipfile(self.path):
            yield from self._zip(data=data)
        else:
            yield from self._tar(data=data)

    def _glob(self) -> Iterator[Source]:
        import glob

        root = _glob_root(self.path)
        for path in sorted(glob.iglob(self.path, recursive=True)):
            if os.path.isfile(path) and _wanted(path, self.suffixes):
                relative = os.path.relpath(path, root)
                yield Source(_posix(os.path.normpath(relative)), path)

    def _member(self, name: str) -> tuple[str | None, str] | None:
        parts = name.replace("\\", "/").split("/")
        if any(_hidden(part) for part in parts) or not _wanted(
            parts[-1], self.suffixes
        ):
            return None
        return _member_id(name), f"{self.path}/{name}"

    def _zip(self, *, data: bool) -> Iterator[Source]:
        with zipfile.ZipFile(self.path) as archive:
            for info in archive.infolist():
                found = None if info.is_dir() else self._member(info.filename)
                if found is None:
                    continue
                identifier, path = found
                if identifier is None:
                    yield _unsafe(info.filename, path)
                else:
                    yield Source(identifier, path, archive.read(info) if data else b"")

    def _tar(self, *, data: bool) -> Iterator[Source]:
        with tarfile.open(self.path, "r:*") as archive:
            for member in archive:
                found = self._member(member.name) if member.isfile() else None
                if found is None:
                    continue
                identifier, path = found
                if identifier is None:
                    yield _unsafe(member.name, path)
                    continue
                content = b""
                if data:
                    stream = archive.extractfile(member)
                    content = stream.read() if stream is not None else b""
                yield Source(identifier, path, content)


def _unsafe(name: str, path: str) -> Source:
    return Source(
        name,
        path,
        b"",
        problem=f"unsafe member name {name!r}: it leads out of the archive",
    )


def _identified(
    paths: Iterable[str | os.PathLike[str]], root: str | os.PathLike[str] | None
) -> list[tuple[str, str]]:
    """Each path of a list with its id: relative to ``root``, or as given."""
    if isinstance(paths, (bytes, bytearray)):
        raise TypeError("read_many() takes a path or a list of paths, not bytes")
    result: list[tuple[str, str]] = []
    seen: dict[str, str] = {}
    for item in paths:
        path = os.fspath(item)
        if not isinstance(path, str):
            raise TypeError(f"a path is a str or os.PathLike, not {path!r}")
        if root is None:
            identifier = _posix(os.path.normpath(path))
        else:
            relative = os.path.relpath(path, root)
            identifier = _posix(os.path.normpath(relative))
            if identifier == ".." or identifier.startswith("../"):
                raise ValueError(f"{path!r} is not under root {os.fspath(root)!r}")
        if identifier in seen:
            raise ValueError(
                f"{seen[identifier]!r} and {path!r} would both have the id "
                f"{identifier!r}"
            )
        seen[identifier] = path
        result.append((identifier, path))
    return result
