from django.db import migrations


def create_terms(apps, schema_editor):
    from sache.directory.search import create_terms_tables

    create_terms_tables(schema_editor)


def drop_terms(apps, schema_editor):
    from sache.directory.search import drop_terms_tables

    drop_terms_tables(schema_editor)


class Migration(migrations.Migration):

    dependencies = [
        ('directory', '0003_directory_version'),
    ]

    operations = [
        # PostgreSQL: a narrow, trigger-kept copy of organisations' tsvectors for fetching match ids.
        migrations.RunPython(create_terms, drop_terms),
    ]
