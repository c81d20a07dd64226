from django.apps import AppConfig


class PostsConfig(AppConfig):
    name = "posts"
    verbose_name = "Blog"

    def ready(self):
        import reversion
        from taggit.models import Tag

        from . import services  # noqa: F401  search text follows deleted tags
        from .models import Attachment, Post, Series, TaggedPost

        # What a post's history keeps: its row, its tag links (and the tags,
        # so a tag deleted since comes back too) and its attachments.
        # The search vector is left out: it is rebuilt on every save.
        for model, follow, exclude in [
            (Tag, (), ()),
            (TaggedPost, ("tag",), ()),
            (Attachment, (), ()),
            (Post, ("taggedpost_set", "attachments"), ("search_vector",)),
            (Series, (), ()),
        ]:
            if not reversion.is_registered(model):
                reversion.register(model, follow=follow, exclude=exclude)
