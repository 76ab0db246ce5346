# English pages use the same ISO formats as Swedish ones.
from utvag.formats.sv.formats import (  # noqa: F401
    DATE_FORMAT,
    DATE_INPUT_FORMATS,
    DATETIME_FORMAT,
    DATETIME_INPUT_FORMATS,
    SHORT_DATE_FORMAT,
    SHORT_DATETIME_FORMAT,
)
