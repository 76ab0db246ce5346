"""An immediate skyddat boende confirmed by the court, with the day its placement began (4 kap. 6 § lag
2024:79: the application is due six weeks from that day). Reviewed by hand. SQLite makes the table anew to
add the check, which drops its triggers, so the append-only triggers of 0002 are installed again after it;
the new days, like the referral and the ending, are set once later by the service.
"""

from django.conf import settings
from django.db import migrations, models

from core.immutability import immutable

FROZEN = (
    "case_id",
    "decision_id",
    "guardian_id",
    "guardian_granted_on",
    "other_guardian_id",
    "other_guardian_consent",
    "provider_id",
    "recorded_by_id",
    "recorded_at",
)


class Migration(migrations.Migration):

    dependencies = [
        ('cases', '0003_closure_reason'),
        ('decisions', '0010_protection_kinds'),
        ('people', '0003_search_name_trigram'),
        ('protection', '0002_immutable'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='shelterplacement',
            name='court_confirmed_on',
            field=models.DateField(blank=True, null=True, verbose_name='fastställd av förvaltningsrätten'),
        ),
        migrations.AddField(
            model_name='shelterplacement',
            name='placed_on',
            field=models.DateField(blank=True, null=True, verbose_name='placeringen påbörjades'),
        ),
        migrations.AddConstraint(
            model_name='shelterplacement',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('court_confirmed_on__isnull', True), ('placed_on__isnull', True)), models.Q(('court_confirmed_on__isnull', False), ('court_referred_on__isnull', False), ('placed_on__isnull', False)), _connector='OR'), name='shelter_confirmed_after_referral_with_placement_day'),
        ),
        immutable("protection_shelterplacement", columns=FROZEN),
    ]
