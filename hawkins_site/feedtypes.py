"""Feed generators (RSS 2.0, Atom) that a stray control character cannot break.

XML 1.0 has no way to carry most C0 control characters, and Django's feed
writer raises rather than write them: one vertical tab pasted from a word
processor into a title, a tag or a talk's venue would turn every feed carrying
it into a 500 for every subscriber. These generators drop such characters from
every text they are given; rich text is already cleaned on save (richtext.py)."""

from django.utils import feedgenerator

from .richtext import strip_control_characters


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
        super().add_item(*args, **{k: _xml_safe(v) for k, v in kwargs.items()})


class Rss201rev2Feed(XmlSafeMixin, feedgenerator.Rss201rev2Feed):
    pass


class Atom1Feed(XmlSafeMixin, feedgenerator.Atom1Feed):
    pass
