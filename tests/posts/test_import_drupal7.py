import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError
from reversion.models import Version
from taggit.models import Tag

from posts.importers.drupal7 import Drupal7Importer
from posts.models import Attachment, DrupalNode, LegacyPath, Post, Series

from .drupal7_fixture import LONG_TITLE, PRESENT_FILES, ROUND_UPS

pytestmark = pytest.mark.django_db

IMPORTED_NIDS = [1, 2, 3, 4, 5, 6, 7, 9, *ROUND_UPS]


def post_of(nid):
    return Post.objects.get(drupal_node__nid=nid)


# --- What the import creates ---------------------------------------------------


def test_every_blog_node_becomes_one_post(imported):
    assert sorted(DrupalNode.objects.values_list("nid", flat=True)) == IMPORTED_NIDS
    assert Post.objects.count() == len(IMPORTED_NIDS)
    assert "Posts imported: 20, updated: 0, unchanged: 0, skipped: 3." in imported


def test_post_keeps_title_dates_status_summary_and_tags(imported):
    post = post_of(1)
    assert post.title == "Mindfulness and the anxious mind"
    assert post.slug == "mindfulness-and-the-anxious-mind"
    assert post.status == Post.Status.PUBLISHED
    assert post.published_at == datetime(2009, 3, 14, 10, tzinfo=UTC)
    assert post.excerpt == "Why a racing mind settles when we stop fighting it."
    assert sorted(t.name for t in post.tags.all()) == ["Anxiety", "Mindfulness"]
    assert post in Post.objects.published()


def test_changed_time_becomes_last_updated(imported):
    post = post_of(2)
    assert post.published_at == datetime(2011, 11, 2, 9, tzinfo=UTC)
    assert post.updated_at == datetime(2016, 5, 20, 17, 30, tzinfo=UTC)
    assert post.was_updated_later
    assert not post_of(1).was_updated_later


def test_long_title_gets_a_whole_word_slug_not_the_truncated_alias(imported):
    post = post_of(2)
    assert post.title == LONG_TITLE
    assert post.slug.endswith("-very-self-critical")


def test_unpublished_node_becomes_a_draft_with_its_tags(imported):
    """Drupal's taxonomy_index lists published nodes only; the tag field has all."""
    draft = post_of(7)
    assert draft.status == Post.Status.DRAFT
    assert [t.name for t in draft.tags.all()] == ["Burnout"]
    assert draft not in Post.objects.published()


def test_body_is_converted_like_drupal_displayed_it_and_sanitised(imported):
    body = post_of(1).body
    # "Convert line breaks into HTML" and "Convert URLs into links"
    assert body.startswith("<p>A racing mind is not a broken mind.</p>")
    assert (
        '<a href="https://www.example.org/study" rel="noopener noreferrer">'
        "https://www.example.org/study</a>." in body
    )
    assert "<br>" in body


def test_inline_images_move_to_media_storage(imported):
    body = post_of(1).body
    assert '<img src="/media/drupal/images/pond.jpg" alt="A still pond">' in body
    # An image-style derivative links to the original.
    assert '<a href="/media/drupal/images/pond.jpg" rel="noopener' in body
    assert "sites/default/files" not in body
    stored = settings.MEDIA_ROOT / "drupal/images/pond.jpg"
    assert stored.read_bytes() == PRESENT_FILES["images/pond.jpg"]


def test_absolute_links_to_the_old_host_are_rewritten_with_old_host(
    import_drupal, drupal_db
):
    body = (
        '<p><img src="https://www.stressedtozest.example/sites/default/files/'
        'images/pond.jpg"> <img src="https://elsewhere.example/sites/default/'
        'files/images/pond.jpg"></p>'
    )
    with closing(sqlite3.connect(drupal_db)) as connection:
        connection.execute(
            "UPDATE field_data_body SET body_value = ? WHERE entity_id = 2", [body]
        )
        connection.commit()
    import_drupal("--old-host", "https://www.stressedtozest.example/")
    assert post_of(2).body == (
        '<p><img src="/media/drupal/images/pond.jpg"> <img src="https://elsewhere'
        '.example/sites/default/files/images/pond.jpg"></p>'
    )


