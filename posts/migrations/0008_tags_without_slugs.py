from django.db import migrations
from django.utils.text import slugify

from hawkins_site.tagging import fallback_slug


def give_tags_slugs(apps, schema_editor):
    """Tags saved before every tag got a slug: names without letters or digits
    ("!!!", "🙂") have an empty one, which no page can link to."""
    Tag = apps.get_model("taggit", "Tag")
    for tag in Tag.objects.filter(slug=""):
        tag.slug = slugify(tag.name, allow_unicode=True) or fallback_slug(
            Tag.objects.all()
        )
        tag.save(update_fields=["slug"])


class Migration(migrations.Migration):
    dependencies = [
        ("posts", "0007_legacypath_tag_protect"),
        (
            "taggit",
            "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx",
        ),
    ]

    operations = [migrations.RunPython(give_tags_slugs, migrations.RunPython.noop)]
