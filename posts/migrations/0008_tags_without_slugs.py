from django.db import migrations
from django.utils.text import slugify


def fallback_slug(tags):
    """The first of "tag", "tag-2", … no tag has taken (copied from the site's
    code of the day: a migration must not change when that code does)."""
    taken = set(tags.filter(slug__startswith="tag").values_list("slug", flat=True))
    slug, n = "tag", 1
    while slug in taken:
        n += 1
        slug = f"tag-{n}"
    return slug


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
