"""Tests of ingest/cleaning.py: which lines of a story are coded, which are dropped and why,
and that every offset still points into the text as read."""

from __future__ import annotations

import pytest

from eventmill.ingest.cleaning import MAX_BLOCK_CHARS, clean, is_chrome, normalise

STORY = "The prime ministers of Norway and Sweden met in Oslo on Friday to discuss fishing rights."


def kept(text: str) -> list[str]:
    blocks, _ = clean(text)
    return [text[b.start : b.end] for b in blocks]


def dropped(text: str) -> list[tuple[str, str]]:
    _, gone = clean(text)
    return [(text[d.start : d.end], d.why) for d in gone]


@pytest.mark.parametrize(
    "line",
    [
        "Leave a review",
        "Follow us on social networks",
        "News Line",
        "Read more",
        "Share this article",
        "Cookie settings",
        "Subscribe to our newsletter",
        "FOLLOW US ON SOCIAL NETWORKS",
        "Read more:",
        "Read more: Nordic leaders meet in Oslo",
        "Read more: What's in the deal the Nordic leaders signed in Oslo last week",
        "See also | Sweden and Norway agree on a new border crossing near Narvik",
        "Related: Sweden and Norway agree on a new border crossing near Narvik",
        "Trending: Norway expels two Russian diplomats over spying",
        "FILE - Riot police detain a protester in Oslo, Norway, on June 20, 2024. "
        "(AP Photo/Ola Nordmann, File)",
        "Riot police detain a protester in Oslo. (Reuters/Kari Nordmann)",
        "Photo: Soldiers patrol a street in Bergen on Tuesday. AFP/Kari Nordmann",
        "Armed police patrol a street in Oslo, July 13, 2009. REUTERS/Staff",
        "Fishermen mend their nets in Tromso on Monday. AFP",
        "Share this article on Facebook",
        "Photo: Nordic Press",
        "Tags: Norway, Sweden",
        "Comments (14)",
        "E-mail",
        "12",
        "* * *",
    ],
)
def test_chrome_lines_are_dropped(line):
    text = f"{STORY}\n{line}\n"
    assert kept(text) == [STORY]
    assert dropped(text) == [(line, "chrome")]


@pytest.mark.parametrize(
    "line",
    [
        "Share prices fell in Oslo after the central bank raised its key rate.",
        "Share prices fall in Oslo",  # a headline: no full stop, still not chrome
        "Home: the long road back for the fishermen of northern Norway after the storm",
        "Police detained 20 protesters in Oslo (AP).",
        "Police said the file - a dossier of charges - was sent to prosecutors.",
        "Home Secretary resigns over asylum row",
        "Home Secretary resigns",
        "Watch list of sanctioned firms grows",
        "Search continues for missing fishermen",
        "Print workers strike in Bergen",
        "Related talks will be held in Stockholm next month.",
        "Comments by the minister angered Stockholm.",
        "Photo-sharing service Instagram was blocked in Norway on Monday.",
        "The ministry said it would respond, AFP reported.",
        "Police fired tear gas, according to AP.",
    ],
)
def test_news_lines_starting_like_chrome_are_kept(line):
    text = f"{line}\n{STORY}\n"
    assert kept(text) == [line, STORY]
    assert dropped(text) == []


def test_a_story_on_one_line_ending_in_a_credit_is_kept():
    # a caption is short; a whole story scraped onto one line may end with the agency too
    line = " ".join([STORY] * 6) + " AFP"
    assert kept(f"{line}\n") == [line]


def test_is_chrome_ignores_case_and_punctuation():
    assert is_chrome("  Leave a Review!  ")
    assert is_chrome("READ MORE »")
    assert not is_chrome(STORY)


