import pytest
from django.core.management import call_command

from posts.models import Post
from talks.demo_content import TALKS
from talks.models import Talk

pytestmark = pytest.mark.django_db


def test_seed_demo_adds_a_believable_programme_of_talks_once():
    call_command("seed_demo")
    call_command("seed_demo")
    assert Talk.objects.count() == len(TALKS)
    public = Talk.objects.published()
    assert public.upcoming().count() >= 2
    assert public.past().count() >= 2
    assert public.filter(status=Talk.Status.CANCELLED).count() == 1
    assert public.filter(is_online=True).count() >= 1
    assert Talk.objects.filter(visibility=Talk.Visibility.DRAFT).count() == 1
    for talk in public:
        assert talk.related_posts.exists(), talk.slug
        assert talk.abstract.startswith("<p>") and talk.speaker_bio, talk.slug
        assert talk.announced_at <= talk.starts_at or not talk.is_upcoming
    linked = Post.objects.published().filter(talks__in=public).distinct()
    assert linked.count() >= 5


def test_seed_demo_leaves_edited_talks_alone():
    call_command("seed_demo")
    talk = Talk.objects.get(slug=TALKS[0]["slug"])
    talk.title = "Edited by the author"
    talk.save()
    call_command("seed_demo")
    talk.refresh_from_db()
    assert talk.title == "Edited by the author"
