# Issue #6: old addresses (LegacyPath) and the Drupal node each post came from.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('posts', '0003_reader_aids'),
        ('taggit', '0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx'),
    ]

    operations = [
        migrations.CreateModel(
            name='DrupalNode',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('nid', models.PositiveIntegerField(unique=True, verbose_name='Drupal node ID')),
                ('imported_at', models.DateTimeField(auto_now=True)),
                ('post', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='drupal_node', to='posts.post')),
            ],
            options={
                'verbose_name': 'imported Drupal node',
            },
        ),
        migrations.CreateModel(
            name='LegacyPath',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('path', models.CharField(help_text='The path only, e.g. /blog/my-post or /node/12 (no domain, no ?query; a trailing slash makes no difference).', max_length=500, unique=True, verbose_name='old address')),
                ('target', models.CharField(blank=True, help_text='Instead of a post or a tag: an address on this site such as /archive/2012/, or a full https:// URL.', max_length=500, verbose_name='other address')),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('post', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='legacy_paths', to='posts.post')),
                ('tag', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='taggit.tag')),
            ],
            options={
                'verbose_name': 'old address',
                'verbose_name_plural': 'old addresses',
                'ordering': ['path'],
                'constraints': [models.CheckConstraint(condition=models.Q(models.Q(('post__isnull', False), ('tag__isnull', True), ('target', '')), models.Q(('post__isnull', True), ('tag__isnull', False), ('target', '')), models.Q(('post__isnull', True), ('tag__isnull', True), models.Q(('target', ''), _negated=True)), _connector='OR'), name='legacypath_one_destination', violation_error_message='Choose exactly one destination: a post, a tag or another address.')],
            },
        ),
    ]
