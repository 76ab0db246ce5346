"""What a deadline belongs to: the record whose event started its clock.

Stored as text (`Deadline.source`, e.g. "signal:12") so one column serves every kind of record; made
and read only here, so no caller spells the text itself.
"""

from dataclasses import dataclass
from enum import StrEnum


class SourceKind(StrEnum):
    SIGNAL = "signal"
    INVESTIGATION = "investigation"
    DECISION = "decision"
    DELIVERY = "delivery"  # a decision reaching one party (its appeal period)
    POLICE_PLACEMENT = "police-placement"  # the police placed the child (the committee's own decision)


@dataclass(frozen=True)
class DeadlineSource:
    kind: SourceKind
    pk: int

    @property
    def key(self) -> str:
        """The stored form."""
        return f"{self.kind}:{self.pk}"

    @classmethod
    def signal(cls, pk: int) -> "DeadlineSource":
        return cls(SourceKind.SIGNAL, pk)

    @classmethod
    def investigation(cls, pk: int) -> "DeadlineSource":
        return cls(SourceKind.INVESTIGATION, pk)

    @classmethod
    def decision(cls, pk: int) -> "DeadlineSource":
        return cls(SourceKind.DECISION, pk)

    @classmethod
    def delivery(cls, pk: int) -> "DeadlineSource":
        return cls(SourceKind.DELIVERY, pk)

    @classmethod
    def police_placement(cls, pk: int) -> "DeadlineSource":
        return cls(SourceKind.POLICE_PLACEMENT, pk)
