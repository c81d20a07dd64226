from datetime import timedelta

from django.conf import settings
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe

from hawkins_site.pagination import paginate
from hawkins_site.richtext import http_url, plain_text, teaser_from_html, truncate_words
from hawkins_site.tagging import prefetch_tags
from posts.models import Post

from .ical import calendar_for
from .models import Talk
from .templatetags.talks_tags import talk_when

CALENDAR_DAYS = 365  # calendar.ics: talks from the last year onwards

SCHEMA = "https://schema.org/"
EVENT_STATUS = {
    Talk.Status.SCHEDULED: SCHEMA + "EventScheduled",
    Talk.Status.CANCELLED: SCHEMA + "EventCancelled",
    Talk.Status.POSTPONED: SCHEMA + "EventPostponed",
}


@require_safe
def talk_list(request):
    public = Talk.objects.for_listing()
    page = paginate(request, public.past())
    upcoming = list(public.upcoming()) if page.number == 1 else []
    return render(request, "talks/talk_list.html", {"upcoming": upcoming, "page": page})


@require_safe
def talk_detail(request, slug):
    is_staff = request.user.is_staff
    visible = Talk.objects.all() if is_staff else Talk.objects.published()
    related = Post.objects.published().only("title", "slug", "published_at")
    talk = get_object_or_404(
        visible.prefetch_related(
            prefetch_tags(),
            "attachments",
            Prefetch("related_posts", related, to_attr="public_posts"),
        ),
        slug=slug,
    )
    response = render(
        request,
        "talks/talk_detail.html",
        {
            "talk": talk,
            "is_public": talk.is_public,
            "description": meta_description(talk),
            "event_ld": event_json_ld(talk) if talk.is_public else None,
        },
    )
    if not talk.is_public:
        add_never_cache_headers(response)
        response.headers["X-Robots-Tag"] = "noindex"
    return response


def meta_description(talk):
    """The page's description for search results and link previews: the
    abstract as plain text, cut on a word within 160 characters; or, with no
    abstract, who gives the talk and where."""
    if text := plain_text(talk.abstract):
        return truncate_words(text, max_words=60, max_chars=159)  # + "…"
    at = f" at {talk.event_name}" if talk.event_name else ""
    return f"A talk by {settings.SITE_AUTHOR_NAME}{at}, {talk_when(talk)}."


def event_json_ld(talk):
    """The talk as a schema.org Event, for search engines (JSON-LD)."""
    if not talk.starts_at:  # a draft without a date is not an event yet
        return None
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": talk.title,
        "url": talk.get_canonical_url(),
        "startDate": timezone.localtime(talk.starts_at).isoformat(),
        "eventStatus": EVENT_STATUS[talk.status],
        "performer": {
            "@type": "Person",
            "name": settings.SITE_AUTHOR_NAME,
            "jobTitle": settings.SITE_AUTHOR_JOB_TITLE,
            "url": settings.SITE_URL + "/",
        },
    }
    if talk.ends_at:
        data["endDate"] = timezone.localtime(talk.ends_at).isoformat()
    if summary := teaser_from_html(talk.abstract):
        data["description"] = summary
    places = []
    if talk.has_place:
        address = {
            "@type": "PostalAddress",
            "streetAddress": talk.address,
            "addressLocality": talk.city,
            "addressCountry": talk.country,
        }
        place = {
            "@type": "Place",
            "name": talk.venue or talk.city,
            "address": {k: v for k, v in address.items() if v},
        }
        places.append(place)
    event_url = http_url(talk.event_url)
    if talk.is_online:
        url = event_url or talk.get_canonical_url()
        places.append({"@type": "VirtualLocation", "url": url})
    if talk.is_online and talk.has_place:
        mode = "MixedEventAttendanceMode"
    elif talk.is_online:
        mode = "OnlineEventAttendanceMode"
    else:
        mode = "OfflineEventAttendanceMode"
    data["eventAttendanceMode"] = SCHEMA + mode
    if places:
        data["location"] = places[0] if len(places) == 1 else places
    if talk.organiser:
        organizer = {"@type": "Organization", "name": talk.organiser}
        if event_url:
            organizer["url"] = event_url
        data["organizer"] = organizer
    return data


def _ics_response(content, filename):
    """text/calendar as a download. The page cache middleware gives it ETag,
    Last-Modified (the site's content version: any edit to any talk moves it)
    and the feeds' Cache-Control, and answers conditional GET with 304."""
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
def calendar_ics(request):
    """Every public talk from the last year onwards, for calendar subscriptions."""
    since = timezone.now() - timedelta(days=CALENDAR_DAYS)
    talks = (
        Talk.objects.published()
        .filter(starts_at__gte=since)
        .order_by("starts_at", "pk")
    )
    content = calendar_for(talks, f"{settings.SITE_TITLE}: talks")
    return _ics_response(content, "talks.ics")


@require_safe
def talk_ics(request, slug):
    talk = get_object_or_404(Talk.objects.published(), slug=slug)
    content = calendar_for([talk])  # one event to add, not a calendar
    return _ics_response(content, f"{talk.slug}.ics")
