"""Meetings with partners and their items in each case (issue 16 point 1). Reviewed by hand: the meeting,
its items and who was invited stay as they were recorded; the database refuses UPDATE and DELETE of every
column (installed last, after the constraints that rebuild the tables on SQLite)."""

import core.fields
import django.db.models.deletion
import uuid
from django.conf import settings
from django.db import migrations, models

from core.immutability import immutable


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0006_team_on_call'),
        ('cases', '0003_closure_reason'),
        ('collaboration', '0003_consent_ledger'),
        ('people', '0003_search_name_trigram'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Meeting',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('public_id', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ('kind', models.CharField(choices=[('bob', 'Bob-råd'), ('custom-u18', 'Custom under 18'), ('sspf', 'SSPF'), ('joint', 'Gemensamt möte i programmet'), ('coordination', 'Samordningsmöte'), ('other', 'Annat samverkansmöte')], max_length=20, verbose_name='sorts möte')),
                ('held_on', models.DateField(verbose_name='dag')),
                ('title', models.CharField(max_length=200, verbose_name='rubrik')),
                ('participants', models.TextField(max_length=1000, verbose_name='deltagare (organisationer och roller)')),
                ('created_at', models.DateTimeField()),
                ('created_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('unit', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='accounts.unit', verbose_name='enhet')),
            ],
            options={
                'verbose_name': 'samverkansmöte',
                'verbose_name_plural': 'samverkansmöten',
                'ordering': ['-held_on', '-id'],
            },
        ),
        migrations.CreateModel(
            name='MeetingItem',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('public_id', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ('discussed', core.fields.EncryptedTextField(verbose_name='vad som togs upp')),
                ('decided', core.fields.EncryptedTextField(blank=True, default='', verbose_name='vad som beslutades eller erbjöds')),
                ('child_said', core.fields.EncryptedTextField(blank=True, default='', verbose_name='vad barnet sa')),
                ('guardians_said', core.fields.EncryptedTextField(blank=True, default='', verbose_name='vad vårdnadshavarna sa')),
                ('follow_up_on', models.DateField(blank=True, null=True, verbose_name='uppföljning')),
                ('recorded_at', models.DateTimeField()),
                ('case', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='meeting_items', to='cases.case')),
                ('corrects', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='corrections', to='collaboration.meetingitem', verbose_name='rättar')),
                ('meeting', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='items', to='collaboration.meeting')),
                ('recorded_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'ärende på samverkansmöte',
                'verbose_name_plural': 'ärenden på samverkansmöten',
                'ordering': ['recorded_at', 'id'],
            },
        ),
        migrations.CreateModel(
            name='MeetingAttendance',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('came', models.BooleanField(verbose_name='kom')),
                ('person', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='people.person', verbose_name='kallad')),
                ('item', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='attendance', to='collaboration.meetingitem')),
            ],
            options={
                'verbose_name': 'kallad till samverkansmöte',
                'verbose_name_plural': 'kallade till samverkansmöten',
                'ordering': ['id'],
            },
        ),
        migrations.AddIndex(
            model_name='meeting',
            index=models.Index(fields=['unit', 'held_on'], name='collab_meeting_unit_day'),
        ),
        migrations.AddConstraint(
            model_name='meetingitem',
            constraint=models.CheckConstraint(condition=models.Q(('corrects', models.F('id')), _negated=True), name='meetingitem_not_its_own_correction'),
        ),
        migrations.AddConstraint(
            model_name='meetingattendance',
            constraint=models.UniqueConstraint(fields=('item', 'person'), name='meetingattendance_once'),
        ),
        immutable("collaboration_meeting"),
        immutable("collaboration_meetingitem"),
        immutable("collaboration_meetingattendance"),
    ]
