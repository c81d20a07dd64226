"""A small Drupal 7 blog, written for the import tests.

The tables follow Drupal 7's own definitions (drupal7_schema.py). The content
is ours: posts under all three URL patterns, an alias cut at 100
characters, an alias with a percent-encoded en dash, a node with two aliases,
an alias claimed by two nodes, tags (one only on a draft), an attachment and a
missing one, an inline image, image-field pictures (with and without alt text,
and a PDF that is no picture), an unpublished node, a node changed long after it
was created, a page, a PHP node, a node without dates, one with
invalid UTF-8 and broken HTML, one whose text was encoded twice, and a
three-part series."""

from datetime import UTC, datetime
from pathlib import Path

from tests import images

from .drupal7_schema import create_tables


def ts(*args):
    return int(datetime(*args, tzinfo=UTC).timestamp())


LONG_TITLE = (
    "What the research really says about compassion-focused therapy for people "
    "who are very self-critical"
)
TRUNCATED_ALIAS = (
    "stressedtozest/2011/11/what-research-really-says-about-compassion-focused-"
    "therapy-people-who-are-ver"
)
assert len(TRUNCATED_ALIAS) == 100
EN_DASH_ALIAS = "stressedtozest/2013/06/sleep-%E2%80%93-forgotten-medicine"

INVALID_UTF8_BODY = (
    b"<div><p>We met in a caf\xe9 near the Meadows.</p>"
    b"<p>Some <em>emphasis never closed.</p>"
)
VALID_UTF8_BODY = (
    "<div><p>We met in a caf\u00e9 near the Meadows.</p>"
    "<p>Some <em>emphasis never closed.</p>"
).encode()

# nid: (type, title, status, created, changed, format, body, summary)
NODES = {
    1: (
        "blog",
        "Mindfulness and the anxious mind",
        1,
        ts(2009, 3, 14, 10),
        ts(2009, 3, 14, 10),
        "filtered_html",
        "A racing mind is not a broken mind.\n\n"
        '<img src="/sites/default/files/images/pond.jpg" alt="A still pond">\n\n'
        "See the study at https://www.example.org/study.\n"
        "And the "
        '<a href="/sites/default/files/styles/large/public/images/pond.jpg'
        '?itok=Ab1">larger picture</a>.',
        "<p>Why a racing mind settles when we stop fighting it.</p>",
    ),
    2: (
        "blog",
        LONG_TITLE,
        1,
        ts(2011, 11, 2, 9),
        ts(2016, 5, 20, 17, 30),
        "full_html",
        "<p>Self-criticism keeps people stuck.</p><p>Here is what trials show.</p>",
        "",
    ),
    3: (
        "blog",
        "Sleep \u2013 the forgotten medicine",
        1,
        ts(2013, 6, 10, 8),
        ts(2013, 6, 10, 8),
        "filtered_html",
        "<p>Sleep is where the day gets filed away.</p>",
        None,
    ),
    4: (
        "blog",
        "The therapeutic relationship",
        1,
        ts(2015, 1, 10, 12),
        ts(2015, 1, 10, 12),
        "filtered_html",
        # encoded twice, as text that went through latin1 tables comes back
        "<p>Part one: what the research on alliance tells us \u00e2\u20ac\u201c "
        "and what it doesn\u00e2\u20ac\u2122t.</p>",
        None,
    ),
    5: (
        "blog",
        "The therapeutic relationship (2nd post)",
        1,
        ts(2015, 2, 10, 12),
        ts(2015, 2, 10, 12),
        "filtered_html",
        "<p>Part two: ruptures and repairs.</p>",
        None,
    ),
    6: (
        "blog",
        "The therapeutic relationship (third post)",
        1,
        ts(2015, 3, 10, 12),
        ts(2015, 3, 10, 12),
        "filtered_html",
        "<p>Part three: endings.</p>",
        None,
    ),
    7: (
        "blog",
        "Notes for a talk on burnout",
        0,
        ts(2016, 9, 1, 7),
        ts(2016, 9, 2, 7),
        "filtered_html",
        "<p>Draft notes, not for publication yet.</p>",
        None,
    ),
    8: (
        "page",
        "About this blog",
        1,
        ts(2008, 5, 1),
        ts(2008, 5, 1),
        "filtered_html",
        "<p>Who writes here.</p>",
        None,
    ),
    9: (
        "blog",
        "Caf\u00e9 conversations",
        1,
        ts(2012, 4, 4, 16),
        ts(2012, 4, 4, 16),
        "full_html",
        INVALID_UTF8_BODY,
        None,
    ),
    10: (
        "blog",
        "Evening talk transcript",
        1,
        ts(2010, 10, 10),
        ts(2010, 10, 10),
        "php_code",
        "<?php print 'Hello'; ?>",
        None,
    ),
    11: (
        "blog",
        "A node that lost its dates",
        1,
        0,
        0,
        "filtered_html",
        "<p>Impossible.</p>",
        None,
    ),
}
ROUND_UPS = range(20, 32)  # twelve research round-ups, one a month of 2014
for n, nid in enumerate(ROUND_UPS, start=1):
    NODES[nid] = (
        "blog",
        f"Research round-up no. {n}",
        1,
        ts(2014, n, 5, 9),
        ts(2014, n, 5, 9),
        "filtered_html",
        f"<p>Papers worth reading, month {n}.</p>",
        None,
    )

