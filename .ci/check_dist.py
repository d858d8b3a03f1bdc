"""Check what the built sdist and wheel hold, and the wheel's metadata.

Usage: python .ci/check_dist.py DIST_DIR
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
import zipfile
from email.parser import HeaderParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIP = {"__pycache__", ".hypothesis", ".pytest_cache"}

WHEEL_FILES = {
    "interviewkit/__init__.py",
    "interviewkit/__main__.py",
    "interviewkit/cli/__init__.py",
    "interviewkit/py.typed",
    "interviewkit/schema/interview-v1.schema.json",
}
METADATA = {
    "Name": "interviewkit",
    "License-Expression": "MIT",
    "License-File": "LICENSE",
    "Description-Content-Type": "text/markdown",
    "Requires-Python": ">=3.10",
}


def fail(message: str) -> None:
    print(f"check_dist: {message}", file=sys.stderr)
    raise SystemExit(1)


def source_files(folder: str) -> set[str]:
    """Return the files under ``folder`` of the checkout, relative to it.

    Tracked files when git knows them, so that local leftovers (caches, a
    built site) do not count; every file otherwise.
    """
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--", folder],
            cwd=ROOT,
            capture_output=True,
            check=True,
        ).stdout.decode("utf-8")
    except (OSError, subprocess.CalledProcessError):
        return {
            path.relative_to(ROOT).as_posix()
            for path in (ROOT / folder).rglob("*")
            if path.is_file() and not SKIP & set(path.relative_to(ROOT).parts)
        }
    return {name for name in listed.split("\0") if name}


def check_wheel(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        missing = WHEEL_FILES - names
        if missing:
            fail(f"{wheel.name} lacks {sorted(missing)}")
        stray = sorted(n for n in names if n.startswith(("tests/", "seeds/")))
        if stray:
            fail(f"{wheel.name} holds files that belong in the sdist: {stray}")
        info = next(n for n in names if n.endswith(".dist-info/METADATA"))
        metadata = HeaderParser().parsestr(archive.read(info).decode("utf-8"))
        points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
        if "interviewkit = interviewkit.cli:main" not in archive.read(points).decode():
            fail("the wheel does not install the interviewkit command")
    for key, expected in METADATA.items():
        if metadata.get(key) != expected:
            fail(f"METADATA {key} is {metadata.get(key)!r}, not {expected!r}")
    for key in ("Summary", "Keywords"):
        if not metadata.get(key):
            fail(f"METADATA has no {key}")
    if len(metadata.get_all("Project-URL") or []) < 3:
        fail("METADATA has fewer than three project URLs")
    if len(metadata.get_all("Classifier") or []) < 5:
        fail("METADATA has fewer than five classifiers")
    if "# interviewkit" not in (metadata.get_payload() or ""):
        fail("METADATA does not carry the README as the long description")


def check_sdist(sdist: Path) -> None:
    with tarfile.open(sdist) as archive:
        prefix = sdist.name.removesuffix(".tar.gz") + "/"
        names = {n.removeprefix(prefix) for n in archive.getnames()}
    wanted = {"LICENSE", "README.md", "CHANGELOG.md", "pyproject.toml"}
    for folder in ("src", "tests", "docs", "seeds", "benchmarks"):
        wanted |= source_files(folder)
    if (ROOT / "mkdocs.yml").exists():
        wanted.add("mkdocs.yml")
    missing = wanted - names
    if missing:
        fail(f"{sdist.name} lacks {sorted(missing)}")


def main() -> None:
    dist = Path(sys.argv[1])
    wheels = sorted(dist.glob("*.whl"))
    sdists = sorted(dist.glob("*.tar.gz"))
    if len(wheels) != 1 or len(sdists) != 1:
        fail(f"expected one wheel and one sdist in {dist}, found {wheels + sdists}")
    check_wheel(wheels[0])
    check_sdist(sdists[0])
    print(f"check_dist: {wheels[0].name} and {sdists[0].name} hold what they should")


if __name__ == "__main__":
    main()
