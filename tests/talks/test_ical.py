"""talks/ical.py's line folding: the calendar must read back exactly as
icalendar's own serialisation does, with RFC 5545's limits kept."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar, Event

from talks.ical import FOLD_AT, fold, serialise


def lines_of(data):
    return data.split(b"\r\n")


@pytest.mark.parametrize(
    "text",
    [
        "short",
        "x" * 200,
        "é" * 100,  # two octets each: a cut must fall between them
        "—" * 90,  # three octets each
        "😀" * 60,  # four
        "a\\, b\\; c\\n" * 30,  # escapes all along the line
        ("Mindfulness – a brief review, with “quotes”; and commas, " * 12),
    ],
)
def test_folded_lines_unfold_to_the_original(text):
    folded = fold(text)
    for n, line in enumerate(lines_of(folded)):
        assert len(line) <= FOLD_AT
        line.decode()  # no UTF-8 sequence cut in two
        if n:
            assert line.startswith(b" ")
    assert folded.replace(b"\r\n ", b"").decode() == text


def test_a_backslash_escape_is_not_split_across_lines():
    text = "D" * (FOLD_AT - 1) + "\\,rest of the line"
    first, second = lines_of(fold(text))
    assert not first.endswith(b"\\")
    assert second == b" \\,rest of the line"


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=0, max_size=600))
def test_calendar_reads_back_as_icalendar_writes_it(text):
    """Any text, through an event's DESCRIPTION: our folding and icalendar's
    parse back to the same value."""
    event = Event()
    event.add("uid", "1@example.org")
    event.add("description", text)
    event.add("summary", text[:80])
    cal = Calendar()
    cal.add("prodid", "-//test//EN")
    cal.add("version", "2.0")
    cal.add_component(event)
    ours = serialise(cal)
    for line in lines_of(ours):
        assert len(line) <= FOLD_AT
    theirs = cal.to_ical()
    ours_back = Calendar.from_ical(ours).walk("VEVENT")[0]
    theirs_back = Calendar.from_ical(theirs).walk("VEVENT")[0]
    assert str(ours_back["DESCRIPTION"]) == str(theirs_back["DESCRIPTION"])
    assert str(ours_back["SUMMARY"]) == str(theirs_back["SUMMARY"])
