"""The site-wide content version: the one page-cache invalidation (issue #7).

Every cached page is stored under the current version, so bumping it retires every
cached page at once. It is bumped by the one signal receiver below, whenever a model
of a content app is saved or deleted or a many-to-many link of one changes, and when
a scheduled date passes (a post goes live, a talk becomes past) with no save at all.
A new model is covered by living in one of CONTENT_APPS; a new scheduled date by
one line in SCHEDULED_DATES.
"""

import logging
import secrets
from datetime import UTC, datetime
from typing import NamedTuple

from django.apps import apps
from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction
from django.db.models import F, Min
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

# Apps whose rows public pages show (tags belong to taggit).
CONTENT_APPS = frozenset({"posts", "talks", "taggit"})


def _talk_end():
    """When a talk stops being upcoming, in SQL: TalkQuerySet.upcoming()'s rule."""
    from talks.models import effective_end

    return effective_end(F("ends_at"), F("starts_at"))


# Moments at which public content changes by itself, with no save: each is an
# attribute of the model (for a row being saved) and an expression (to find the
# next one in the database).
SCHEDULED_DATES = {
    "posts.Post": {"published_at": lambda: F("published_at")},
    "talks.Talk": {"starts_at": lambda: F("starts_at"), "effective_ends_at": _talk_end},
}

STATE_KEY = "site:content-state"

logger = logging.getLogger(__name__)

# Local memory is per process: a change saved through one gunicorn worker can't
# reach the others' caches, so there the state lives only this long, bounding how
# stale another worker's pages can be. Redis (CACHE_URL) is shared and exact.
PROCESS_LOCAL_STATE_SECONDS = 10


class ContentState(NamedTuple):
    version: str
    changed_at: float  # Unix time: the Last-Modified of every public page
    expires_at: float | None  # the next scheduled change, if any


def current_state():
    """The content state pages are cached under, renewed once a scheduled date
    passes (one query per scheduled field then, none otherwise)."""
    state = cache.get(STATE_KEY)
    now = timezone.now().timestamp()
    if state is None or _is_due(state, now):
        state = _store(_next_scheduled_change(now), now)
    return state


def bump_content_version(instance=None):
    """Retire every cached page now: content changed (bulk writes call this by
    hand, since bulk_create() and update() send no signals)."""
    now = timezone.now().timestamp()
    previous = cache.get(STATE_KEY)
    if previous is None or _is_due(previous, now):
        expires_at = _next_scheduled_change(now)
    else:
        # No query: the earlier of the known next change and this row's own
        # future dates. Too early at worst (a moved or deleted date), never late.
        dates = [previous.expires_at, *_future_dates(instance, now)]
        expires_at = min((d for d in dates if d is not None), default=None)
    return _store(expires_at, now)


def _is_due(state, now):
    return state.expires_at is not None and now >= state.expires_at


def _store(expires_at, now):
    state = ContentState(secrets.token_hex(8), now, expires_at)
    # `cache` is a proxy, never a LocMemCache itself: ask for the backend behind it.
    local = isinstance(caches[DEFAULT_CACHE_ALIAS], LocMemCache)
    cache.set(STATE_KEY, state, PROCESS_LOCAL_STATE_SECONDS if local else None)
    return state


def _scheduled_models():
    for label, dates in SCHEDULED_DATES.items():
        yield apps.get_model(label), dates


def _next_scheduled_change(now):
    """The earliest future scheduled moment in the database, as Unix time."""
    moment = datetime.fromtimestamp(now, tz=UTC)
    found = []
    for model, dates in _scheduled_models():
        for expression in dates.values():
            rows = model._base_manager.annotate(moment=expression())
            earliest = rows.filter(moment__gt=moment).aggregate(next=Min("moment"))
            if earliest["next"] is not None:
                found.append(earliest["next"].timestamp())
    return min(found, default=None)


def _future_dates(instance, now):
    for model, dates in _scheduled_models():
        if isinstance(instance, model):
            for name in dates:
                value = getattr(instance, name, None)
                if value is not None and value.timestamp() > now:
                    yield value.timestamp()


@receiver(post_save, dispatch_uid="hawkins_content_saved")
@receiver(post_delete, dispatch_uid="hawkins_content_deleted")
@receiver(m2m_changed, dispatch_uid="hawkins_content_linked")
def content_changed(
    sender, instance=None, action=None, raw=False, using=None, **kwargs
):
    """Bump the version when content changes: now, so this request and this
    transaction see it, and again on commit, so that no page rendered by another
    worker from the not-yet-committed data outlives the transaction."""
    if sender._meta.app_label not in CONTENT_APPS or raw:
        return
    if action is not None and not action.startswith("post_"):
        return  # m2m_changed: only after the links changed
    _bump_or_log(instance)
    if transaction.get_connection(using).in_atomic_block:
        transaction.on_commit(lambda: _bump_or_log(instance), using=using)


def _bump_or_log(instance):
    """Saving content must work while the cache server is down; say so loudly,
    since pages cached before the outage may then outlive this change."""
    try:
        bump_content_version(instance)
    except Exception:
        logger.error("Could not retire cached pages after a change", exc_info=True)
