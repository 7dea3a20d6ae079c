"""`eventmill kb lookup`: what a name resolves to on a date, and why."""

from __future__ import annotations

from datetime import date

from eventmill.actors.kb import default_kb


def lookup(name: str, day: date) -> list[str]:
    """Parse the name as a short sentence and resolve its actor phrases on `day`."""
    from eventmill import nlp
    from eventmill.actors.resolver import DocActors

    kb = default_kb()
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
    return lines
