"""Work on tags that spans both apps (posts and talks carry the same tags)."""

from django.db import connection, transaction
from django.db.models.signals import post_delete, pre_delete
from django.dispatch import receiver
from taggit.models import Tag

from hawkins_site.cache import bump_content_version
from talks.models import TaggedTalk

from .models import LegacyPath, Post, TaggedPost
from .redirects import record_tag_move

TAGGED = (TaggedPost, TaggedTalk)


def merge_tags(keep, others):
    """Fold the tags `others` into `keep`: their posts and talks carry `keep`
    instead (once each), their old addresses and feeds answer 301 with
    `keep`'s, and they are deleted. Returns how many posts carried `others`."""
    others = [tag for tag in others if tag.pk != keep.pk]
    retagged = set()
    with transaction.atomic():
        for tag in others:
            posts = TaggedPost.objects.filter(tag=tag)
            retagged.update(posts.values_list("content_object", flat=True))
            for through in TAGGED:
                already = through.objects.filter(tag=keep).values("content_object")
                rows = through.objects.filter(tag=tag).exclude(
                    content_object__in=already
                )
                rows.update(tag=keep)
                # What is left duplicates `keep`: gone before the tag, so the
                # tag-delete receivers below find no posts whose search text
                # to renew (done once for all of them after the loop).
                through.objects.filter(tag=tag).delete()
            # Old Drupal addresses of the tag lead to the tag that stays.
            LegacyPath.objects.filter(tag=tag).update(tag=keep)
            record_tag_move(keep, tag.slug)
            tag.delete()
        for post in Post.objects.filter(pk__in=retagged).only("pk"):
            post.update_search_vector()  # tag names are part of it
        bump_content_version()  # update() sends no signals
    return len(retagged)


# A deleted tag leaves its posts' search vectors (PostgreSQL) holding its name:
# the tag links go by cascade, which no tag manager sees. However the tag is
# deleted (the admin's delete page or action, merge_tags, code), its posts are
# noted first and their vectors rebuilt once the links are gone. Connected in
# PostsConfig.ready().


@receiver(pre_delete, sender=Tag, dispatch_uid="hawkins_tag_deleting")
def note_the_tags_posts(sender, instance, **kwargs):
    if connection.vendor != "postgresql":
        return  # no stored vectors: SQLite's search reads the tags as they are
    instance._post_ids = list(
        TaggedPost.objects.filter(tag=instance).values_list("content_object", flat=True)
    )


@receiver(post_delete, sender=Tag, dispatch_uid="hawkins_tag_deleted")
def renew_the_posts_search_text(sender, instance, **kwargs):
    post_ids = getattr(instance, "_post_ids", ())
    for post in Post.objects.filter(pk__in=post_ids).only("pk"):
        post.update_search_vector()  # tag names are part of it
