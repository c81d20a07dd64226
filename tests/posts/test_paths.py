import pytest

from posts.paths import (
    candidate_paths,
    drupal_page_query,
    is_allowed_target,
    normalise_path,
    page_query,
)


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("blog/my-post", "/blog/my-post"),
        ("/blog/my-post/", "/blog/my-post"),
        ("  /blog/my-post//  ", "/blog/my-post"),
        ("https://old.example.org/blog/My-Post/?page=2#top", "/blog/My-Post"),
        ("//old.example.org/node/3", "/node/3"),
        ("/blog/caf%c3%a9", "/blog/caf%C3%A9"),
        ("/", "/"),
        ("", ""),
    ],
)
def test_normalise_path(raw, stored):
    assert normalise_path(raw) == stored


def test_candidates_cover_decoded_and_encoded_forms_best_first():
    assert candidate_paths("/a/sleep-\u2013-b/") == [
        "/a/sleep-\u2013-b",
        "/a/sleep-%E2%80%93-b",
    ]
    assert candidate_paths("/a/sleep-%E2%80%93-b") == [
        "/a/sleep-%E2%80%93-b",
        "/a/sleep-\u2013-b",
        "/a/sleep-%25E2%2580%2593-b",
    ]


@pytest.mark.parametrize("path", ["/", "", "/\x00", "/a\nb", "/" + "x" * 600])
def test_paths_that_cannot_be_stored_have_no_candidates(path):
    assert candidate_paths(path) == []


@pytest.mark.parametrize(
    ("page", "query"),
    [(None, ""), ("", ""), ("0", ""), ("1", "?page=2"), ("9", "?page=10"),
     ("-1", ""), ("abc", ""), ("1.5", ""), ("9" * 30, "")],
)  # fmt: skip
def test_drupal_page_numbers_count_from_zero(page, query):
    assert drupal_page_query(page) == query


@pytest.mark.parametrize(
    ("page", "query"),
    [(None, ""), ("0", ""), ("1", ""), ("2", "?page=2"), ("9", "?page=9"),
     ("-3", ""), ("abc", ""), ("9" * 30, "")],
)  # fmt: skip
def test_this_sites_page_numbers_count_from_one(page, query):
    assert page_query(page) == query


@pytest.mark.parametrize(
    ("target", "allowed"),
    [("/archive/", True), ("https://example.org/x", True), ("http://e.org", True),
     ("//evil.example.com/", False), ("javascript:alert(1)", False),
     ("ftp://example.org/", False), ("archive/", False), ("/a\nb", False)],
)  # fmt: skip
def test_redirect_targets_are_local_paths_or_web_urls(target, allowed):
    assert is_allowed_target(target) is allowed


@pytest.mark.parametrize("raw", ["//[x/blog", "//[]/", "http://[::1"])
def test_unparseable_hosts_give_no_path_rather_than_an_error(raw):
    assert normalise_path(raw) == ""


@pytest.mark.django_db
def test_a_request_for_such_a_path_is_a_plain_404(client):
    # "/%2F[x" reaches the view as the path "//[x" (Django decodes the escape).
    assert client.get("/%2F[x/blog").status_code == 404


@pytest.mark.parametrize("target", ["//evil.example/x", "/\\evil.example/x"])
def test_targets_that_browsers_read_as_other_sites_are_refused(target):
    assert not is_allowed_target(target)
