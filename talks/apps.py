from django.apps import AppConfig


class TalksConfig(AppConfig):
    name = "talks"
    verbose_name = "Talks"

    def ready(self):
        import reversion

        from .models import Attachment, TaggedTalk, Talk

        # A talk's history keeps its row, its tag links and its downloads.
        for model, follow in [
            (TaggedTalk, ("tag",)),
            (Attachment, ()),
            (Talk, ("taggedtalk_set", "attachments")),
        ]:
            if not reversion.is_registered(model):
                reversion.register(model, follow=follow)
