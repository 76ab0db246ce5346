"""A notice kind for a meeting item's follow-up day. Choices only: the column is unchanged."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('deadlines', '0014_web_contact_notice'),
    ]

    operations = [
        migrations.AlterField(
            model_name='notice',
            name='kind',
            field=models.CharField(choices=[('reminder', 'Påminnelse'), ('escalation', 'Försenad frist'), ('reopened', 'Utredning återöppnad i samma fråga'), ('detention', 'Frihetsberövande'), ('routed', 'Aktualisering till ert team'), ('protected_unnamed', 'Skyddat barn utan namngiven personal'), ('late_extension', 'Frist förlängd i efterhand'), ('protected_opened', 'Skyddat barns ärende öppnat av enhetschef'), ('case_member', 'Du har utsetts att arbeta i ärendet'), ('motivation_window', 'Möjligt motivationsfönster'), ('outcome_due', 'Uppföljning av utfall att registrera'), ('threat_changed', 'Hotbilden har ändrats'), ('placement_conflict', 'Varning inför placering'), ('destination_named', 'Du har namngetts för den skyddade vistelseorten'), ('web_after_hours', 'Kontaktförfrågan via webben utanför kontorstid'), ('meeting_follow_up', 'Uppföljning efter samverkansmöte')], max_length=20),
        ),
    ]
