"""Who asks and who answers: the roles the labels do not give."""

from __future__ import annotations

from typing import TYPE_CHECKING

from interviewkit._options import ReadOptions
from interviewkit._reading.blocks import asks
from interviewkit._reading.cast import Cast, Person
from interviewkit._reading.vocabulary import key
from interviewkit.model import Role

if TYPE_CHECKING:
    from interviewkit._reading.classify import Item


def questioner(cast: Cast, answerer: Person, options: ReadOptions) -> Person:
    known = cast.questioners.get(id(answerer))
    if known is None:
        known = cast.questioners[id(answerer)] = _find_questioner(cast, answerer)
    return known


def interviewer(cast: Cast) -> Person:
    """The interviewer, for a question before anyone has answered."""
    for person in cast.people:
        if person.role is Role.INTERVIEWER:
            return person
    return cast.add("Interviewer", role=Role.INTERVIEWER, exact=True)


def answerer_of(cast: Cast, asker: Person) -> Person:
    """Who answers the questions ``asker`` asks, when no label says."""
    others = [person for person in cast.people if person is not asker]
    for person in others:
        if person.role in (Role.INTERVIEWEE, Role.GUEST):
            return person
    for person in others:
        if person.role is None:
            return person
    return cast.add("Interviewee", role=Role.INTERVIEWEE, exact=True)


def _find_questioner(cast: Cast, answerer: Person) -> Person:
    # Preference order: an interviewer; anyone not answering by role; anyone.
    # The first two of each list are enough, since only the answerer is
    # excluded; so this stays linear however many speakers there are.
    ranked = cast.ranked
    if ranked is None:
        ranked = cast.ranked = [[], [], []]
        for person in cast.people:
            if id(person) in cast.answerers:
                continue
            if person.role is Role.INTERVIEWER and len(ranked[0]) < 2:
                ranked[0].append(person)
            answers = person.role in (Role.INTERVIEWEE, Role.GUEST)
            if not answers and len(ranked[1]) < 2:
                ranked[1].append(person)
            if len(ranked[2]) < 2:
                ranked[2].append(person)
    for group in ranked:
        for person in group:
            if person is not answerer:
                return person
    return cast.add("Interviewer", role=Role.INTERVIEWER, exact=True)


def give_roles(cast: Cast, items: list[Item], options: ReadOptions) -> None:
    for person in cast.people:
        for name, role in options.roles.items():
            if name == person.name or key(name) in {
                key(person.name),
                *(key(label) for label in person.labels),
            }:
                person.role = role
    speaking_ids = {id(item.person) for item in items if item.person is not None}
    speaking = [p for p in cast.people if id(p) in speaking_ids]
    pair = len(speaking) == 2
    asked: dict[int, int] = {}
    for item in items:
        if (
            item.kind == "turn"
            and item.person is not None
            and not item.labelled
            and not item.answer
            and not item.continued
        ):
            asked[id(item.person)] = asked.get(id(item.person), 0) + 1
    speaking = [p for p in speaking if not p.final]
    for person in speaking:
        if person.role is None and asked.get(id(person)):
            person.role = Role.INTERVIEWER
    interviewers = [p for p in cast.people if p.role is Role.INTERVIEWER]
    unset = [p for p in speaking if p.role is None]
    if interviewers and len(unset) == 1 and pair:
        unset[0].role = Role.INTERVIEWEE
    elif not interviewers and len(unset) == 2 and pair:
        questions = {id(p): 0 for p in unset}
        for item in items:
            if item.kind == "turn" and item.person is not None and asks(item.text):
                questions[id(item.person)] += 1
        one, two = unset
        if questions[id(one)] != questions[id(two)]:
            asker, answerer = (
                (one, two) if questions[id(one)] > questions[id(two)] else (two, one)
            )
            asker.role, answerer.role = Role.INTERVIEWER, Role.INTERVIEWEE
    else:
        _askers_and_answerers(items, [p for p in speaking if p.role is None])


def _askers_and_answerers(items: list[Item], unset: list[Person]) -> None:
    """Roles in a round table: who asks most of the time, and who answers.

    When every speaker still without a role either asks (half or more of
    their turns end with a question mark) or answers (under a third do), and
    there are some of each, the askers interview the answerers. A
    discussion where everyone asks now and then is left alone.
    """
    if len(unset) < 2:
        return
    turns = {id(p): 0 for p in unset}
    questions = {id(p): 0 for p in unset}
    for item in items:
        person = item.person
        if item.kind == "turn" and person is not None and id(person) in turns:
            turns[id(person)] += 1
            questions[id(person)] += asks(item.text)
    askers = [p for p in unset if questions[id(p)] >= max(1, turns[id(p)] / 2)]
    answerers = [p for p in unset if questions[id(p)] < turns[id(p)] / 3]
    if askers and answerers and len(askers) + len(answerers) == len(unset):
        for person in askers:
            person.role = Role.INTERVIEWER
        for person in answerers:
            person.role = Role.INTERVIEWEE
