"""What every part of the JSON API answers on error, so each router's OpenAPI matches what it answers."""

from ninja import Schema


class ErrorOut(Schema):
    detail: str


# Declared on every operation (schemathesis checks the OpenAPI document against the answers).
ERRORS: dict[int, type[Schema]] = {401: ErrorOut, 404: ErrorOut, 422: ErrorOut}