def test_image_field_becomes_the_featured_image_with_renditions(client, imported):
    post = post_of(3)
    assert post.featured_image.name == "drupal/field/image/loch.jpg"
    assert post.featured_image_alt == "Evening light on a loch"
    assert post.featured_image.read() == PRESENT_FILES["field/image/loch.jpg"]
    assert post.featured_renditions["source"] == "drupal/field/image/loch.jpg"
    assert not post.attachments.exists()  # the picture, not a download
    page = client.get(post.get_absolute_url()).content.decode()
    assert 'alt="Evening light on a loch"' in page
    assert post.featured_picture()["thumb"] in page


def test_a_picture_imported_earlier_as_a_download_becomes_the_featured_image(
    import_drupal,
):
    import_drupal()
    post = post_of(3)
    name = post.featured_image.name
    Post.objects.filter(pk=post.pk).update(featured_image="", featured_renditions={})
    Attachment.objects.create(post=post, file=name, title="loch.jpg")
    import_drupal()
    post = post_of(3)
    assert post.featured_image.name == name
    assert not post.attachments.exists()


def test_image_field_without_alt_text_gets_the_title_and_a_warning(imported):
    post = post_of(5)
    assert post.featured_image.name == "drupal/field/image/no-alt.png"
    assert post.featured_image_alt == post.title
    assert "its image field/image/no-alt.png had no alt text" in imported


def test_image_field_holding_no_picture_stays_a_download(imported):
    post = post_of(4)
    assert not post.featured_image
    (attachment,) = post.attachments.all()
    assert attachment.file.name == "drupal/field/image/scan.pdf"
    assert attachment.title == "A scanned page"
    assert "image field/image/scan.pdf cannot be the featured image" in imported


def test_featured_image_is_stable_across_imports(import_drupal):
    import_drupal()
    first = post_of(3).featured_renditions
    out, _ = import_drupal()
    post = post_of(3)
    assert post.featured_renditions == first  # not cut again
    assert post.featured_image.name == "drupal/field/image/loch.jpg"
    assert "updated: 0, unchanged: 20" in out


def test_attachment_is_copied_into_media_storage(imported):
    (attachment,) = post_of(1).attachments.all()
    assert attachment.title == "Breathing space handout"
    assert attachment.file.name == "drupal/handouts/breathing-space.pdf"
    with attachment.file.open("rb") as handle:
        assert handle.read() == PRESENT_FILES["handouts/breathing-space.pdf"]
    assert attachment.file.url == "/media/drupal/handouts/breathing-space.pdf"


def test_every_alias_and_node_path_is_recorded(imported):
    paths = set(post_of(3).legacy_paths.values_list("path", flat=True))
    assert paths == {
        "/node/3",
        "/stressedtozest/2013/06/sleep-%E2%80%93-forgotten-medicine",
        "/blog/sleep-forgotten-medicine",
    }
    research = Tag.objects.get(name="Research")
    tag_paths = LegacyPath.objects.filter(tag=research).values_list("path", flat=True)
    assert set(tag_paths) == {"/taxonomy/term/4", "/category/tags/research"}


def test_series_are_grouped_in_order_with_detect_series(imported):
    series = Series.objects.get()
    assert series.title == "The therapeutic relationship"
    members = series.posts.order_by("series_position")
    assert [(p.series_position, p.title) for p in members] == [
        (1, "The therapeutic relationship"),
        (2, "The therapeutic relationship (2nd post)"),
        (3, "The therapeutic relationship (third post)"),
    ]
    assert 'Series "The therapeutic relationship": 3 posts.' in imported


def test_no_series_without_the_option(import_drupal):
    import_drupal()
    assert not Series.objects.exists()
    assert not Post.objects.exclude(series=None).exists()


def test_matching_user_becomes_the_author(import_drupal, django_user_model):
    doctor = django_user_model.objects.create_user("drhawkins", "doc@example.org")
    out, _ = import_drupal()
    assert post_of(1).author == doctor
    assert "No account here matches" not in out


def test_author_option_and_unknown_author(import_drupal, django_user_model):
    editor = django_user_model.objects.create_user("editor")
    import_drupal("--author", "editor")
    assert set(Post.objects.values_list("author", flat=True)) == {editor.pk}
    with pytest.raises(CommandError, match="There is no user 'nobody' here."):
        import_drupal("--author", "nobody")


def test_unmatched_author_is_reported(imported):
    assert "No account here matches Drupal user(s) drhawkins" in imported
    assert post_of(1).author is None


# --- The summary: skipped nodes and warnings -------------------------------------


