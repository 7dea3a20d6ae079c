"""Merging the same event stated more than once in one story.

A story repeats itself: the headline, a fragment, the lead and a later paragraph may all
state one agreement. Events of the same type between the same parties (in either order
for symmetric types) whose dates, places and counts do not disagree are one event; the first
statement with the most detail keeps the evidence, the others are kept in `also_stated`.
Two triggers of one sentence, two modes, two different named people or two different cities
are two acts, and so is an act the text tells with "also", "again", "earlier" or "later"
("police also detained several teachers", "Earlier, Trump met Netanyahu in the Oval Office").
"""

from __future__ import annotations

from eventmill.ontology import ORGANISATION_CODES, SYMMETRIC_TYPES
from eventmill.schema import Event


def _party(actor) -> tuple[str | None, str | None]:
    if actor is not None and actor.country in ORGANISATION_CODES:
        # "the West African bloc" and "West African leaders" are one party: an
        # organisation acts as one, whether named or by its members' leaders
        return (actor.country, None)
    return (actor.country, actor.sector) if actor else (None, None)


def _dyad_key(e: Event) -> tuple:
    a, b = _party(e.source), _party(e.target)
    if e.type in SYMMETRIC_TYPES or e.symmetric:
        a, b = sorted((a, b), key=lambda p: (p[0] or "", p[1] or ""))
    return (e.type, e.factuality, a, b)


def _compatible(x: Event, y: Event) -> bool:
    if x.date and y.date and not (x.date.startswith(y.date) or y.date.startswith(x.date)):
        return False
    if x.location and y.location and x.location.country != y.location.country:
        return False
    # two counts that differ are two acts, whatever they count: "cleared hundreds of
    # demonstrators ... and arrested protest leaders" and "police arrested two activists"
    return not (x.quantity and y.quantity and x.quantity.value != y.quantity.value)


def _detail(e: Event) -> int:
    return sum(v is not None for v in (e.date, e.location, e.quantity, e.target, e.mode))


def _named(actor) -> str | None:
    """The knowledge-base id of a named actor other than a state ("Yingluck Shinawatra"),
    else None: a state, a sector, an unknown person."""
    if actor is None or not actor.kb_id or actor.kb_id == actor.country:
        return None
    return actor.kb_id


def _two_cities(x: Event, y: Event) -> bool:
    """Two sentences placing their act in two different cities ("detained protesters in
    Minsk" and, later, "in Vitebsk police detained dozens"): a country-wide wave of one kind
    of act, told city by city. A country named as the place says nothing either way."""
    a, b = x.location, y.location
    return (
        a is not None
        and b is not None
        and a.lat is not None
        and b.lat is not None
        and (a.geonameid or a.name) != (b.geonameid or b.name)
    )


def _other_year(x: Event, y: Event, story_year: int | None) -> bool:
    """One act dated to another year than the story's, the other undated: "held several
    rounds of talks in 2021" is an earlier round, not the talks the story reports."""
    if story_year is None:
        return False
    for a, b in ((x, y), (y, x)):
        if a.date and not b.date and a.date[:4].isdigit() and int(a.date[:4]) != story_year:
            return True
    return False


def _distinct_acts(x: Event, y: Event, story_year: int | None = None) -> bool:
    """Two acts, not one act stated twice: two triggers of one sentence ("suspended the
    constitution and imposed a curfew"), two modes, two different cities, an act of another
    year than the story's beside an undated one, or two different named people."""
    same_sentence = x.evidence.start == y.evidence.start
    if same_sentence and x.evidence.trigger_start != y.evidence.trigger_start:
        return True
    if x.mode and y.mode and x.mode != y.mode:
        return True
    if _two_cities(x, y):
        return True
    if _other_year(x, y, story_year):
        return True
    for a, b in ((x.source, y.source), (x.target, y.target)):
        if _named(a) and _named(b) and _named(a) != _named(b):
            return True
    return False


def _same_event(x: Event, y: Event, story_year: int | None = None) -> bool:
    return (
        x.type == y.type
        and x.factuality == y.factuality
        and _compatible(x, y)
        and _dyad_key(x) == _dyad_key(y)
        and not _distinct_acts(x, y, story_year)
    )


def merge_within_document(
    events: list[Event],
    told_again: set[int] | frozenset[int] = frozenset(),
    story_year: int | None = None,
) -> list[Event]:
    """Merge the repeated statements of one act. `told_again` holds the trigger offsets of
    acts the text tells as another of their kind ("police also detained several teachers"):
    those are never a restatement of an earlier sentence's act. `story_year` is the year the
    story was published (None when unknown or guessed)."""
    kept: list[Event] = []
    for event in events:
        twin = next(
            (
                k
                for k in kept
                if _same_event(k, event, story_year)
                and not (
                    k.evidence.start != event.evidence.start
                    and told_again & {k.evidence.trigger_start, event.evidence.trigger_start}
                )
            ),
            None,
        )
        if twin is None:
            kept.append(event)
            continue
        primary, other = (twin, event) if _detail(twin) >= _detail(event) else (event, twin)
        for attr in ("date", "date_precision", "location", "quantity", "mode"):
            if getattr(primary, attr) is None and getattr(other, attr) is not None:
                setattr(primary, attr, getattr(other, attr))
        if (
            primary.date is not None
            and other.date is not None
            and len(other.date) > len(primary.date)
        ):
            primary.date, primary.date_precision = other.date, other.date_precision
        primary.also_stated.append(other.evidence)
        primary.also_stated.extend(other.also_stated)
        primary.contexts = sorted(set(primary.contexts) | set(other.contexts))
        primary.confidence = min(0.99, max(primary.confidence, other.confidence) + 0.05)
        if primary is event:
            kept[kept.index(twin)] = event
    return kept
