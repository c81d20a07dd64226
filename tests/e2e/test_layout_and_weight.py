"""Pages at a phone's and a desktop's width, screenshots for a reviewer, and
what a first visit costs: requests, bytes, and nothing from anyone else."""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from . import browser as b

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WIDTHS = [375, 1280]
SCREENSHOTS = ["home", "post", "talk"]
NOT_FOUND = r"^404 .*/no-such-page/$"

# Horizontal overflow, measured honestly: hiding it on <html> or <body> would
# only cut content off, so that counts as a failure too.
SIDEWAYS = """
() => ({
  scrollWidth: document.documentElement.scrollWidth,
  innerWidth: window.innerWidth,
  hidden: [document.documentElement, document.body]
    .map((el) => getComputedStyle(el).overflowX)
    .filter((value) => value !== "visible" && value !== "auto"),
})
"""


@pytest.mark.parametrize("width", WIDTHS)
def test_pages_fit_the_width_and_are_photographed(public_pages, new_context, width):
    context, watch = new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    too_wide = {}
    shots = b.ARTIFACTS / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    for name, (path, status) in public_pages.items():
        assert page.goto(path).status == status
        fit = page.evaluate(SIDEWAYS)
        if fit["scrollWidth"] > fit["innerWidth"] or fit["hidden"]:
            too_wide[name] = fit
        if name in SCREENSHOTS:
            page.screenshot(path=shots / f"{name}-{width}.png", full_page=True)
    assert too_wide == {}
    for name in SCREENSHOTS:
        assert (shots / f"{name}-{width}.png").stat().st_size > 10_000
    watch.assert_clean(allowed_failures=[NOT_FOUND])


def test_a_wide_table_scrolls_in_a_box_the_keyboard_can_reach(
    public_pages, new_context
):
    path, _ = public_pages["rich-post"]
    for width, scrolls in [(375, True), (1280, False)]:
        context, watch = new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        page.goto(path)
        box = page.locator(".prose figure.table")
        fits = box.evaluate("el => el.scrollWidth <= el.clientWidth")
        assert fits is not scrolls
        if scrolls:
            region = page.get_by_role("region", name="Three trials, side by side")
            expect(region).to_have_attribute("tabindex", "0")
            region.focus()
            page.keyboard.press("ArrowRight")
            expect(region).not_to_have_js_property("scrollLeft", 0)
        else:
            expect(box).not_to_have_attribute("tabindex", "0")
            expect(box).not_to_have_attribute("role", "region")
        watch.assert_clean()


def _first_visit(new_context, path):
    """Load `path` in an empty profile; its requests, once the network is idle."""
    context, watch = new_context()
    page = context.new_page()
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    response = page.goto(path)
    page.wait_for_load_state("networkidle")
    return response, finished, watch


def test_first_visits_are_light_and_first_party(public_pages, new_context):
    """Records each page's requests and transferred bytes (printed at the end of
    the run and saved to test-artifacts/page-weight.json)."""
    outside = {}
    for name, (path, status) in public_pages.items():
        response, finished, watch = _first_visit(new_context, path)
        assert response.status == status
        sizes = [request.sizes() for request in finished]
        b.PAGE_WEIGHTS.append(
            {
                "page": name,
                "path": path,
                "requests": len(watch.requests),
                "transfer_bytes": sum(
                    s["responseBodySize"] + s["responseHeadersSize"] for s in sizes
                ),
                "html_bytes": response.request.sizes()["responseBodySize"],
                "by_type": _count_by_type(watch.requests),
                "third_party": watch.third_party(),
            }
        )
        if watch.third_party():
            outside[name] = watch.third_party()
        watch.assert_clean(allowed_failures=[NOT_FOUND])
    assert outside == {}


def _count_by_type(requests):
    counts = {}
    for request in requests:
        counts[request.resource_type] = counts.get(request.resource_type, 0) + 1
    return counts


def test_a_post_loads_one_stylesheet_one_script_and_no_fonts(public_pages, new_context):
    response, finished, watch = _first_visit(new_context, public_pages["post"][0])
    assert response.ok
    own = [r for r in watch.requests if r.url.startswith(watch.origin)]
    kinds = _count_by_type(own)
    assert kinds.get("stylesheet") == 1, [r.url for r in own]
    assert kinds.get("script") == 1, [r.url for r in own]
    assert kinds.get("font", 0) == 0, [r.url for r in own]
    (script,) = [r for r in own if r.resource_type == "script"]
    assert urlsplit(script.url).path.startswith("/static/js/site.")
    assert watch.third_party() == []
    watch.assert_clean()