def test_repeated_headline_is_dropped_as_repeated():
    text = (
        "Nordic neighbours settle fishing dispute\n"
        "\n"
        "Nordic neighbours settle fishing dispute\n"
        f"{STORY}\n"
        "NORDIC NEIGHBOURS SETTLE FISHING DISPUTE!\n"
    )
    assert kept(text) == ["Nordic neighbours settle fishing dispute", STORY]
    assert dropped(text) == [
        ("Nordic neighbours settle fishing dispute", "repeated"),
        ("NORDIC NEIGHBOURS SETTLE FISHING DISPUTE!", "repeated"),
    ]


def test_block_offsets_point_into_the_original_text():
    text = (
        "\ufeffHeadline with a byte order mark\r\n"
        "   \t Indented first paragraph about Tromsø and Malmö.   \r\n"
        "\r\n"
        "Read more\r\n"
        "Second paragraph — with a dash, “quotes” and émigrés.\u2028\n"
        "\tLast line without a newline"
    )
    blocks, gone = clean(text)
    lines = text.splitlines()
    expected = [
        lines[0].strip(),
        lines[1].strip(),
        "Second paragraph — with a dash, “quotes” and émigrés.",
        "Last line without a newline",
    ]
    assert [text[b.start : b.end] for b in blocks] == expected
    for b in blocks:
        piece = text[b.start : b.end]
        assert piece == piece.strip()
        assert 0 <= b.start < b.end <= len(text)
    assert [(text[d.start : d.end], d.why) for d in gone] == [("Read more", "chrome")]


def test_blocks_are_in_order_and_do_not_overlap():
    text = "\n".join(f"Paragraph number {i} names Oslo and Stockholm." for i in range(50))
    blocks, _ = clean(text)
    assert len(blocks) == 50
    for a, b in zip(blocks, blocks[1:], strict=False):
        assert a.end < b.start


def test_very_long_line_is_split_under_the_limit():
    sentence = "The envoys of Iceland and Denmark met again in Reykjavik to talk about cod. "
    line = sentence * (3 * MAX_BLOCK_CHARS // len(sentence) + 5)
    text = f"Headline\n{line.strip()}\nLast line."
    blocks, _ = clean(text)
    long_blocks = blocks[1:-1]
    assert len(long_blocks) >= 3
    for b in long_blocks:
        piece = text[b.start : b.end]
        assert b.end - b.start <= MAX_BLOCK_CHARS
        assert piece == piece.strip()  # every block starts and ends on a character
        assert piece.startswith("The envoys")  # cut at a sentence end, not mid-sentence
        assert piece.endswith("cod.")
    # together the pieces are the whole line, white space between them aside
    joined = " ".join(text[b.start : b.end] for b in long_blocks)
    assert joined == line.strip()
    assert text[blocks[-1].start : blocks[-1].end] == "Last line."


def test_long_line_without_sentence_ends_is_cut_hard():
    line = "x" * (2 * MAX_BLOCK_CHARS + 10)
    blocks, _ = clean(line)
    assert [b.end - b.start for b in blocks] == [MAX_BLOCK_CHARS, MAX_BLOCK_CHARS, 10]
    assert "".join(line[b.start : b.end] for b in blocks) == line


def test_cleaning_never_changes_the_text():
    text = f"Leave a review\n{STORY}\n{STORY}\n"
    before = str(text)
    clean(text)
    assert text == before


def test_blank_and_empty_text():
    assert clean("") == ([], [])
    assert clean("\n \n\t\n") == ([], [])


def test_lines_differing_in_a_number_are_not_repeats():
    text = (
        "Police said 5 people were hurt in the clashes in Bergen.\n"
        "Police said 12 people were hurt in the clashes in Bergen.\n"
    )
    assert len(kept(text)) == 2
    assert dropped(text) == []


def test_normalise_keeps_words_and_numbers():
    assert normalise("  Read MORE: 3 stories »") == "read more 3 stories"
    assert normalise("Editor's picks") == "editor's picks"
    assert normalise("Tromsø, Malmö!") == "tromsø malmö"
