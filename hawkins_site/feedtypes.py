"""Feed generators (RSS 2.0, Atom) that a stray control character cannot break,
and whose item HTML carries absolute links.

XML 1.0 has no way to carry most C0 control characters, and Django's feed
writer raises rather than write them: one vertical tab pasted from a word
processor into a title, a tag or a talk's venue would turn every feed carrying
it into a 500 for every subscriber. These generators drop such characters from
every text they are given; rich text is already cleaned on save (richtext.py).

Feeds have no base URL (RSS has none, and feed readers ignore xml:base), so the
root-relative links and images of a body ("/posts/…", "/media/uploads/…") are
made absolute on SITE_URL here, once per item, for every feed of the site."""

from django.conf import settings
from django.utils import feedgenerator

from .richtext import absolute_urls, strip_control_characters

# The item texts that carry HTML.
HTML_FIELDS = ("description", "content")


def _xml_safe(value):
    if isinstance(value, str):
        return strip_control_characters(value)
    if isinstance(value, list | tuple):
        return type(value)(_xml_safe(v) for v in value)
    return value


class XmlSafeMixin:
    def __init__(self, *args, **kwargs):
        args = [_xml_safe(a) for a in args]
        super().__init__(*args, **{k: _xml_safe(v) for k, v in kwargs.items()})

    def add_item(self, *args, **kwargs):
        args = [_xml_safe(a) for a in args]
        kwargs = {k: _xml_safe(v) for k, v in kwargs.items()}
        if len(args) > 2:  # title, link, description given by position
            args[2] = absolute_urls(args[2], settings.SITE_URL)
        for name in HTML_FIELDS:
            if kwargs.get(name):
                kwargs[name] = absolute_urls(kwargs[name], settings.SITE_URL)
        super().add_item(*args, **kwargs)


class Rss201rev2Feed(XmlSafeMixin, feedgenerator.Rss201rev2Feed):
    pass


class Atom1Feed(XmlSafeMixin, feedgenerator.Atom1Feed):
    """Atom with the whole post in <content type="html"> and the teaser, as
    plain text, in <summary> (item keyword `summary`). Django's Atom writer
    puts the description in <summary type="html"> and has no <content>, so
    readers that show summaries only would show the whole post, and those that
    look for <content> would find none."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item.get("summary"):
            handler.addQuickElement("summary", item["summary"], {"type": "text"})
        if item["description"] is not None:
            handler.addQuickElement("content", item["description"], {"type": "html"})
