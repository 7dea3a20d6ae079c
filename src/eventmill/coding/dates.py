"""Event dates: date expressions in the sentence, resolved with dateparser against the
story's date; and the story's year guessed from its text when no date was given."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
RELATIVE = ("yesterday", "today", "tonight", "last", "this", "earlier", "ago", "previous")
# a year after these words is a horizon, not when something happened: "until 2024"
HORIZON_WORDS = frozenset(
    {
        "until",
        "till",
        "by",
        "through",
        "to",
        "before",
        "beyond",
        "since",
        "from",
        "after",
        "towards",
        "toward",
    }
)
_YEAR = re.compile(r"(?<![\d])(19[5-9]\d|20[0-4]\d)(?![\d])")


@dataclass(frozen=True)
class EventDate:
    value: str  # YYYY-MM-DD, YYYY-MM or YYYY
    precision: str  # day, month, year


def infer_year(text: str, today: date | None = None) -> int | None:
    """The story's year from the years it names: the latest that is not a horizon.

    News reports the recent past and refers back; "until 2024" looks forward. Years later
    than today are ignored.
    """
    today = today or date.today()
    years = []
    for m in _YEAR.finditer(text):
        year = int(m.group(1))
        if year > today.year:
            continue
        before = text[max(0, m.start() - 14) : m.start()].lower().split()
        if before and before[-1].strip("(,") in HORIZON_WORDS:
            continue
        years.append(year)
    return max(years) if years else None


@lru_cache(maxsize=1)
def _parser():
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"], settings={"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    )


@lru_cache(maxsize=20_000)
def parse_expression(text: str, base: date, relative_ok: bool) -> EventDate | None:
    """A date expression ('September 28', 'on Tuesday', 'last week') against `base`."""
    words = re.findall(r"[a-z]+|\d+", text.lower())
    has_month = any(w in MONTHS for w in words)
    has_weekday = any(w in WEEKDAYS for w in words)
    has_relative = any(w in RELATIVE for w in words)
    has_year = any(len(w) == 4 and w.isdigit() for w in words)
    if not (has_month or has_weekday or has_relative or has_year):
        return None  # "two years", "the past", "decades": durations, not dates
    if (has_weekday or has_relative) and not relative_ok:
        return None
    if has_weekday and not has_month and not has_year and not has_relative:
        # "on Monday" in a story of a Monday is that day; otherwise the last one before
        wd = next(WEEKDAYS.index(w) for w in words if w in WEEKDAYS)
        return EventDate((base - timedelta(days=(base.weekday() - wd) % 7)).isoformat(), "day")
    if has_year and not (has_month or has_weekday or has_relative):
        year = next(int(w) for w in words if len(w) == 4 and w.isdigit())
        return EventDate(str(year), "year") if 1900 < year <= base.year + 1 else None
    named = [w for w in words if w in MONTHS]
    if has_relative and len(named) == 1 and not has_year and set(words) <= {"last", named[0]}:
        # "last March": the latest March before the story's month (dateparser has no
        # reading of it)
        month = next(i for i, m in enumerate(MONTHS[:12], 1) if m[:3] == named[0][:3])
        year = base.year if month < base.month else base.year - 1
        return EventDate(f"{year}-{month:02d}", "month")
    parser = _parser()
    parser._settings.RELATIVE_BASE = datetime(base.year, base.month, base.day)  # noqa: SLF001
    try:
        data = parser.get_date_data(text)
    except Exception:  # dateparser on odd input: no date rather than a crash
        return None
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj.date()
    if d > base:
        # "on September 28" in a story of October is this year's; dateparser may pick next
        try:
            d = d.replace(year=d.year - 1)
        except ValueError:
            return None
    period = data.period or "day"
    if has_weekday or "week" in words:
        period = "day" if has_weekday else "week"
    if period == "month" or (
        has_month
        and not any(w.isdigit() and len(w) <= 2 for w in words)
        and not has_weekday
        and not has_relative
    ):
        return EventDate(d.strftime("%Y-%m"), "month")
    if period == "year":
        return EventDate(str(d.year), "year")
    if period == "week":
        return EventDate(d.isoformat(), "week")
    return EventDate(d.isoformat(), "day")


def sentence_dates(sent, base: date | None, relative_ok: bool) -> list[tuple[object, EventDate]]:
    """(entity span, date) for each date expression of the sentence that names a time."""
    if base is None:
        return []
    out = []
    for ent in sent.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        before = sent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
        if before in HORIZON_WORDS or ent[0].lower_ in HORIZON_WORDS:
            continue
        parsed = parse_expression(ent.text, base, relative_ok)
        if parsed is not None:
            out.append((ent, parsed))
    return out