def test_summary_lists_each_skipped_node_with_its_reason(imported):
    assert 'node 8 "About this blog": content type "page" is not imported' in imported
    assert (
        'node 10 "Evening talk transcript": its body uses the PHP code text format'
        in imported
    )
    assert (
        'node 11 "A node that lost its dates": its created time 0 is not a valid '
        "date" in imported
    )


def test_invalid_utf8_is_read_as_windows_1252_with_a_warning(imported):
    post = post_of(9)
    assert "We met in a caf\u00e9 near the Meadows." in post.body
    assert (
        "the body is not valid UTF-8 (byte 0xE9 at position 23); read it as "
        "Windows-1252" in imported
    )


def test_text_encoded_twice_is_repaired_with_a_warning(imported):
    assert "tells us \u2013 and what it doesn\u2019t." in post_of(4).body
    assert "the body was encoded twice" in imported


def test_broken_html_is_repaired_with_a_warning(imported):
    assert "<p>Some <em>emphasis never closed.</em></p>" in post_of(9).body
    assert (
        "the body's HTML is malformed (unclosed <em>, unclosed <div>); repaired"
        in imported
    )


def test_missing_attachment_is_reported_and_the_post_still_imported(imported):
    assert not post_of(2).attachments.exists()
    assert "attachment slides/burnout-slides.ppt is missing from --files-root" in (
        imported
    )


def test_duplicate_alias_goes_to_the_node_drupal_served(imported):
    """Drupal answers an alias with its newest row (highest pid): node 1 here."""
    row = LegacyPath.objects.get(path="/blog/mindfulness")
    assert row.post == post_of(1)
    assert (
        "its old address /blog/mindfulness is also an alias of node/1, which "
        "Drupal served there" in imported
    )


def test_progress_bar_is_drawn_when_asked(import_drupal):
    _, err = import_drupal("--progress")
    assert "23/23" in err and "[##" in err


def test_without_files_root_files_are_reported_not_copied(import_drupal):
    out, _ = import_drupal(files_root=False)
    assert not Attachment.objects.exists()
    assert "were not copied because no --files-root was given" in out
    assert "/sites/default/files/images/pond.jpg" in post_of(1).body


# --- Running it again ------------------------------------------------------------


def test_second_run_updates_nothing_and_duplicates_nothing(import_drupal):
    import_drupal("--detect-series")
    counts = [m.objects.count() for m in (Post, LegacyPath, Attachment, Tag, Series)]
    before = {p.pk: (p.body, p.updated_at) for p in Post.objects.all()}
    out, _ = import_drupal("--detect-series")
    assert "Posts imported: 0, updated: 0, unchanged: 20, skipped: 3." in out
    assert [
        m.objects.count() for m in (Post, LegacyPath, Attachment, Tag, Series)
    ] == counts
    assert {p.pk: (p.body, p.updated_at) for p in Post.objects.all()} == before


def test_second_run_takes_changes_made_on_drupal(import_drupal, drupal_db):
    import_drupal()
    with closing(sqlite3.connect(drupal_db)) as connection:
        connection.execute(
            "UPDATE node SET title = 'Mindfulness and the anxious, busy mind', "
            "changed = ? WHERE nid = 1",
            [int(datetime(2018, 1, 2, tzinfo=UTC).timestamp())],
        )
        connection.commit()
    out, _ = import_drupal()
    assert "Posts imported: 0, updated: 1, unchanged: 19" in out
    post = post_of(1)
    assert post.title == "Mindfulness and the anxious, busy mind"
    assert post.slug == "mindfulness-and-the-anxious-mind"  # addresses stay put
    assert post.updated_at == datetime(2018, 1, 2, tzinfo=UTC)


def test_each_import_keeps_a_version_the_author_can_go_back_to(
    import_drupal, drupal_db
):
    import_drupal()
    versions = Version.objects.get_for_object(post_of(1))
    assert [v.revision.comment for v in versions] == ["Imported from Drupal 7"]
    assert versions[0].field_dict["title"] == "Mindfulness and the anxious mind"
    import_drupal()  # nothing changed on Drupal: no new version
    assert Version.objects.get_for_object(post_of(1)).count() == 1
    with closing(sqlite3.connect(drupal_db)) as connection:
        connection.execute("UPDATE node SET title = 'A new title' WHERE nid = 1")
        connection.commit()
    import_drupal()
    versions = Version.objects.get_for_object(post_of(1))
    assert [v.revision.comment for v in versions] == [
        "Updated from Drupal 7",
        "Imported from Drupal 7",
    ]


