"""What every part of the JSON API answers on error, so each router's OpenAPI matches what it answers."""

from typing import Any

from ninja import Schema


class ErrorOut(Schema):
    detail: str


class InputErrorOut(Schema):
    """What was wrong with the request: one item per problem, as django-ninja reports it."""

    detail: list[dict[str, Any]]


# Declared on every operation (schemathesis checks the OpenAPI document against the answers).
ERRORS: dict[int, type[Schema]] = {401: ErrorOut, 404: ErrorOut, 422: InputErrorOut}
