"""Production serving (issue #7): static files hashed, pre-compressed and cached for
ever; the gunicorn config; the benchmark's floor view kept out of the site."""

import runpy
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client, override_settings

from benchmarks import loadgen
from benchmarks.generate import body_html, generate, tag_names

ROOT = Path(__file__).resolve().parent.parent


MANIFEST_STORAGE = {
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}


@pytest.fixture(scope="module")
def collected_root(tmp_path_factory):
    """collectstatic as in production, once for this module (it compresses the
    admin's files too, which takes seconds)."""
    root = tmp_path_factory.mktemp("static")
    storages = {**settings.STORAGES, "staticfiles": MANIFEST_STORAGE}
    with override_settings(STATIC_ROOT=root, STORAGES=storages):
        call_command("collectstatic", interactive=False, verbosity=0)
    return root


@pytest.fixture
def collected_static(settings, collected_root):
    settings.STATIC_ROOT = collected_root
    settings.STORAGES = {**settings.STORAGES, "staticfiles": MANIFEST_STORAGE}
    return collected_root


def hashed_css(static_root):
    (css,) = (static_root / "css").glob("site.*.css")
    return f"/static/css/{css.name}"


def test_static_files_are_hashed_and_cached_for_a_year_or_more(collected_static):
    response = Client().get(hashed_css(collected_static))
    assert response.status_code == 200
    assert "immutable" in response["Cache-Control"]
    max_age = int(response["Cache-Control"].split("max-age=")[1].split(",")[0])
    assert max_age >= 365 * 24 * 3600


@pytest.mark.parametrize(("accept", "encoding"), [("br, gzip", "br"), ("gzip", "gzip")])
def test_static_files_are_served_precompressed(collected_static, accept, encoding):
    response = Client().get(hashed_css(collected_static), HTTP_ACCEPT_ENCODING=accept)
    assert response["Content-Encoding"] == encoding


def test_gunicorn_config_sizes_workers_from_cpus_and_uses_the_run_dir(
    monkeypatch, tmp_path
):
    monkeypatch.setenv("RUNTIME_DIRECTORY", str(tmp_path))
    monkeypatch.delenv("GUNICORN_WORKERS", raising=False)
    monkeypatch.setattr("multiprocessing.cpu_count", lambda: 4)
    config = runpy.run_path(str(ROOT / "deploy" / "gunicorn.conf.py"))
    assert config["workers"] == 9
    assert config["worker_class"] == "sync"
    assert config["timeout"] == 30
    assert config["control_socket"] == str(tmp_path / "gunicorn.ctl")


@pytest.mark.django_db
def test_the_floor_view_exists_only_in_the_benchmarks_urlconf(client, settings):
    assert client.get("/bench/floor/").status_code == 404
    settings.ROOT_URLCONF = "benchmarks.urls"
    response = client.get("/bench/floor/")
    assert response.content == b"Hello, world.\n"
    assert "X-Page-Cache" not in client.get("/bench/floor/")


# --- The benchmark's dataset and load client --------------------------------------


@pytest.mark.django_db
def test_generated_dataset_is_deterministic_and_shaped_as_specified():
    from posts.models import Post

    notes = []
    generate(posts=30, out=notes.append)
    posts = list(Post.objects.published().prefetch_related("tags"))
    assert len(posts) == 30
    assert all(3 <= len(p.tags.all()) <= 5 for p in posts)
    words = len(posts[0].body.split())
    assert 750 <= words <= 1000
    assert posts[0].teaser and "<" not in posts[0].teaser
    years = {p.published_at.year for p in posts}
    assert min(years) == 2015 and max(years) == 2024
    assert any("talks" in note for note in notes)
    assert len(set(tag_names())) == 200
    import random

    assert body_html(random.Random(1)) == body_html(random.Random(1))


@pytest.mark.django_db
def test_generated_posts_carry_what_save_derives():
    """bulk_create() skips save(): the dataset must still have the plain text,
    word count, contents and search vector that pages and search use."""
    from hawkins_site.richtext import add_heading_anchors, plain_text, sanitize_html
    from posts.models import Post
    from posts.search import search_posts

    generate(posts=12, out=lambda _: None)
    posts = list(Post.objects.all())
    for post in posts:
        body, toc = add_heading_anchors(sanitize_html(post.body))  # as save() does
        assert (post.body, post.toc) == (body, toc)
        assert post.body_text == plain_text(body)
        assert post.word_count == len(post.body_text.split()) > 700
    assert any(post.toc for post in posts)
    assert search_posts("mindfulness").exists()  # a stored vector on PostgreSQL


def test_bench_never_drops_the_database_database_url_names(monkeypatch):
    from benchmarks.run import bench_database_url

    monkeypatch.setenv("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/site")
    assert bench_database_url("hawkins_bench").endswith("/hawkins_bench")
    with pytest.raises(SystemExit, match="would drop site"):
        bench_database_url("site")


WRK_OUTPUT = """Running 10s test @ http://127.0.0.1:8765/
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     5.01ms    1.20ms  30.00ms   90.00%
  Latency Distribution
     50%    4.80ms
     75%    5.50ms
     90%    6.20ms
     99%    1.02s
  29670 requests in 10.00s, 10.00MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 4
Requests/sec:   2967.00
Transfer/sec:      1.00MB
"""


def test_wrk_output_is_read_into_a_result(monkeypatch):
    class Done:
        stdout = WRK_OUTPUT

    monkeypatch.setattr(loadgen.subprocess, "run", lambda *a, **k: Done())
    result = loadgen.run_wrk("http://127.0.0.1:8765/", 16, 10, 2, {})
    assert result.requests_per_s == 2967.0
    assert result.p50_ms == 4.8 and result.p99_ms == 1020.0
    assert result.errors == 7 and result.requests == 29670