def test_a_dry_run_keeps_no_version(import_drupal):
    import_drupal("--dry-run")
    assert not Version.objects.exists()


def test_post_edited_here_is_not_overwritten(import_drupal):
    import_drupal()
    post = post_of(3)
    post.body = "<p>Rewritten on the new site.</p>"
    post.save()
    out, _ = import_drupal()
    assert "its post was edited here after the last import" in out
    post.refresh_from_db()
    assert post.body == "<p>Rewritten on the new site.</p>"


def test_post_deleted_here_is_not_imported_again(import_drupal):
    import_drupal()
    post_of(4).delete()
    out, _ = import_drupal()
    assert "its post was deleted here after an earlier import" in out
    assert not Post.objects.filter(title="The therapeutic relationship").exists()


def test_dry_run_reports_and_changes_nothing(import_drupal):
    out, _ = import_drupal("--dry-run", "--detect-series")
    assert "Dry run: nothing was saved and no file copied." in out
    assert "Posts would be imported: 20" in out
    # the handout, the inline image, the three image-field files
    assert "files would be copied: 5" in out
    assert not Post.objects.exists()
    assert not LegacyPath.objects.exists()
    assert not Series.objects.exists()
    assert not (settings.MEDIA_ROOT / "drupal").exists()


def test_a_failing_node_leaves_nothing_behind_and_the_run_goes_on(
    import_drupal, monkeypatch
):
    """The failure comes after the post, its tags and files were written: the
    node's transaction takes all of it back."""
    real = Drupal7Importer._record_node_paths

    def fail_for_node_3(self, post, nid, warnings):
        if nid == 3:
            raise RuntimeError("disk on fire")
        return real(self, post, nid, warnings)

    monkeypatch.setattr(Drupal7Importer, "_record_node_paths", fail_for_node_3)
    out, _ = import_drupal()
    assert (
        'node 3 "Sleep \u2013 the forgotten medicine": could not be imported: '
        "RuntimeError: disk on fire" in out
    )
    assert not DrupalNode.objects.filter(nid=3).exists()
    assert not Post.objects.filter(title__startswith="Sleep").exists()
    assert not Tag.objects.filter(name="Sleep & rest").exists()
    assert Post.objects.count() == len(IMPORTED_NIDS) - 1


# --- Bad input ---------------------------------------------------------------------


def test_missing_database_file_is_a_clear_error(import_drupal, tmp_path):
    with pytest.raises(CommandError, match="There is no SQLite database file at"):
        import_drupal(url=f"sqlite:///{tmp_path}/nope.sqlite")


def test_unreachable_server_is_a_clear_error(import_drupal):
    with pytest.raises(CommandError, match="Could not open the Drupal database"):
        import_drupal(url="mysql://drupal:secret@127.0.0.1:1/drupal")


def test_password_is_not_printed(import_drupal):
    with pytest.raises(CommandError) as error:
        import_drupal(url="mysql://drupal:secret@127.0.0.1:1/drupal")
    assert "secret" not in str(error.value)
    assert "drupal:***@" in str(error.value)


def test_database_that_is_not_drupal_7_is_named_as_such(import_drupal, tmp_path):
    other = tmp_path / "other.sqlite"
    with closing(sqlite3.connect(other)) as connection:
        connection.execute("CREATE TABLE node_revisions (nid INTEGER)")
        connection.execute("CREATE TABLE term_data (tid INTEGER)")
    with pytest.raises(CommandError) as error:
        import_drupal(url=f"sqlite:///{other}")
    message = str(error.value)
    assert "does not look like a Drupal 7 database: missing table(s) node," in message
    assert "It looks like Drupal 6 or older" in message


def test_table_prefix(import_drupal, drupal_db):
    with closing(sqlite3.connect(drupal_db)) as connection:
        tables = connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
        for (table,) in tables:
            connection.execute(f"ALTER TABLE {table} RENAME TO d7_{table}")
        connection.commit()
    with pytest.raises(CommandError, match="pass it with --table-prefix"):
        import_drupal()
    out, _ = import_drupal("--table-prefix", "d7_")
    assert "Posts imported: 20" in out


