"""Tests of coding/dates.py: the story's year from its text, and date expressions resolved
against the story's date."""

from __future__ import annotations

from datetime import date

import pytest

from eventmill.coding.dates import EventDate, infer_year, parse_expression, sentence_dates

TODAY = date(2022, 6, 1)


# ---------------------------------------------------------------------------- infer_year
def test_infer_year_picks_the_latest_year():
    text = "The pipeline was planned in 2015, delayed in 2018 and opened in 2020."
    assert infer_year(text, today=TODAY) == 2020


def test_infer_year_ignores_a_horizon():
    text = "The ceasefire, agreed in 2019, is meant to hold until 2024."
    assert infer_year(text, today=date(2030, 1, 1)) == 2019


@pytest.mark.parametrize(
    "horizon", ["until", "by", "through", "before", "after", "since", "from", "(until"]
)
def test_infer_year_horizon_words(horizon):
    text = f"Talks resumed in 2017. The treaty runs {horizon} 2021."
    assert infer_year(text, today=TODAY) == 2017


def test_infer_year_ignores_years_after_today():
    text = "The summit of 2021 set goals for 2035 and 2040."
    assert infer_year(text, today=TODAY) == 2021


def test_infer_year_none_without_a_year():
    assert infer_year("The ministers met on Monday in Oslo.", today=TODAY) is None
    assert infer_year("", today=TODAY) is None


def test_infer_year_ignores_numbers_that_are_not_years():
    text = "Some 12000 troops and 1800 tanks moved; 20190 people fled. It was 2016."
    assert infer_year(text, today=TODAY) == 2016


def test_infer_year_uses_today_by_default():
    assert infer_year(f"Elections were held in {date.today().year}.") == date.today().year
    assert infer_year(f"Elections are due in {date.today().year + 1}.") is None


# ---------------------------------------------------------------------------- parse_expression
BASE = date(2018, 10, 1)
THURSDAY = date(2024, 6, 27)


@pytest.mark.parametrize(
    ("text", "base", "expected"),
    [
        ("September 28", BASE, EventDate("2018-09-28", "day")),
        ("on September 28", BASE, EventDate("2018-09-28", "day")),
        ("28 September 2018", BASE, EventDate("2018-09-28", "day")),
        # a day after the story's date is last year's
        ("October 5", BASE, EventDate("2017-10-05", "day")),
        ("December 31", date(2019, 1, 2), EventDate("2018-12-31", "day")),
        ("September", BASE, EventDate("2018-09", "month")),
        ("September 2017", BASE, EventDate("2017-09", "month")),
        ("2019", date(2020, 3, 1), EventDate("2019", "year")),
        ("in 2016", date(2020, 3, 1), EventDate("2016", "year")),
    ],
)
def test_absolute_expressions(text, base, expected):
    assert parse_expression(text, base, True) == expected
    # an absolute date needs no story date to be trusted
    assert parse_expression(text, base, False) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on Tuesday", EventDate("2024-06-25", "day")),
        ("Tuesday", EventDate("2024-06-25", "day")),
        ("on Monday", EventDate("2024-06-24", "day")),
        ("yesterday", EventDate("2024-06-26", "day")),
        ("last month", EventDate("2024-05", "month")),
        ("last year", EventDate("2023", "year")),
    ],
)
def test_relative_expressions(text, expected):
    assert parse_expression(text, THURSDAY, True) == expected


def test_last_week_has_week_precision():
    result = parse_expression("last week", THURSDAY, True)
    assert result is not None
    assert result.precision == "week"
    assert date(2024, 6, 17) <= date.fromisoformat(result.value) <= date(2024, 6, 23)


@pytest.mark.parametrize("text", ["on Tuesday", "last week", "yesterday", "last month"])
def test_relative_expressions_refused_when_not_allowed(text):
    assert parse_expression(text, THURSDAY, False) is None


@pytest.mark.parametrize(
    "text", ["two years", "decades", "the past", "three days", "a long time", "recently"]
)
def test_durations_are_not_dates(text):
    assert parse_expression(text, BASE, True) is None


def test_year_far_after_the_story_is_refused():
    assert parse_expression("2031", BASE, True) is None


def test_result_does_not_depend_on_earlier_calls():
    # the parser is shared and its base date is reset for every call
    first = parse_expression("on Friday", date(2020, 1, 15), True)
    parse_expression("on Friday", date(2023, 8, 30), True)
    assert parse_expression("on Friday", date(2020, 1, 15), True) == first
    assert first == EventDate("2020-01-10", "day")


# ---------------------------------------------------------------------------- sentence_dates
@pytest.fixture(scope="module")
def nlp():
    from eventmill import nlp as nlp_module

    return nlp_module.load()


def test_sentence_dates_skip_horizons(nlp):
    sent = next(
        nlp(
            "The two ministers met in Oslo on Tuesday and agreed to keep the quotas until 2030."
        ).sents
    )
    found = [(span.text, d) for span, d in sentence_dates(sent, THURSDAY, True)]
    assert found == [("Tuesday", EventDate("2024-06-25", "day"))]


def test_sentence_dates_need_a_story_date(nlp):
    sent = next(nlp("The ministers met in Oslo on September 28.").sents)
    assert sentence_dates(sent, None, True) == []
    assert [d for _, d in sentence_dates(sent, BASE, False)] == [EventDate("2018-09-28", "day")]


def test_the_stories_own_weekday_is_the_same_day():
    # "on Thursday" in a story of a Thursday is that day, not a week before
    assert parse_expression("on Thursday", THURSDAY, True) == EventDate("2024-06-27", "day")
    assert parse_expression("on Wednesday", THURSDAY, True) == EventDate("2024-06-26", "day")
    assert parse_expression("on Friday", THURSDAY, True) == EventDate("2024-06-21", "day")


def test_last_month_name_is_the_latest_such_month_before_the_story():
    base = date(2020, 9, 1)
    assert parse_expression("last March", base, True) == EventDate("2020-03", "month")
    assert parse_expression("last December", base, True) == EventDate("2019-12", "month")
    assert parse_expression("last Sept", base, True) == EventDate("2019-09", "month")
    assert parse_expression("last March", base, False) is None  # no story date to count from
