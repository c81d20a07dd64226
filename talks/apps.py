from django.apps import AppConfig


class TalksConfig(AppConfig):
    name = "talks"
    verbose_name = "Talks"

    def ready(self):
        import reversion
        from django.db.models.signals import pre_save

        from .models import Attachment, TaggedTalk, Talk, keep_bookkeeping_on_raw_save

        # A talk's history keeps its row, its tag links and its downloads; not
        # when it was first announced, which a restore must not undo. SEQUENCE
        # stays in it (a deleted talk, recovered, goes on from its last value),
        # and the receiver below keeps a restore from ever lowering it.
        for model, follow, exclude in [
            (TaggedTalk, ("tag",), ()),
            (Attachment, (), ()),
            (Talk, ("taggedtalk_set", "attachments"), ("announced_at",)),
        ]:
            if not reversion.is_registered(model):
                reversion.register(model, follow=follow, exclude=exclude)
        pre_save.connect(
            keep_bookkeeping_on_raw_save,
            sender=Talk,
            dispatch_uid="talks.keep_bookkeeping_on_raw_save",
        )
