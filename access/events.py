"""What the access app announces, for the stages above it to act on.

Telling people is `deadlines.notices`, which stands above access; so access announces and deadlines'
receiver (`deadlines.apps`) tells, inside the same transaction.
"""

from django.dispatch import Signal

# Sent with `grant` (an EmergencyAccess that lifts protection), inside the transaction that made it:
# the staff named for the child are told at once.
protected_access_started = Signal()

# Sent with `member` (a CaseMember), inside the transaction that named them: the member is told.
case_member_named = Signal()

# Sent with `naming` (a DestinationNaming), inside the transaction that named them: the named person is told.
destination_naming_made = Signal()
