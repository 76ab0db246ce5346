"""Outcomes of the programme at entry and 6, 12 and 24 months after entry and after the end (issue 14
point 8): field definitions as data, with the issue's fields shipped here; records, their values and the
reminders sent are append-only. A field keeps its key and kind for good; it is retired, never changed.
"""

from typing import Any

import core.fields
import django.db.models.deletion
import uuid
from django.conf import settings
from django.db import migrations, models

from core.immutability import immutable


# The fields (issue 14 point 8), as the first version of the follow-up model. A later national
# model retires these (retired_on) and adds its own; old records keep pointing at these rows. They are
# in use from 2000: an outcome typed in later about an earlier day (from paper) is asked the same fields.
YES_NO, COUNT, DATE, CHOICE, SCALE_5, SCALE_10, TEXT = "yes-no", "count", "date", "choice", "scale-5", "scale-10", "text"
ATTENDANCE = [
    ["full", "Går i skolan som planerat", "Attends as planned"],
    ["mostly", "Mest närvarande, viss frånvaro", "Mostly present, some absence"],
    ["often-absent", "Ofta frånvarande", "Often absent"],
    ["not-attending", "Går inte i skolan", "Not attending"],
    ["not-enrolled", "Inte inskriven i någon skola", "Not enrolled in a school"],
]
COMPLETED = [
    ["none", "Ingen avslutad utbildning ännu", "No education completed yet"],
    ["compulsory", "Grundskolan", "Compulsory school"],
    ["upper-secondary", "Gymnasiet", "Upper secondary school"],
]
OCCUPATION = [
    ["school", "Skola", "School"],
    ["work", "Arbete", "Work"],
    ["practice", "Praktik eller arbetsmarknadsinsats", "Work placement or labour market programme"],
    ["none", "Ingen sysselsättning", "No occupation"],
]
HOUSING = [
    ["guardians", "Hos vårdnadshavare", "With guardians"],
    ["relatives", "Hos släkt eller nätverk", "With relatives or network"],
    ["family-home", "Familjehem eller jourhem", "Foster or emergency foster home"],
    ["residential", "HVB, stödboende eller särskilt boende", "Residential care or supported housing"],
    ["own", "Eget boende", "Own home"],
    ["none", "Saknar fast boende", "No settled home"],
]
SUBSTANCES = [
    ["none-known", "Inget känt bruk", "No known use"],
    ["some", "Visst bruk", "Some use"],
    ["problematic", "Bruk som behöver stöd", "Use that needs support"],
]
DROPOUT = [
    ["lost-contact", "Kontakten bröts", "Contact was lost"],
    ["back-in-network", "Tillbaka i den kriminella miljön", "Back in the criminal network"],
    ["threat", "Hot eller påtryckningar", "Threats or pressure"],
    ["no-wish", "Ville inte ha stödet längre", "No longer wanted the support"],
    ["guardians", "Vårdnadshavarna ville inte", "The guardians did not want it"],
    ["custody", "Frihetsberövad eller placerad på annat sätt", "Detained or placed otherwise"],
    ["other", "Annat", "Other"],
]
FIELDS = [
    # key, group, kind, label_sv, label_en, help_sv, help_en, choices
    ("new_suspicions", "crime", COUNT, "Nya misstankar om brott", "New suspicions of crime",
     "Sedan förra tillfället, enligt polisen eller barnet.", "Since the last occasion, from the police or the child.", []),
    ("threat_incidents", "crime", COUNT, "Hotincidenter", "Threat incidents",
     "Hot mot barnet eller familjen sedan förra tillfället.", "Threats against the child or family since last time.", []),
    ("protective_measures", "crime", YES_NO, "Skyddsåtgärder under perioden", "Protective measures in the period",
     "Till exempel säkerhetsplan, skyddade personuppgifter, larm.", "For example a safety plan, protected identity, alarm.", []),
    ("school_attendance", "school", CHOICE, "Skolnärvaro", "School attendance", "", "", ATTENDANCE),
    ("school_completed", "school", CHOICE, "Avslutad utbildning", "Education completed", "", "", COMPLETED),
    ("school_eligible", "school", YES_NO, "Behörig till nästa utbildningssteg", "Eligible for the next stage of education",
     "Till exempel behörig till gymnasiets nationella program.", "For example eligible for a national upper secondary programme.", []),
    ("occupation", "occupation", CHOICE, "Sysselsättning", "Occupation", "", "", OCCUPATION),
    ("occupation_note", "occupation", TEXT, "Sysselsättningen med några ord", "The occupation in a few words",
     "Inga namn på andra personer.", "No names of other people.", []),
    ("housing", "housing", CHOICE, "Boende", "Housing", "", "", HOUSING),
    ("relocated", "housing", YES_NO, "Flyttat av säkerhetsskäl under perioden", "Relocated for safety in the period", "", "", []),
    ("relocated_on", "housing", DATE, "Datum för flytten", "Date of the move", "Om barnet flyttade.", "If the child moved.", []),
    ("substance_use", "health", CHOICE, "Alkohol och narkotika", "Alcohol and drugs", "", "", SUBSTANCES),
    ("debt", "health", YES_NO, "Skulder", "Debt",
     "Till exempel hos Kronofogden eller till personer i miljön.", "For example with the enforcement authority or to people in the network.", []),
    ("child_psychiatry", "health", YES_NO, "Kontakt med barn- och ungdomspsykiatrin", "Contact with child psychiatry",
     "Under perioden.", "In the period.", []),
    ("dropout_reason", "ending", CHOICE, "Om barnet avbröt: varför", "If the child dropped out: why",
     "Bara när deltagandet avbröts av barnet.", "Only when the child dropped out.", DROPOUT),
    ("own_safety", "own", SCALE_5, "Hur trygg barnet själv säger sig vara", "How safe the child says they feel",
     "1 = inte alls trygg, 5 = helt trygg. Barnets eget svar, inte ditt intryck.",
     "1 = not safe at all, 5 = completely safe. The child's own answer, not your impression.", []),
    ("own_wellbeing", "own", SCALE_10, "Hur barnet själv säger att livet är just nu", "How the child says life is right now",
     "0 = sämsta tänkbara, 10 = bästa tänkbara (Cantrils stege). Barnets eget svar.",
     "0 = worst possible, 10 = best possible (Cantril's ladder). The child's own answer.", []),
]


