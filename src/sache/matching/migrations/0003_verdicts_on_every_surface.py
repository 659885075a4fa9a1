"""Verdicts on every surface: a suggested need besides a suggested organisation, and the surface.

Existing verdicts keep their rows; their surface comes from the subject's prefix
(``need:`` on need pages, everything else on organisation pages).
"""

import django.db.models.deletion
from django.db import migrations, models


def surfaces_from_subjects(apps, schema_editor):
    SuggestionFeedback = apps.get_model("matching", "SuggestionFeedback")
    SuggestionFeedback.objects.filter(subject__startswith="need:").update(surface="need")


class Migration(migrations.Migration):

    dependencies = [
        ("directory", "0004_organisation_terms"),
        ("matching", "0002_suggestionimpressions"),
    ]

    operations = [
        migrations.AddField(
            model_name="suggestionfeedback",
            name="surface",
            field=models.CharField(
                choices=[("organisation", "Organisation pages"), ("need", "Need pages"), ("needs", "Needs you could answer"), ("event", "Partners to meet at an event"), ("api", "API recommendations")],
                default="organisation", max_length=16, verbose_name="surface",
            ),
            preserve_default=False,
        ),
        migrations.RunPython(surfaces_from_subjects, migrations.RunPython.noop),
        migrations.AddField(
            model_name="suggestionfeedback",
            name="suggested_need",
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name="+", to="directory.need"),
        ),
        migrations.AlterField(
            model_name="suggestionfeedback",
            name="suggested",
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name="+", to="directory.organisation"),
        ),
        migrations.AlterField(
            model_name="suggestionfeedback",
            name="subject",
            field=models.CharField(help_text="organisation:<id>, need:<id> or registration:<id>", max_length=40, verbose_name="suggested for"),
        ),
        migrations.AddConstraint(
            model_name="suggestionfeedback",
            constraint=models.CheckConstraint(
                condition=models.Q(models.Q(("suggested__isnull", False), ("suggested_need__isnull", True)), models.Q(("suggested__isnull", True), ("suggested_need__isnull", False)), _connector="OR"),
                name="verdict_on_one_organisation_or_need",
            ),
        ),
        migrations.AddConstraint(
            model_name="suggestionfeedback",
            constraint=models.UniqueConstraint(fields=("user", "subject", "suggested_need"), name="one_verdict_per_suggested_need"),
        ),
    ]
