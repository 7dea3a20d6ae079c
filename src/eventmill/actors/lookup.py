"""`eventmill kb lookup`: what a name resolves to on a date, and why."""

from __future__ import annotations

from datetime import date

from eventmill.actors.kb import KnowledgeBase, Person, default_kb, phrase_key


def lookup(name: str, day: date, kb: KnowledgeBase | None = None) -> list[str]:
    """Parse the name as a short sentence and resolve its actor phrases on `day`.

    One line per actor: the mention, the actor (name, country, sector, title, Wikidata id)
    and the rule that chose it; for a person, indented lines with the term that decided and
    the file the entry comes from (our data or an overlay).
    """
    from eventmill import nlp
    from eventmill.actors.resolver import DocActors

    kb = kb or default_kb()
    doc = nlp.load()(name)
    actors = DocActors(kb, day)
    lines = []
    for sent in doc.sents:
        for m in actors.mentions(sent):
            a = m.actor
            lines.append(
                f"{m.actor.mention!r} on {day}: {a.name} — {a.country or '---'} "
                f"{a.sector or ''}{' (' + a.title + ')' if a.title else ''}"
                f"{' wikidata ' + a.wikidata if a.wikidata else ''}  [{m.how or m.kind}]"
            )
            person = kb.people.get(a.kb_id or "")
            if person is not None:
                lines.extend(f"    {why}" for why in _why_person(kb, person, day))
    return lines


def _why_person(kb: KnowledgeBase, person: Person, day: date) -> list[str]:
    out = []
    on = person.terms_on(day)
    if on:
        t = on[0]
        out.append(
            f"because: {t.office} of {t.country} from {t.start} "
            f"{'(still in office)' if t.end is None else 'to ' + str(t.end)}, "
            f"sector {kb.term_sector(t)}"
        )
        if len(on) > 1:
            others = ", ".join(
                f"{x.office}{' (' + x.sector + ')' if x.sector else ''} of {x.country}"
                for x in on[1:]
            )
            out.append(f"also on that day: {others} (a higher office wins)")
    else:
        last = person.last_term_before(day)
        if last is not None:
            out.append(
                f"because: no office on {day}; last {last.office} of {last.country} "
                f"{last.start} to {last.end}, so a former office holder (ELI)"
            )
        elif person.terms:
            first = min(person.terms, key=lambda t: t.start)
            out.append(
                f"because: no office yet on {day}; first {first.office} of {first.country} "
                f"from {first.start}"
            )
    out.append(f"entry: {person.kb_id} from {person.source or 'our data'}")
    return out


def explain_miss(name: str, day: date, kb: KnowledgeBase | None = None) -> str:
    """Why nothing resolved: the phrase is unknown, or only people who took office later
    carry that surname."""
    kb = kb or default_kb()
    entries = kb.index.get(phrase_key(name), [])
    later = [
        e.ref
        for e in entries
        if e.kind == "surname" and e.ref.terms and min(t.start for t in e.ref.terms) > day
    ]
    if later:
        who = ", ".join(f"{p.name} (from {min(t.start for t in p.terms)})" for p in later[:3])
        return (
            f"{name!r} names no one on {day}: the knowledge base has only people who took "
            f"office later: {who}"
        )
    if entries:
        return f"{name!r} is in the knowledge base but names no actor here on {day}"
    return f"{name!r} is not in the knowledge base"