def add_fields(apps: Any, schema_editor: Any) -> None:
    field = apps.get_model("programme", "OutcomeField")
    for position, (key, group, kind, label_sv, label_en, help_sv, help_en, choices) in enumerate(FIELDS, start=1):
        field.objects.update_or_create(
            key=key,
            defaults={
                "group": group, "kind": kind, "label_sv": label_sv, "label_en": label_en, "help_sv": help_sv,
                "help_en": help_en, "choices": choices, "position": position * 10, "valid_from": "2000-01-01",
            },
        )


def remove_fields(apps: Any, schema_editor: Any) -> None:
    apps.get_model("programme", "OutcomeField").objects.filter(key__in=[f[0] for f in FIELDS]).delete()


class Migration(migrations.Migration):

    dependencies = [
        ('programme', '0008_planitem_service'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='OutcomeField',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key', models.SlugField(max_length=40, unique=True, verbose_name='nyckel')),
                ('group', models.CharField(max_length=40, verbose_name='avsnitt')),
                ('label_sv', models.CharField(max_length=200, verbose_name='fråga')),
                ('label_en', models.CharField(max_length=200, verbose_name='fråga på engelska')),
                ('help_sv', models.CharField(blank=True, max_length=300, verbose_name='hjälptext')),
                ('help_en', models.CharField(blank=True, max_length=300, verbose_name='hjälptext på engelska')),
                ('kind', models.CharField(choices=[('yes-no', 'Ja eller nej'), ('count', 'Antal'), ('date', 'Datum'), ('choice', 'Val bland koder'), ('scale-5', 'Barnets egen skattning 1–5'), ('scale-10', 'Barnets egen skattning 0–10'), ('text', 'Kort text')], max_length=10, verbose_name='typ')),
                ('choices', models.JSONField(blank=True, default=list, verbose_name='koder')),
                ('position', models.PositiveSmallIntegerField(verbose_name='ordning')),
                ('valid_from', models.DateField(verbose_name='gäller från')),
                ('retired_on', models.DateField(blank=True, null=True, verbose_name='används inte från')),
            ],
            options={
                'verbose_name': 'utfallsfråga',
                'verbose_name_plural': 'utfallsfrågor',
                'ordering': ['position', 'id'],
                'constraints': [models.CheckConstraint(condition=models.Q(('retired_on__isnull', True), ('retired_on__gt', models.F('valid_from')), _connector='OR'), name='outcome_field_retired_after_start')],
            },
        ),
        migrations.CreateModel(
            name='OutcomeRecord',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('public_id', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ('occasion', models.CharField(choices=[('entry', 'Vid start'), ('entry-6', '6 månader efter start'), ('entry-12', '12 månader efter start'), ('entry-24', '24 månader efter start'), ('end-6', '6 månader efter avslut'), ('end-12', '12 månader efter avslut'), ('end-24', '24 månader efter avslut')], max_length=10, verbose_name='tillfälle')),
                ('recorded_on', models.DateField(verbose_name='uppgifterna gäller')),
                ('source', models.CharField(choices=[('child', 'Barnet självt'), ('guardian', 'Vårdnadshavare'), ('school', 'Skolan'), ('records', 'Handlingar och register')], max_length=10, verbose_name='källa')),
                ('child_words', core.fields.EncryptedTextField(verbose_name='barnets egna ord om trygghet och mående')),
                ('recorded_at', models.DateTimeField(auto_now_add=True, verbose_name='registrerad')),
                ('corrects', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='corrected_by', to='programme.outcomerecord', verbose_name='rättar')),
                ('participation', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='outcomes', to='programme.participation')),
                ('recorded_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'utfall',
                'verbose_name_plural': 'utfall',
                'ordering': ['recorded_on', 'id'],
            },
        ),
        migrations.CreateModel(
            name='OutcomeReminder',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('occasion', models.CharField(choices=[('entry', 'Vid start'), ('entry-6', '6 månader efter start'), ('entry-12', '12 månader efter start'), ('entry-24', '24 månader efter start'), ('end-6', '6 månader efter avslut'), ('end-12', '12 månader efter avslut'), ('end-24', '24 månader efter avslut')], max_length=10)),
                ('due_on', models.DateField()),
                ('sent_at', models.DateTimeField()),
                ('participation', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='programme.participation')),
            ],
        ),
        migrations.CreateModel(
            name='OutcomeValue',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('flag', models.BooleanField(null=True)),
                ('number', models.SmallIntegerField(null=True)),
                ('day', models.DateField(null=True)),
                ('code', models.CharField(blank=True, max_length=40)),
                ('text', core.fields.EncryptedTextField(blank=True, default='')),
                ('field', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='programme.outcomefield')),
                ('record', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='values', to='programme.outcomerecord')),
            ],
            options={
                'ordering': ['record', 'field__position', 'field_id'],
            },
        ),
        migrations.AddIndex(
            model_name='outcomerecord',
            index=models.Index(fields=['participation', 'occasion'], name='outcome_participation_occasion'),
        ),
        migrations.AddConstraint(
            model_name='outcomereminder',
            constraint=models.UniqueConstraint(fields=('participation', 'occasion'), name='outcome_reminder_once'),
        ),
        migrations.AddConstraint(
            model_name='outcomevalue',
            constraint=models.UniqueConstraint(fields=('record', 'field'), name='outcome_value_once_per_field'),
        ),
        migrations.RunPython(add_fields, remove_fields),
        immutable("programme_outcomefield", columns=("key", "kind")),
        immutable("programme_outcomerecord"),
        immutable("programme_outcomevalue"),
        immutable("programme_outcomereminder"),
    ]
