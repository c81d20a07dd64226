"""Migrations run on a database that already holds content, as an upgrade does:
every data migration meets posts with an author, a series and tags."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def leaf_nodes():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.fixture
def migrated_back():
    """migrated_back(app, migration): the schema as it was at `migration` (its
    historical apps returned); back to the newest migrations after the test."""
    yield lambda app, name: migrate([(app, name)])
    migrate(leaf_nodes())


def test_reader_aids_migration_upgrades_existing_posts(migrated_back):
    apps = migrated_back("posts", "0002_authoring")
    User = apps.get_model("auth", "User")
    Series = apps.get_model("posts", "Series")
    Post = apps.get_model("posts", "Post")
    Tag = apps.get_model("taggit", "Tag")
    TaggedPost = apps.get_model("posts", "TaggedPost")
    author = User.objects.create(username="author")
    series = Series.objects.create(title="Breathing", slug="breathing")
    post = Post.objects.create(
        title="Mindful breathing",
        slug="mindful-breathing",
        body="<h2>First</h2><p>One two three.</p><h2>Second</h2><h3>Third</h3>",
        status="published",
        published_at="2020-05-01T09:00:00Z",
        author=author,
        series=series,
        series_position=1,
    )
    tag = Tag.objects.create(name="Compassion", slug="compassion")
    TaggedPost.objects.create(content_object=post, tag=tag)

    apps = migrate(leaf_nodes())

    upgraded = apps.get_model("posts", "Post").objects.get(pk=post.pk)
    assert upgraded.word_count == 6
    assert [entry["text"] for entry in upgraded.toc] == ["First", "Second", "Third"]
    assert 'id="h-first"' in upgraded.body
    if connection.vendor == "postgresql":
        # Stemmed and weighted as a tag (B): 'compass':7B
        assert "'compass':" in upgraded.search_vector
        assert "B" in upgraded.search_vector.split("'compass':")[1].split()[0]


def test_web_links_migration_completes_or_drops_stored_links(migrated_back, capsys):
    apps = migrated_back("talks", "0002_editor_and_downloads")
    Talk = apps.get_model("talks", "Talk")
    talk = Talk.objects.create(
        title="Compassion at work",
        slug="compassion-at-work",
        abstract="",
        starts_at="2026-03-12T18:30:00Z",
        visibility="published",
        city="Edinburgh",
        event_url="www.example.org/event",
        slides_url="javascript:alert(1)",
        video_url="https://video.example.org/1",
    )
    apps = migrate(leaf_nodes())
    migrated = apps.get_model("talks", "Talk").objects.get(pk=talk.pk)
    assert migrated.event_url == "https://www.example.org/event"
    assert migrated.slides_url == ""
    assert migrated.video_url == "https://video.example.org/1"
    assert "compassion-at-work): dropped slides_url 'javascript:alert(1)'" in (
        capsys.readouterr().out
    )
