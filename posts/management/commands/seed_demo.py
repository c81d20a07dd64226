import secrets
from datetime import datetime, timedelta

import reversion
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from hawkins_site.cache import bump_content_version
from posts.demo_content import POSTS, SERIES
from posts.demo_files import lemon_picture, one_page_pdf
from posts.models import Post, Series
from talks.demo_content import BIO, TALKS
from talks.models import Talk


def _local(text):
    """A 'YYYY-MM-DD HH:MM' string as an aware datetime in the site's zone."""
    naive = datetime.strptime(text, "%Y-%m-%d %H:%M")
    return timezone.make_aware(naive, timezone.get_current_timezone())


class Command(BaseCommand):
    help = (
        "Load the demo content (posts, tags, talks, an admin user). Idempotent: what "
        "exists already, including any edits to it, is left alone."
    )

    def handle(self, *args, **options):
        self._seed()
        bump_content_version()  # demo dates are set with update(): no signal

    @transaction.atomic
    def _seed(self):
        author = self._ensure_admin()
        series, _ = Series.objects.get_or_create(
            slug=SERIES["slug"],
            defaults={"title": SERIES["title"], "description": SERIES["description"]},
        )
        created = 0
        for spec in POSTS:
            if Post.objects.filter(slug=spec["slug"]).exists():
                continue
            with reversion.create_revision():
                reversion.set_user(author)
                reversion.set_comment("Demo content")
                post = self._create_post(spec, author, series)
            created += 1
            kind = (
                "scheduled" if post.is_scheduled else post.get_status_display().lower()
            )
            self.stdout.write(f"  added {kind}: {post}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content: {created} post(s) added, "
                f"{len(POSTS) - created} already present."
            )
        )
        self._seed_talks()

    def _create_post(self, spec, author, series):
        status = spec.get("status", Post.Status.PUBLISHED)
        if "scheduled_in_days" in spec:
            published_at = timezone.now().replace(
                minute=0, second=0, microsecond=0
            ) + timedelta(days=spec["scheduled_in_days"])
        elif status == Post.Status.PUBLISHED:
            published_at = _local(spec["published"])
        else:
            published_at = None
        post = Post.objects.create(
            title=spec["title"],
            slug=spec["slug"],
            body=spec["body"].strip(),
            status=status,
            published_at=published_at,
            author=author,
            series=series if "series_position" in spec else None,
            series_position=spec.get("series_position"),
        )
        if "featured_image" in spec:
            post.featured_image = ContentFile(lemon_picture(), name="lemon.jpg")
            post.featured_image_alt = spec["featured_image"]
            post.featured_image_caption = "Drawn for this site."
            post.save()
        if "attachment" in spec:
            pdf = one_page_pdf(
                spec["attachment"],
                [
                    "1. Arrive: notice thoughts, feelings and sensations.",
                    "2. Gather: follow a few breaths low in the belly.",
                    "3. Expand: widen attention to the whole body and the room.",
                ],
            )
            post.attachments.create(
                title=spec["attachment"],
                file=ContentFile(pdf, name="breathing-space-guide.pdf"),
            )
        post.tags.add(*spec["tags"])
        # updated_at is automatic; give demo posts a believable history.
        updated = _local(spec["updated"]) if "updated" in spec else published_at
        if updated:
            Post.objects.filter(pk=post.pk).update(updated_at=updated)
        return post

    def _seed_talks(self):
        created = 0
        for spec in TALKS:
            if Talk.objects.filter(slug=spec["slug"]).exists():
                continue
            talk = self._create_talk(spec)
            created += 1
            kind = talk.get_visibility_display().lower()
            self.stdout.write(f"  added talk ({kind}): {talk}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo talks: {created} added, {len(TALKS) - created} already present."
            )
        )

    def _create_talk(self, spec):
        if "in_days" in spec:
            day = timezone.localdate() + timedelta(days=spec["in_days"])
            starts_at = _local(f"{day.isoformat()} {spec['time']}")
        else:
            starts_at = _local(spec["starts"]) if "starts" in spec else None
        minutes = spec.get("minutes")
        fields = {
            key: spec[key]
            for key in ("title", "slug", "event_name", "organiser", "venue",
                        "address", "city", "is_online", "status", "visibility",
                        "event_url", "slides_url", "video_url")
            if key in spec
        }  # fmt: skip
        talk = Talk.objects.create(
            **({"visibility": Talk.Visibility.PUBLISHED} | fields),
            abstract=spec["abstract"].strip(),
            speaker_bio=BIO,
            starts_at=starts_at,
            ends_at=starts_at + timedelta(minutes=minutes) if minutes else None,
        )
        talk.tags.add(*spec["tags"])
        talk.related_posts.set(Post.objects.filter(slug__in=spec["posts"]))
        if talk.announced_at and starts_at:
            # A believable history: announced about six weeks ahead.
            announced = min(starts_at - timedelta(weeks=6), timezone.now())
            Talk.objects.filter(pk=talk.pk).update(
                announced_at=announced, created_at=announced, updated_at=announced
            )
        return talk

    def _ensure_admin(self):
        User = get_user_model()
        existing = User.objects.filter(is_superuser=True).order_by("pk").first()
        if existing:
            self.stdout.write(
                f"Admin user {existing.get_username()!r} already exists; its "
                "password is unchanged (reset it with "
                f"`manage.py changepassword {existing.get_username()}`)."
            )
            return existing
        password = secrets.token_urlsafe(12)
        user = User.objects.create_superuser(
            "admin",
            "admin@example.org",
            password,
            first_name="Demo",
            last_name="Author",
        )
        self.stdout.write(
            self.style.WARNING(
                "\nCreated the admin user. These credentials are shown only once:\n"
                f"    username: admin\n    password: {password}\n"
            )
        )
        return user
