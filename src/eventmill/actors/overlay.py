"""Users' own actors: YAML files in the leaders format, laid over our knowledge base.

Files in `$EVENTMILL_HOME/overlays/*.yaml` (default ~/.eventmill/overlays) are read after
our data, so an entry with the same name (or `id`) replaces ours.
"""

from __future__ import annotations

import logging

import yaml

from eventmill.actors.kb import KnowledgeBase, overlay_dir, person_from_record
from eventmill.errors import KnowledgeBaseError

log = logging.getLogger(__name__)


def apply_overlay_records(kb: KnowledgeBase, records: list, where: str) -> int:
    added = 0
    for i, rec in enumerate(records or []):
        if not isinstance(rec, dict) or "name" not in rec:
            log.warning("%s entry %d: not an actor record, skipped", where, i + 1)
            continue
        kb.add_person(person_from_record(rec, f"{where} entry {i + 1}"))
        added += 1
    return added


def apply_user_overlays(kb: KnowledgeBase) -> None:
    folder = overlay_dir()
    if not folder.is_dir():
        return
    for path in sorted(folder.glob("*.yaml")):
        try:
            apply_overlay_records(kb, yaml.safe_load(path.read_text("utf-8")), str(path))
        except (yaml.YAMLError, KnowledgeBaseError, KeyError, TypeError) as exc:
            log.warning("overlay %s not used: %s", path, exc)
