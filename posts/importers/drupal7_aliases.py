"""Drupal 7's URL aliases as old addresses: each alias and /node/<nid> of an
imported post, each /taxonomy/term/<tid> and alias of a tag, the blog module's
author pages; everything else is listed in the summary as not imported."""

import re
from urllib.parse import quote

from django.urls import reverse

from ..models import LegacyPath
from ..paths import normalise_path
from .common import record_legacy_path
from .drupal7_text import decode_text

NODE_SOURCE = re.compile(r"^node/(\d+)$")
TERM_SOURCE = re.compile(r"^taxonomy/term/(\d+)$")
# The blog module's page (and feed) of one author: the site has one author.
BLOG_SOURCE = re.compile(r"^blog/\d+(?P<feed>/feed)?$")


class OldAddresses:
    """The aliases of a Drupal database, by the system path they stand for."""

    def __init__(self, rows, report):
        self.report = report
        self.owner = {}  # old address -> the source Drupal served there
        self.aliases_of = {}  # source -> [old address, ...]
        for row in rows:  # oldest first: Drupal uses the newest
            source, forms = self._read(row)
            for path in forms:
                if path in {"", "/"}:
                    continue
                self.owner[path] = source
                paths = self.aliases_of.setdefault(source, [])
                if path not in paths:
                    paths.append(path)

    def _read(self, row):
        """The source of alias `row`, and the addresses Drupal served it at."""
        warnings = []
        raw = row["alias"]
        alias = decode_text(raw, f"URL alias {row['pid']}", warnings)
        source = decode_text(row["source"], "source", warnings).strip("/")
        for message in warnings:
            self.report.warn("url_alias", message)
        forms = [normalise_path(alias)]
        if isinstance(raw, bytes | bytearray | memoryview) and not _is_utf8(raw):
            # Drupal served bytes that are not UTF-8 percent-encoded as they
            # were (/blog/caf%E9-old), which no decoding gives back.
            forms.append(normalise_path(quote(bytes(raw), safe="/")))
        return source, forms

    def owned(self, source, warnings):
        """The aliases of `source` that Drupal actually served for it."""
        owned = []
        for path in self.aliases_of.get(source, []):
            winner = self.owner[path]
            if winner == source:
                owned.append(path)
            elif warnings is not None:
                warnings.append(
                    f"its old address {path} is also an alias of {winner}, which "
                    "Drupal served there (the newer alias wins); it leads there"
                )
        return owned

    def record_node(self, post, nid, warnings):
        """/node/<nid> and its aliases lead to `post`: True if a row was added."""
        source = f"node/{nid}"
        added = False
        for path in [f"/{source}", *self.owned(source, warnings)]:
            added |= record_legacy_path(
                path, report=self.report, label=f"node {nid}", post=post
            )
        return added

    def record_term(self, tid, tag):
        """/taxonomy/term/<tid> and its aliases lead to `tag`."""
        source = f"taxonomy/term/{tid}"
        for path in [f"/{source}", *self.owned(source, None)]:
            record_legacy_path(path, report=self.report, label=f"tag {tag}", tag=tag)

    def record_others(self, nids, tids_done):
        """Aliases of anything but an imported post or tag: the blog module's
        author pages lead home (and to the feed); the rest are listed in the
        summary as not imported, with the reason. Nodes that were not imported
        are listed under Skipped already."""
        for source in self.aliases_of:
            reason = None
            if match := NODE_SOURCE.match(source):
                if int(match[1]) not in nids:
                    reason = "that node no longer exists"
            elif match := TERM_SOURCE.match(source):
                if int(match[1]) not in tids_done and not _recorded(f"/{source}"):
                    reason = "that tag is on no imported post"
            elif match := BLOG_SOURCE.match(source):
                target = reverse("posts:feed" if match["feed"] else "posts:list")
                for path in self.owned(source, None):
                    record_legacy_path(
                        path, report=self.report, label=source, target=target
                    )
            elif source.startswith("user/"):
                reason = "a user's profile page; this site has none"
            else:
                reason = "no page here stands for it (add it under Old addresses)"
            if reason is not None:
                for path in self.owned(source, None):
                    self.report.paths_not_imported.append(
                        (path, f"alias of {source}: {reason}")
                    )


def _is_utf8(raw):
    try:
        bytes(raw).decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _recorded(path):
    """True if an earlier run recorded `path` (its tag's posts were not
    imported this time: edited here since, say)."""
    return LegacyPath.objects.filter(path=path).exists()
