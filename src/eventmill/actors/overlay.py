"""Users' own actors: YAML files in the leaders format, laid over our knowledge base.

Files in `$EVENTMILL_HOME/overlays/*.yaml` (default ~/.eventmill/overlays) are read after
our data, in name order, so an entry with the same name (or `id`) replaces ours; an entry
with `merge: true` adds its aliases and terms to ours instead (`extend_person`). A broken
file is logged and skipped; `KnowledgeBase.overlays` records what was used
(`eventmill kb stats` prints it). `eventmill kb import` writes these files
(`write_overlay`).
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import yaml

from eventmill.actors.kb import (
    YAML_LOADER,
    KnowledgeBase,
    Person,
    overlay_dir,
    person_from_record,
)
from eventmill.errors import KnowledgeBaseError

log = logging.getLogger(__name__)


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """Plain YAML: no &anchors for values that happen to be the same object."""

    def ignore_aliases(self, data) -> bool:
        return True


def apply_overlay_records(kb: KnowledgeBase, records: list, where: str) -> int:
    if records is not None and not isinstance(records, list):
        raise KnowledgeBaseError(f"{where}: not a list of actor records", "E303")
    people = []
    for i, rec in enumerate(records or []):
        if not isinstance(rec, dict) or "name" not in rec:
            log.warning("%s entry %d: not an actor record, skipped", where, i + 1)
            continue
        person = person_from_record(rec, f"{where} entry {i + 1}")
        person.source = where
        people.append((person, rec.get("merge") is True))
    # the whole file is read before any entry is used: a bad date leaves the KB as it was
    for person, merge in people:
        old = kb.people.get(person.kb_id)
        if merge and old is not None:
            person = extend_person(old, person)
        kb.add_person(person)
    return len(people)


def extend_person(ours: Person, overlay: Person) -> Person:
    """An overlay record with `merge: true`: our entry keeps its name, surname and terms and
    gains the overlay's aliases and terms. The overlay's terms come first, so on a day where
    two terms of equal rank cover, the overlay's wins."""
    aliases = list(ours.aliases)
    aliases += [a for a in [overlay.name, *overlay.aliases] if a != ours.name and a not in aliases]
    terms = list(overlay.terms) + [t for t in ours.terms if t not in overlay.terms]
    return Person(
        ours.kb_id,
        ours.name,
        ours.surname,
        aliases,
        overlay.wikidata or ours.wikidata,
        terms,
        f"{overlay.source} (merged with {ours.source or 'our data'})",
    )


def apply_user_overlays(kb: KnowledgeBase) -> None:
    folder = overlay_dir()
    if not folder.is_dir():
        return
    for path in sorted(folder.glob("*.yaml")):
        try:
            records = yaml.load(path.read_text("utf-8"), Loader=YAML_LOADER)
            n = apply_overlay_records(kb, records, str(path))
        except (
            OSError,
            UnicodeDecodeError,
            yaml.YAMLError,
            KnowledgeBaseError,
            KeyError,
            TypeError,
            AttributeError,
            ValueError,
        ) as exc:
            log.warning("overlay %s not used: %s", path, exc)
            kb.overlays.append((str(path), 0, str(exc).splitlines()[0] if str(exc) else "error"))
        else:
            kb.overlays.append((str(path), n, None))


def overlay_name(text: str) -> str:
    """A safe file stem for an overlay: letters, digits, '.', '_' and '-' only."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("._") or "overlay"
    return stem[:100]


def write_overlay(records: list[dict], name: str, header: str = "") -> Path:
    """Write leaders-format records to `$EVENTMILL_HOME/overlays/<name>.yaml` (replacing a
    file of that name) and return its path."""
    folder = overlay_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{overlay_name(name)}.yaml"
    # default_flow_style=None: a term or an alias list on one line, as in our leaders files
    body = yaml.dump(
        records,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=None,
        width=200,
    )
    comment = "".join(f"# {line}\n".replace("# \n", "#\n") for line in header.splitlines())
    tmp = path.with_suffix(".yaml.tmp")
    tmp.write_text(comment + body, encoding="utf-8")
    tmp.replace(path)  # a reader never sees half a file
    return path


def write_overlay_text(text: str, name: str) -> Path:
    """Copy a YAML overlay as it is (its comments kept)."""
    folder = overlay_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{overlay_name(name)}.yaml"
    tmp = path.with_suffix(".yaml.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    return path