TERMS = {
    1: "Mindfulness",
    2: "Anxiety",
    3: "Compassion",
    4: "Research",
    5: "Sleep & rest",
    6: "Therapeutic relationship",
    7: "Burnout",
}
NODE_TAGS = {1: [1, 2], 2: [3, 4], 3: [5], 4: [6], 5: [6], 6: [6], 7: [7], 9: [3]}
NODE_TAGS.update({nid: [4] for nid in ROUND_UPS})

# (source, alias), oldest first: the pid is the position.
ALIASES = [
    ("node/9", "blog/mindfulness"),  # claimed again below by node/1, which wins
    ("node/1", "stressedtozest/2009/03/mindfulness-and-anxious-mind"),
    ("node/2", TRUNCATED_ALIAS),
    ("node/3", EN_DASH_ALIAS),
    ("node/3", "blog/sleep-forgotten-medicine"),
    ("node/4", "blog/therapeutic-relationship"),
    ("node/5", "therapeutic-relationship-2nd-post"),
    ("node/6", "blog/therapeutic-relationship-third-post"),
    ("node/7", "blog/notes-talk-burnout"),
    ("node/8", "about"),
    ("node/9", "blog/cafe-conversations"),
    ("node/1", "blog/mindfulness"),
    ("taxonomy/term/1", "category/tags/mindfulness"),
    ("taxonomy/term/4", "category/tags/research"),
    ("taxonomy/term/5", "category/tags/sleep-rest"),
]
ALIASES += [(f"node/{nid}", f"blog/research-round-up-{nid - 19}") for nid in ROUND_UPS]

# fid: (filename, uri, mime, present in the files directory)
FILES = {
    1: (
        "breathing-space.pdf",
        "public://handouts/breathing-space.pdf",
        "application/pdf",
    ),
    2: (
        "burnout-slides.ppt",
        "public://slides/burnout-slides.ppt",
        "application/x-ppt",
    ),
    3: ("pond.jpg", "public://images/pond.jpg", "image/jpeg"),
    # Drupal allowed any upload: a page must never reach media storage.
    4: ("reading-list.html", "public://handouts/reading-list.html", "text/html"),
    5: ("loch.jpg", "public://field/image/loch.jpg", "image/jpeg"),
    6: ("scan.pdf", "public://field/image/scan.pdf", "application/pdf"),
    7: ("no-alt.png", "public://field/image/no-alt.png", "image/png"),
}
PRESENT_FILES = {
    "handouts/breathing-space.pdf": b"%PDF-1.4\n% a breathing space handout\n",
    "images/pond.jpg": images.jpeg((64, 48), color=(90, 140, 160)),
    "handouts/reading-list.html": b"<html><script>alert(1)</script></html>",
    "field/image/loch.jpg": images.jpeg((120, 80), color=(40, 60, 90)),
    "field/image/scan.pdf": b"%PDF-1.4\n% a scanned page\n",
    "field/image/no-alt.png": images.png((30, 30)),
}
# nid: [(fid, alt, title)] in the image field
NODE_IMAGES = {
    3: [(5, "Evening light on a loch", "")],
    4: [(6, "", "A scanned page")],
    5: [(7, "", "")],
}
# nid: [(fid, description)]
NODE_ATTACHMENTS = {
    1: [(1, "Breathing space handout"), (4, "Reading list")],
    2: [(2, "")],
}

FILTERS = {
    "filtered_html": [
        "filter_html",
        "filter_url",
        "filter_autop",
        "filter_htmlcorrector",
    ],
    "full_html": ["filter_url", "filter_autop", "filter_htmlcorrector"],
    "plain_text": ["filter_html_escape", "filter_url", "filter_autop"],
    "php_code": ["php_code"],
}


def _insert(cursor, dialect, table, row):
    mark = "?" if dialect == "sqlite" else "%s"
    columns = ", ".join(row)
    marks = ", ".join([mark] * len(row))
    cursor.execute(
        f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(row.values())
    )


