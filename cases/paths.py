"""The URL prefixes of a case, shared by every app whose screens work inside one."""

CASE = "arenden/<uuid:public_id>/"
SIGNAL = CASE + "aktualiseringar/<int:signal_id>/"
INVESTIGATION = CASE + "utredningar/<uuid:investigation_id>/"
