"""Reading a signal for a form: only within a case that came through `access.reads`."""

from django.http import Http404

from cases.models import Case
from intake.models import Signal


def signal_in_case(case: Case, signal_id: int) -> Signal:
    """The signal of a case the caller has just read (checked and logged); 404 for any other."""
    signal = Signal.objects.filter(case=case, pk=signal_id).first()
    if signal is None:
        raise Http404
    return signal
