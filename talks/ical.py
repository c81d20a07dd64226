"""iCalendar (RFC 5545) for talks, written with the icalendar library (which
builds every content line; only the folding of long lines is ours, see fold())."""

import re
from datetime import UTC, timedelta
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.conf import settings
from icalendar import Calendar, Event, vDuration

from hawkins_site.richtext import http_url

from .models import Talk

ICAL_STATUS = {
    Talk.Status.SCHEDULED: "CONFIRMED",
    Talk.Status.CANCELLED: "CANCELLED",
    Talk.Status.POSTPONED: "TENTATIVE",
}

# How often subscribed calendar apps should come back (RFC 7986, and the older
# name Outlook and Apple Calendar read).
REFRESH = timedelta(hours=12)

_BLOCKS = {
    "p", "div", "h2", "h3", "h4", "li", "blockquote", "pre", "figure", "figcaption",
    "tr", "table", "ul", "ol", "dl", "dt", "dd", "hr",
}  # fmt: skip


class _PlainText(HTMLParser):
    """Text of sanitised HTML for DESCRIPTION: a blank line between blocks, list
    items on lines of their own, <br> kept; the source's own newlines are not."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []

    def handle_starttag(self, tag, attrs):
        if tag == "br":
            self.out.append("\n")
        elif tag == "li":
            self.out.append("\n- ")
        elif tag in _BLOCKS:
            self.out.append("\n\n")

    def handle_endtag(self, tag):
        if tag in _BLOCKS and tag != "li":
            self.out.append("\n\n")

    def handle_data(self, data):
        self.out.append(re.sub(r"\s+", " ", data))


# Some calendar apps (Google's, Outlook) show DESCRIPTION as HTML. Text that
# would read as a tag there ("<script>" written out in an abstract) gets a space
# after its "<", which no HTML parser takes for the start of a tag.
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")


def defuse_markup(text):
    """Plain text that stays plain when a calendar app reads it as HTML."""
    return _TAG_START.sub("< ", text)


def html_to_text(html):
    """Plain text of an HTML fragment, paragraphs separated by blank lines."""
    parser = _PlainText()
    parser.feed(html or "")
    parser.close()
    lines = [" ".join(line.split()) for line in "".join(parser.out).split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _location(talk):
    parts = [p for p in (talk.venue, talk.address, talk.city) if p]
    if talk.is_online:
        url = http_url(talk.event_url)
        parts.append(f"Online: {url}" if url else "Online")
    return ", ".join(parts)


def _description(talk):
    lines = []
    if talk.event_name:
        organiser = f", {talk.organiser}" if talk.organiser else ""
        lines.append(f"{talk.event_name}{organiser}")
    if not talk.is_going_ahead:
        lines.append(f"{talk.get_status_display()}.")
    parts = ["\n".join(lines)] if lines else []
    parts.append(html_to_text(talk.abstract))
    links = [
        f"{label}: {url}"
        for label, url in (
            ("Details", talk.get_canonical_url()),
            ("Event page", http_url(talk.event_url)),
            ("Slides", http_url(talk.slides_url)),
            ("Video", http_url(talk.video_url)),
        )
        if url
    ]
    parts.append("\n".join(links))
    return "\n\n".join(p for p in parts if p)


def talk_event(talk):
    """One VEVENT. DTSTAMP is the last revision (no METHOD: RFC 5545 3.8.7.2), so
    the same talk always serialises the same way and ETags stay stable."""
    event = Event()
    event.add("uid", talk.uid)
    event.add("dtstamp", talk.updated_at.astimezone(UTC))
    event.add("created", talk.created_at.astimezone(UTC))
    event.add("last-modified", talk.updated_at.astimezone(UTC))
    event.add("sequence", talk.sequence)
    event.add("dtstart", talk.starts_at.astimezone(UTC))
    event.add("dtend", talk.effective_ends_at.astimezone(UTC))
    summary = talk.title
    if not talk.is_going_ahead:
        summary = f"{talk.get_status_display()}: {summary}"
    event.add("summary", defuse_markup(summary))
    event.add("status", ICAL_STATUS[talk.status])
    event.add("url", talk.get_canonical_url())
    if location := _location(talk):
        event.add("location", defuse_markup(location))
    event.add("description", defuse_markup(_description(talk)))
    # Only a talk going ahead blocks the time in its reader's calendar.
    event.add("transp", "OPAQUE" if talk.is_going_ahead else "TRANSPARENT")
    return event


def calendar_for(talks, name=None):
    """A VCALENDAR with one VEVENT per talk, as bytes.

    With a `name`, a calendar to subscribe to: named, and telling calendar apps
    how often to come back. Without, a download of one event, to add to the
    reader's own calendar: no calendar-level name or refresh (Outlook would
    otherwise open it as a new calendar called after the talk)."""
    cal = Calendar()
    cal.add("prodid", f"-//{urlsplit(settings.SITE_URL).netloc}//Talks//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if name is not None:
        cal.add("name", name)
        cal.add("x-wr-calname", name)
        cal.add("x-wr-timezone", settings.TIME_ZONE)
        cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
        cal.add("x-published-ttl", vDuration(REFRESH))
    for talk in talks:
        cal.add_component(talk_event(talk))
    return serialise(cal)


def serialise(component):
    """A component as .ics bytes: icalendar's content lines, folded by fold()."""
    lines = component.content_lines(sorted=True)
    return b"\r\n".join(fold(line) for line in lines if line) + b"\r\n"


FOLD_AT = 75  # octets a line may hold, CRLF aside (RFC 5545 3.1)


def fold(line):
    """One content line as UTF-8, folded as RFC 5545 3.1 asks: at most 75 octets
    a line, a continuation starting with a space, never inside a UTF-8 sequence
    and, as icalendar does for older clients, never just after a backslash
    escape. icalendar's own folding measures the line a character at a time,
    which made it most of the cost of a calendar of 40 talks (issue #7); this
    cuts the encoded line in slices."""
    data = line.encode()
    if len(data) <= FOLD_AT:
        return data
    chunks = []
    start, width = 0, FOLD_AT
    while len(data) - start > width:
        end = start + width
        while data[end] & 0xC0 == 0x80:  # a UTF-8 continuation byte
            end -= 1
        if data[end - 1] in b"\\^" and end - 1 > start:
            end -= 1
        chunks.append(data[start:end])
        start, width = end, FOLD_AT - 1  # the leading space takes one octet
    chunks.append(data[start:])
    return b"\r\n ".join(chunks)