def fill(cursor, dialect, *, invalid_utf8=True):
    """Insert the content. Only SQLite gets the invalid UTF-8 node as such:
    MariaDB and PostgreSQL (UTF-8 databases) refuse those bytes."""
    blob = b"a:0:{}"
    for vid, (nid, node) in enumerate(sorted(NODES.items()), start=1):
        kind, title, status, created, changed, fmt, body, summary = node
        _insert(cursor, dialect, "node", {
            "nid": nid, "vid": vid, "type": kind, "language": "und", "title": title,
            "uid": 1, "status": status, "created": created, "changed": changed,
            "comment": 2, "promote": 1, "sticky": 0, "tnid": 0, "translate": 0,
        })  # fmt: skip
        _insert(cursor, dialect, "node_revision", {
            "nid": nid, "vid": vid, "uid": 1, "title": title, "log": "",
            "timestamp": changed, "status": status, "comment": 2, "promote": 1,
            "sticky": 0,
        })  # fmt: skip
        if isinstance(body, bytes):
            body = body if invalid_utf8 and dialect == "sqlite" else VALID_UTF8_BODY
            body = body.decode("utf-8") if dialect != "sqlite" else body
        _insert(cursor, dialect, "field_data_body", {
            "entity_type": "node", "bundle": kind, "deleted": 0, "entity_id": nid,
            "revision_id": vid, "language": "und", "delta": 0, "body_value": body,
            "body_summary": summary, "body_format": fmt,
        })  # fmt: skip
        for delta, tid in enumerate(NODE_TAGS.get(nid, [])):
            _insert(cursor, dialect, "field_data_field_tags", {
                "entity_type": "node", "bundle": kind, "deleted": 0, "entity_id": nid,
                "revision_id": vid, "language": "und", "delta": delta,
                "field_tags_tid": tid,
            })  # fmt: skip
            if status:  # Drupal indexes published nodes only
                _insert(cursor, dialect, "taxonomy_index", {
                    "nid": nid, "tid": tid, "sticky": 0, "created": created,
                })  # fmt: skip
        for delta, (fid, description) in enumerate(NODE_ATTACHMENTS.get(nid, [])):
            _insert(cursor, dialect, "field_data_field_attachments", {
                "entity_type": "node", "bundle": kind, "deleted": 0, "entity_id": nid,
                "revision_id": vid, "language": "und", "delta": delta,
                "field_attachments_fid": fid, "field_attachments_display": 1,
                "field_attachments_description": description,
            })  # fmt: skip
        for delta, (fid, alt, title) in enumerate(NODE_IMAGES.get(nid, [])):
            _insert(cursor, dialect, "field_data_field_image", {
                "entity_type": "node", "bundle": kind, "deleted": 0, "entity_id": nid,
                "revision_id": vid, "language": "und", "delta": delta,
                "field_image_fid": fid, "field_image_alt": alt,
                "field_image_title": title, "field_image_width": 120,
                "field_image_height": 80,
            })  # fmt: skip
    for tid, name in TERMS.items():
        _insert(cursor, dialect, "taxonomy_term_data", {
            "tid": tid, "vid": 1, "name": name, "description": "",
            "format": "filtered_html", "weight": 0,
        })  # fmt: skip
    for pid, (source, alias) in enumerate(ALIASES, start=1):
        _insert(cursor, dialect, "url_alias", {
            "pid": pid, "source": source, "alias": alias, "language": "und",
        })  # fmt: skip
    for fid, (filename, uri, mime) in FILES.items():
        _insert(cursor, dialect, "file_managed", {
            "fid": fid, "uid": 1, "filename": filename, "uri": uri, "filemime": mime,
            "filesize": 100, "status": 1, "timestamp": ts(2009, 3, 14),
        })  # fmt: skip
    for uid, name, mail in [(0, "", ""), (1, "drhawkins", "doctor@example.org")]:
        _insert(cursor, dialect, "users", {
            "uid": uid, "name": name, "pass": "", "mail": mail, "theme": "",
            "signature": "", "created": ts(2008, 5, 1), "status": 1,
            "language": "", "init": mail, "data": blob,
        })  # fmt: skip
    for n, (field_name, kind, module) in enumerate([
        ("body", "text_with_summary", "text"),
        ("field_tags", "taxonomy_term_reference", "taxonomy"),
        ("field_attachments", "file", "file"),
        ("field_image", "image", "image"),
    ], start=1):  # fmt: skip
        _insert(cursor, dialect, "field_config", {
            "id": n, "field_name": field_name, "type": kind, "module": module,
            "active": 1, "storage_type": "field_sql_storage",
            "storage_module": "field_sql_storage", "storage_active": 1,
            "locked": 0, "data": blob, "cardinality": 1, "translatable": 0,
            "deleted": 0,
        })  # fmt: skip
    for fmt, names in FILTERS.items():
        for weight, name in enumerate(names):
            module = "php" if name == "php_code" else "filter"
            _insert(cursor, dialect, "filter", {
                "format": fmt, "module": module, "name": name, "weight": weight,
                "status": 1, "settings": blob,
            })  # fmt: skip


def build(connection, dialect, *, invalid_utf8=True):
    """Create the Drupal 7 tables and content through a DB-API connection."""
    cursor = connection.cursor()
    create_tables(cursor, dialect)
    fill(cursor, dialect, invalid_utf8=invalid_utf8)
    connection.commit()
    cursor.close()


def make_files_root(directory):
    """Drupal's sites/default/files, with every file but the missing slides."""
    root = Path(directory)
    for relative, content in PRESENT_FILES.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return root
