"""What the investigations app announces, for the stages above it to act on.

Intake stands above investigations (a signal names the investigation it joined, and a förhandsbedömning
opens one), so investigations cannot call intake. When an investigation opens, intake's receiver
(`intake.apps`) lets the case's waiting signals join it, inside the same transaction.
"""

from django.dispatch import Signal

# Sent with `case` and `investigation`, inside the transaction that opened the investigation.
investigation_opened = Signal()
