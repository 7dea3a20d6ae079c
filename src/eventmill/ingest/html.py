"""Article extraction from HTML with trafilatura; publication date from the page (htmldate)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from eventmill.ingest.readers import parse_published


@dataclass
class Article:
    text: str
    title: str | None
    published: date | None
    url: str | None


def extract_article(html: str) -> Article | None:
    """The main text of a page with its title and date, or None when it has no article."""
    import trafilatura

    result = trafilatura.bare_extraction(
        html,
        include_comments=False,
        include_tables=False,
        with_metadata=True,
        favor_precision=True,
    )
    if result is None:
        return None
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = (data.get("text") or "").strip()
    if not text:
        return None
    title = data.get("title") or None
    if title and not text.startswith(title):
        # keep the headline in the text, as a scraper's plain text would have it
        text = f"{title}\n\n{text}"
    return Article(
        text=text, title=title, published=parse_published(data.get("date")), url=data.get("url")
    )
