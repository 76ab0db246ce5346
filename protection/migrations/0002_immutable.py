"""What was assessed, decided, sent and followed up stays as it was recorded (issue 15): the database
refuses DELETE on every table here and UPDATE of what was recorded. Reviewed by hand: the columns left
out of `columns=` are the ones set once later (an ending, a referral, an outcome, a withdrawal, an
acknowledgement); a mistake is put right by a newer record.
"""

from django.db import migrations

from core.immutability import immutable

RECORDED = ("recorded_by_id", "recorded_at")


class Migration(migrations.Migration):
    dependencies = [("protection", "0001_initial")]
    operations = [
        immutable("protection_threatassessment"),
        immutable("protection_threatenedperson"),
        immutable("protection_providerfollowup"),
        immutable("protection_policeplacement"),
        immutable("protection_relocation"),
        immutable("protection_handover"),
        immutable(
            "protection_shelterplacement",
            columns=("case_id", "decision_id", "guardian_id", "guardian_granted_on", "other_guardian_id",
                     "other_guardian_consent", "provider_id", *RECORDED),
        ),
        immutable("protection_secretwhereabouts", columns=("case_id", "decision_id", *RECORDED)),
        immutable(
            "protection_protectedregistration",
            columns=("case_id", "secret_whereabouts_id", "applied_on", *RECORDED),
        ),
        immutable(
            "protection_destination",
            columns=("case_id", "person_id", "municipality", "address", "provider_id", "from_on",
                     "entered_by_id", "entered_at"),
        ),
        immutable(
            "protection_conflict",
            columns=("first_id", "second_id", "source_note", "legal_basis_id", "expires_on", "recorded_in_id",
                     *RECORDED),
        ),
        immutable(
            "protection_placementwarning",
            columns=("case_id", "destination_id", "same_municipality", "same_provider", "raised_at"),
        ),
    ]
