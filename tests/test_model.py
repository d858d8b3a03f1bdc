"""The model: what can be built, what cannot, and how it behaves."""

from __future__ import annotations

import pickle

import attrs
import pytest
from hypothesis import given

import interviewkit as ik
from interviewkit import (
    ImageCaption,
    Interview,
    Metadata,
    Prose,
    ProseKind,
    Role,
    Speaker,
    Turn,
    ValidationError,
)
from tests.samples import CAST
from tests.strategies import interviews


def test_roles_are_their_lowercase_names() -> None:
    assert Role("interviewer") is Role.INTERVIEWER
    assert Role("interviewee") is Role.INTERVIEWEE
    assert all(role.value == role.name.lower() for role in Role)


def test_speaker_converts_role_and_aliases() -> None:
    speaker = Speaker(id="s", name="S", role="host", aliases=["A", "B"])  # type: ignore[arg-type]
    assert speaker.role is Role.HOST
    assert speaker.aliases == ("A", "B")


def test_classes_are_frozen_slotted_and_keyword_only() -> None:
    speaker = CAST[0]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        speaker.name = "Other"  # type: ignore[misc]
    assert not hasattr(speaker, "__dict__")
    with pytest.raises(TypeError):
        Speaker("collider", "Collider")  # type: ignore[misc]


def test_views_are_derived_from_body() -> None:
    body = (
        Prose(text="Intro.", kind=ProseKind.INTRO),
        Turn(speaker="collider", text="Question?"),
        ImageCaption(image="slug", credit="Image via Netflix"),
        Turn(speaker="darren-star", text="Answer.", label="STAR"),
    )
    iv = Interview(speakers=CAST, body=body)
    assert iv.turns == (body[1], body[3])
    assert iv.captions == (body[2],)
    assert iv.prose == (body[0],)


def test_lists_become_tuples_and_equality_is_by_value() -> None:
    first = Interview(speakers=list(CAST), body=[Turn(speaker="collider", text="Hi")])
    second = Interview(speakers=CAST, body=(Turn(speaker="collider", text="Hi"),))
    assert first == second
    assert hash(first) == hash(second)
    assert isinstance(first.body, tuple)


def test_evolve_validates_again() -> None:
    iv = Interview(speakers=CAST, body=(Turn(speaker="collider", text="Hi"),))
    with pytest.raises(ValidationError, match="not in the cast"):
        attrs.evolve(iv, speakers=CAST[1:])


@pytest.mark.parametrize(
    ("build", "message", "path"),
    [
        (lambda: Speaker(id="", name="X"), "id must not be empty", ("id",)),
        (lambda: Speaker(id="x", name="  "), "name must not be empty", ("name",)),
        (
            lambda: Speaker(id="x", name="X", aliases=("A", "A")),
            "aliases must not repeat",
            ("aliases",),
        ),
        (
            lambda: Speaker(id="x", name="X", aliases=("A", " ")),
            "alias must not be empty",
            ("aliases", 1),
        ),
        (
            lambda: Speaker(id="x", name="X", role="boss"),
            "unknown role 'boss'",
            ("role",),
        ),
        (lambda: Speaker(id="x", name="X", aliases="AB"), "not a str", ()),
        (
            lambda: Turn(speaker="x", text="a\r\nb"),
            "'\\\\n' line breaks only",
            ("text",),
        ),
        (
            lambda: Turn(speaker="x", text="a", start_ms=-1),
            "must not be negative",
            ("start_ms",),
        ),
        (
            lambda: Turn(speaker="x", text="a", start_ms=10, end_ms=9),
            "is before start_ms",
            ("end_ms",),
        ),
        (
            lambda: Turn(speaker="x", text="a", start_ms=1.5),
            "must be an int",
            ("start_ms",),
        ),
        (lambda: Turn(speaker="x", text=None), "must be a str", ("text",)),
        (lambda: ImageCaption(), "at least an image", ()),
        (lambda: Prose(text=""), "text must not be empty", ("text",)),
        (
            lambda: Prose(text="x", kind="aside"),
            "unknown prose kind 'aside'",
            ("kind",),
        ),
        (
            lambda: Metadata(extras={"tags": [1]}),
            "extras values must be str",
            ("extras", "tags"),
        ),
        (
            lambda: Interview(speakers=(CAST[0], CAST[0])),
            "speaker id 'collider' is used twice",
            ("speakers", 1, "id"),
        ),
        (
            lambda: Interview(speakers=CAST, body=(Turn(speaker="nobody", text="?"),)),
            "turn speaker 'nobody' is not in the cast",
            ("body", 0, "speaker"),
        ),
        (lambda: Interview(body=("text",)), "body blocks must be", ("body", 0)),
        (lambda: Interview(title=""), "title must not be empty", ("title",)),
    ],
)
def test_invalid_states_cannot_be_built(build, message, path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError, match=message) as caught:
        build()
    assert caught.value.path == path
    assert isinstance(caught.value, ValueError)


def test_metadata_extras_are_read_only_and_hashable_as_part_of_interview() -> None:
    meta = Metadata(source="Collider", extras={"tags": ["tv", "netflix"]})
    assert meta.extras == {"tags": ("tv", "netflix")}
    with pytest.raises(TypeError):
        meta.extras["tags"] = "x"  # type: ignore[index]
    assert hash(Interview(metadata=meta)) == hash(
        Interview(metadata=Metadata(source="Collider"))
    )
    assert Interview(metadata=meta) != Interview(metadata=Metadata(source="Collider"))


@given(interviews())
def test_generated_interviews_pickle_and_compare(iv: Interview) -> None:
    assert pickle.loads(pickle.dumps(iv)) == iv
    assert attrs.evolve(iv) == iv


def test_version_matches_the_installed_metadata() -> None:
    from importlib.metadata import version

    assert ik.__version__ == version("interviewkit")
    assert ik.__version__ == "0.1.0"


def test_public_names_are_sorted_and_exist() -> None:
    assert list(ik.__all__) == sorted(ik.__all__)
    for name in ik.__all__:
        assert hasattr(ik, name), name
