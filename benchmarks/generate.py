"""The benchmark's dataset, the same on every run: posts of about 800 words with
3 to 5 of 200 tags over ten years, and 40 talks once the talks app has a Talk.

    python -m benchmarks.generate --posts 1000   (against DATABASE_URL; adds rows)

`make bench` calls generate() on a fresh database of its own.
"""

import argparse
import random
from datetime import UTC, datetime, timedelta

from django.apps import apps
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

SEED = 20260101
TAG_COUNT = 200
TALK_COUNT = 40
WORDS_PER_POST = 800
# Ten years of posts, ending before any run of the benchmark.
FIRST_DATE = datetime(2015, 1, 1, 9, 0, tzinfo=UTC)
LAST_DATE = datetime(2024, 12, 31, 18, 0, tzinfo=UTC)
BATCH = 500

VOCABULARY = """
mindfulness compassion therapy therapist client relationship attention breath
awareness stress anxiety depression sleep research study trial evidence practice
meditation kindness self-criticism shame emotion regulation body mind clinic
patient doctor psychotherapy attachment trauma recovery resilience habit change
listening presence acceptance commitment cognitive behavioural approach model
outcome measure effect size sample group control randomised review meta-analysis
conference seminar workshop talk reading notes week month year morning evening
walk nature silence retreat teacher student training supervision ethics boundary
empathy warmth genuineness alliance rupture repair session room chair question
answer story memory hope fear anger grief joy gratitude curiosity patience effort
the a of and to in is that for with on as it this by be are was at from or an
""".split()
TOPICS = """
mindfulness compassion sleep stress anxiety depression research meditation trauma
attachment empathy grief gratitude resilience supervision ethics breath burnout
kindness acceptance shame habits listening walking retreats neuroscience
""".split()
QUALIFIERS = """
clinical everyday applied early modern brief group online daily practical
""".split()


def tag_names():
    """200 distinct, deterministic tag names."""
    names = list(TOPICS)
    names += [f"{q} {t}" for q in QUALIFIERS for t in TOPICS]
    return names[:TAG_COUNT]


def sentence(rng, low=8, high=18):
    words = [rng.choice(VOCABULARY) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize() + "."


def body_html(rng):
    """About WORDS_PER_POST words: paragraphs under a few subheadings."""
    parts, words = [], 0
    while words < WORDS_PER_POST:
        if parts and rng.random() < 0.15:
            parts.append(f"<h2>{sentence(rng, 3, 6)[:-1]}</h2>")
        paragraph = " ".join(sentence(rng) for _ in range(rng.randint(4, 8)))
        words += paragraph.count(" ") + 1
        parts.append(f"<p>{paragraph}</p>")
    return "\n".join(parts)


@transaction.atomic
def generate(posts=1000, seed=SEED, out=print):
    """Add the dataset to the (empty) database; bulk writes, then one bump of
    the page-cache version, since bulk_create() sends no signals."""
    from taggit.models import Tag

    from hawkins_site.cache import bump_content_version
    from posts.models import Post, TaggedPost

    rng = random.Random(seed)
    tags = Tag.objects.bulk_create(
        [Tag(name=name, slug=slugify(name)) for name in tag_names()]
    )
    span = (LAST_DATE - FIRST_DATE) / posts
    rows = []
    for i in range(posts):
        title = sentence(rng, 4, 9)[:-1]
        body = body_html(rng)
        published_at = FIRST_DATE + span * i + timedelta(minutes=rng.randint(0, 600))
        post = Post(
            title=title,
            slug=f"{slugify(title)[:80]}-{i}",
            body=body,
            status=Post.Status.PUBLISHED,
            published_at=published_at,
        )
        post.derive_fields()  # what save() would derive: bulk_create() skips it
        rows.append(post)
    created = Post.objects.bulk_create(rows, batch_size=BATCH)
    links = [
        TaggedPost(content_object=post, tag=tag)
        for post in created
        for tag in rng.sample(tags, rng.randint(3, 5))
    ]
    TaggedPost.objects.bulk_create(links, batch_size=BATCH * 4)
    # Post.updated_at is auto_now: give it the publication date, as an import would.
    for post in created:
        post.updated_at = post.published_at
    Post.objects.bulk_update(created, ["updated_at"], batch_size=BATCH)
    for post in created:
        post.update_search_vector()  # PostgreSQL's full-text vector, as save() does
    out(f"Generated {len(created)} posts, {len(tags)} tags, {len(links)} tag links.")
    generate_talks(rng, out)
    bump_content_version()


def generate_talks(rng, out=print):
    """40 talks, three quarters past, when the talks app has a Talk model."""
    try:
        talk_model = apps.get_model("talks", "Talk")
    except LookupError:
        out("No talks.models.Talk yet: skipped the 40 talks.")
        return
    fields = {f.name for f in talk_model._meta.get_fields()}
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    for i in range(TALK_COUNT):
        starts_at = now + timedelta(days=(i - 30) * 21 + 1, hours=rng.randint(0, 8))
        title = sentence(rng, 3, 7)[:-1]
        values = {
            "title": title,
            "slug": f"{slugify(title)[:80]}-{i}",
            "abstract": "".join(f"<p>{sentence(rng)}</p>" for _ in range(4)),
            "event_name": f"{rng.choice(TOPICS).title()} seminar {2015 + i % 11}",
            "organiser": "Edinburgh Psychotherapy Network",
            "venue": "Assembly Rooms",
            "address": "54 George Street",
            "city": "Edinburgh",
            "is_online": i % 5 == 0,
            "starts_at": starts_at,
            "ends_at": starts_at + timedelta(hours=2),
            "status": "scheduled",
            "visibility": "published",
        }
        talk = talk_model.objects.create(
            **{k: v for k, v in values.items() if k in fields}
        )
        if "tags" in fields:
            talk.tags.add(*rng.sample(tag_names(), 3))
    out(f"Generated {TALK_COUNT} talks.")


def main():
    import django

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1000)
    args = parser.parse_args()
    django.setup()
    generate(args.posts)


if __name__ == "__main__":
    main()
