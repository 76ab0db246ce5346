"""When each clock runs out. The law's arithmetic lives here and in core.calendar, nowhere else.

Sources (shared/docs/requirements-sweden.md and the statute text, see core migration 0004):
- protection assessment: "genast" (20 kap. 1 § SoL 2025): the day the signal came in, or the next day
  when it came in late. Not moved past weekends: the social emergency service works every day.
- preliminary assessment: 14 days from receipt (20 kap. 2 § SoL 2025), Lag (1930:173) applies.
- investigation: four months from the day it was opened (20 kap. 3 § SoL 2025).
- LVU 7 §: the court referral within one week of the day of the decision.
- LVU 8 §: the application for care within four weeks of the day the custody was carried out.
- LVU 13 §: review within six months of when care began to be carried out, then of the last review.
- reporter feedback (19 kap. 6 § SoL 2025, from 2026-01-15): one week after the preliminary decision.
- the committee's own decision after the police placed a child: "genast" [ours: the day of the placement,
  or the next when it was late; not moved past weekends, as the protection assessment].
- skyddat boende, lag (2024:79) om placering av barn i skyddat boende: an immediate insats referred to the
  court within one week of the decision (4 kap. 3 §); once the court has confirmed it, the application
  within six weeks of the day the placement began (4 kap. 6 §; until the confirmation is recorded the clock
  runs from the decision day, never later than the law's); the insats considered every six months (5 kap.
  3 and 6 §§). Checked against SFS 2024:79 (core migration 0010, docs/law-sources.md part F).
- LVU 14 § tredje stycket: a decision that the whereabouts are not revealed is considered every three months.
"""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from core.calendar import statutory_deadline

SWEDEN = ZoneInfo("Europe/Stockholm")
# After this local hour a signal counts as "late": its protection assessment may wait for the next day.
LATE_RECEIPT_HOUR = 16


def received_day(received_at: datetime) -> date:
    return received_at.astimezone(SWEDEN).date()


def protection_assessment_due(received_at: datetime) -> date:
    local = received_at.astimezone(SWEDEN)
    return local.date() + timedelta(days=1 if local.hour >= LATE_RECEIPT_HOUR else 0)


def application_investigation_due(received_at: datetime) -> date:
    """ "Genast" (14 kap. 2 § SoL): the day it came in, or the next if it came in late in the evening."""
    return protection_assessment_due(received_at)


def preliminary_assessment_due(received_at: datetime) -> date:
    return statutory_deadline(received_day(received_at), days=14)


def investigation_due(opened_on: date) -> date:
    return statutory_deadline(opened_on, months=4)


def investigation_notice_due(opened_on: date) -> date:
    """20 kap. 4 § SoL: "genast". The day the investigation opened; escalated the morning after."""
    return opened_on


def lvu_court_referral_due(decided_on: date) -> date:
    return statutory_deadline(decided_on, weeks=1)


def lvu_care_application_due(executed_on: date) -> date:
    return statutory_deadline(executed_on, weeks=4)


def lvu_review_due(from_day: date) -> date:
    return statutory_deadline(from_day, months=6)


def reporter_feedback_due(decided_on: date) -> date:
    return statutory_deadline(decided_on, weeks=1)


def reporter_feedback_due_at_once(asked_on: date) -> date:
    """ "Genast" (19 kap. 6 § andra stycket SoL): asked after the decision, or while an investigation runs."""
    return asked_on


def appeal_period_ends(delivered_on: date) -> date:
    """44 § FL: three weeks from the day the party got the decision (moved off a holiday, 1930:173)."""
    return statutory_deadline(delivered_on, weeks=3)


def police_placement_decision_due(placed_at: datetime) -> date:
    """The police placed the child (e.g. on a Saturday night); the committee decides "genast"."""
    return protection_assessment_due(placed_at)


def shelter_court_referral_due(decided_on: date) -> date:
    return statutory_deadline(decided_on, weeks=1)


def shelter_application_due(from_day: date) -> date:
    """Six weeks from the day the placement began (from the decision day until that day is known)."""
    return statutory_deadline(from_day, weeks=6)


def shelter_review_due(from_day: date) -> date:
    return statutory_deadline(from_day, months=6)


def lvu_secret_review_due(from_day: date) -> date:
    return statutory_deadline(from_day, months=3)