def test_file_that_is_not_a_database(import_drupal, tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("Just some notes, not a database. " * 200)
    with pytest.raises(CommandError, match="as SQLite: file is not a database"):
        import_drupal(url=str(text))


def test_unknown_address_scheme(import_drupal):
    with pytest.raises(CommandError, match="Unsupported database address"):
        import_drupal(url="oracle://drupal@db/site")


def test_files_root_must_be_a_directory(import_drupal, tmp_path):
    with pytest.raises(CommandError, match="is not a directory"):
        import_drupal("--files-root", str(tmp_path / "nowhere"), files_root=False)


def test_files_the_site_does_not_serve_are_never_copied(imported, settings):
    """Drupal took any upload; an .html (or .svg, or a disguised file) is
    reported and left out, so it can never be served from our origin."""
    assert [a.title for a in post_of(1).attachments.all()] == [
        "Breathing space handout"
    ]
    assert "attachment handouts/reading-list.html: Files of type “.html” cannot" in (
        imported
    )
    assert not list(Path(settings.MEDIA_ROOT).rglob("*.html"))


# --- Aliases that cannot or need not become old addresses -------------------------


def add_aliases(drupal_db, *aliases):
    with closing(sqlite3.connect(drupal_db)) as connection:
        connection.executemany(
            "INSERT INTO url_alias (source, alias, language) VALUES (?, ?, 'und')",
            aliases,
        )
        connection.commit()


def test_aliases_where_this_site_answers_are_warned_about_not_recorded(
    import_drupal, drupal_db, client
):
    add_aliases(
        drupal_db,
        ("node/3", "talks"),
        ("node/3", "feed"),
        ("node/3", "search"),
        ("node/3", "series/"),
        ("node/3", "tags/research"),
        ("node/3", "posts/mindfulness-and-the-anxious-mind"),
        ("node/1", "posts/mindfulness-and-the-anxious-mind-2"),  # no such post
    )
    out, _ = import_drupal()
    for path, page in [
        ("/talks", "/talks/"),
        ("/feed", "/feed/"),
        ("/search", "/search/"),
        ("/series", "/series/"),
        ("/tags/research", "/tags/research/"),
        (
            "/posts/mindfulness-and-the-anxious-mind",
            "/posts/mindfulness-and-the-anxious-mind/",
        ),
    ]:
        assert (
            f"old address {path} is an address of this site, where {page} answers; "
            "not recorded" in out
        ), path
        assert not LegacyPath.objects.filter(path=path).exists(), path
        assert client.get(path)["Location"] == page, path
    assert LegacyPath.objects.get(
        path="/posts/mindfulness-and-the-anxious-mind-2"
    ).post == post_of(1)


def test_aliases_of_other_drupal_pages_are_listed_as_not_imported(
    import_drupal, drupal_db, client
):
    add_aliases(
        drupal_db,
        ("user/1", "users/drhawkins"),
        ("blog/1", "blog/drhawkins"),
        ("blog/1/feed", "blog/drhawkins/feed"),
        ("contact", "get-in-touch"),
        ("node/404", "blog/deleted-long-ago"),
        ("taxonomy/term/9", "category/tags/unused"),
    )
    out, _ = import_drupal()
    assert "Old addresses not imported (4):" in out
    for line in [
        "  /users/drhawkins: alias of user/1: a user's profile page; this site "
        "has none",
        "  /get-in-touch: alias of contact: no page here stands for it",
        "  /blog/deleted-long-ago: alias of node/404: that node no longer exists",
        "  /category/tags/unused: alias of taxonomy/term/9: that tag is on no "
        "imported post",
    ]:
        assert line in out
    # The blog module's pages of the one author lead home, and to the feed.
    assert client.get("/blog/drhawkins")["Location"] == "/"
    assert client.get("/blog/drhawkins?page=1")["Location"] == "/?page=2"
    assert client.get("/blog/drhawkins/feed")["Location"] == "/feed/"
    # A second run records nothing twice and lists the same addresses.
    again, _ = import_drupal()
    assert "Old addresses not imported (4):" in again
    assert "Old addresses recorded: 0;" in again


def test_an_alias_that_was_not_utf8_is_recorded_as_drupal_served_it(
    import_drupal, drupal_db
):
    add_aliases(drupal_db, ("node/9", b"blog/caf\xe9-old"))
    import_drupal()
    assert set(post_of(9).legacy_paths.values_list("path", flat=True)) >= {
        "/blog/caf%E9-old",
        "/blog/caf\u00e9-old",
    }
