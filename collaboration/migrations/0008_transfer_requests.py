"""The steps of moving a case to another municipality (SoL 29 kap. 10 and 11 §§): the request, the answer, the
application to IVO and its decision. Every row append-only, as the register's are."""

import core.fields
import django.db.models.deletion
import uuid
from django.conf import settings
from django.db import migrations, models

from core.immutability import immutable


class Migration(migrations.Migration):

    dependencies = [
        ('cases', '0003_closure_reason'),
        ('collaboration', '0007_incoming_absence_corrections'),
        ('core', '0012_case_transfer_provisions'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='IvoApplication',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('applied_on', models.DateField(verbose_name='ansökan skickad')),
                ('recorded_at', models.DateTimeField()),
                ('legal_basis', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='core.legalbasis', verbose_name='lagrum')),
                ('recorded_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'ansökan hos IVO om överflyttning',
                'verbose_name_plural': 'ansökningar hos IVO om överflyttning',
            },
        ),
        migrations.CreateModel(
            name='IvoDecision',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('decided_on', models.DateField(verbose_name='IVO beslutade')),
                ('transfer', models.BooleanField(verbose_name='ärendet ska flyttas över')),
                ('note', core.fields.EncryptedTextField(blank=True, default='', verbose_name='om beslutet')),
                ('recorded_at', models.DateTimeField()),
                ('application', models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name='decision', to='collaboration.ivoapplication')),
                ('recorded_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'IVO:s beslut om överflyttning',
                'verbose_name_plural': 'IVO:s beslut om överflyttning',
            },
        ),
        migrations.CreateModel(
            name='TransferRequest',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('public_id', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ('municipality', core.fields.EncryptedTextField(verbose_name='kommunen som ombeds ta över')),
                ('requested_on', models.DateField(verbose_name='begärt')),
                ('connection', core.fields.EncryptedTextField(verbose_name='barnets anknytning till kommunen')),
                ('wishes', core.fields.EncryptedTextField(verbose_name='barnets och vårdnadshavarnas önskemål')),
                ('duration', core.fields.EncryptedTextField(verbose_name='hur länge behovet av hjälp väntas vara')),
                ('circumstances', core.fields.EncryptedTextField(blank=True, default='', verbose_name='omständigheterna i övrigt')),
                ('recorded_at', models.DateTimeField()),
                ('case', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='transfer_requests', to='cases.case')),
                ('disclosure', models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name='transfer_request', to='collaboration.disclosure')),
                ('legal_basis', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='core.legalbasis', verbose_name='lagrum')),
                ('recorded_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'begäran om överflyttning av ärende',
                'verbose_name_plural': 'begäranden om överflyttning av ärende',
                'ordering': ['-requested_on', '-id'],
            },
        ),
        migrations.CreateModel(
            name='TransferAnswer',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('answered_on', models.DateField(verbose_name='svaret kom')),
                ('agreed', models.BooleanField(verbose_name='kommunen tar över ärendet')),
                ('note', core.fields.EncryptedTextField(blank=True, default='', verbose_name='vad kommunen skrev')),
                ('recorded_at', models.DateTimeField()),
                ('recorded_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('request', models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name='answer', to='collaboration.transferrequest')),
            ],
            options={
                'verbose_name': 'svar på begäran om överflyttning',
                'verbose_name_plural': 'svar på begäran om överflyttning',
            },
        ),
        migrations.AddField(
            model_name='ivoapplication',
            name='request',
            field=models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name='ivo_application', to='collaboration.transferrequest'),
        ),
        immutable("collaboration_transferrequest"),
        immutable("collaboration_transferanswer"),
        immutable("collaboration_ivoapplication"),
        immutable("collaboration_ivodecision"),
    ]
