"""Saving a checked instrument file as rows: one function for the data migration (historical models) and
for `load_instrument` (the app's models), so both make exactly the same rows.

An instrument version is loaded once and then never changed (its tables refuse UPDATE and DELETE):
loading the same file again is a no-op, and a different file under a version already loaded is refused,
so every assessment keeps meaning what it meant when it was made.
"""

from dataclasses import dataclass
from typing import Any

from assessments.spec import InstrumentFileError, InstrumentSpec


@dataclass(frozen=True)
class Tables:
    """The model classes to write with (`apps.get_model(...)` in a migration)."""

    instrument: Any
    scale: Any
    scale_value: Any
    domain: Any
    item: Any


def _stored(tables: Tables, instrument: Any) -> dict[str, Any]:
    """What an instrument already loaded holds, in the spec's own terms, to compare a file with."""
    scales = {s.pk: s.key for s in tables.scale.objects.filter(instrument=instrument)}
    values = {
        key: [(v.value, v.label) for v in tables.scale_value.objects.filter(scale_id=pk).order_by("position")]
        for pk, key in scales.items()
    }
    items = [
        (i.domain.key, i.key, i.respondent, scales.get(i.scale_id), i.required, i.text)
        for i in tables.item.objects.filter(instrument=instrument).select_related("domain").order_by("position")
    ]
    return {"name": instrument.name, "licence": instrument.licence, "values": values, "items": items}


def _wanted(spec: InstrumentSpec) -> dict[str, Any]:
    return {
        "name": spec.name,
        "licence": spec.licence,
        "values": {s.key: s.values for s in spec.scales},
        "items": [(d.key, i.key, i.respondent, i.scale, i.required, i.text) for d in spec.domains for i in d.items],
    }


def load(tables: Tables, spec: InstrumentSpec) -> tuple[Any, bool]:
    """The instrument's row and whether it was made now. Run inside the caller's transaction."""
    existing = tables.instrument.objects.filter(key=spec.key, version=spec.version).first()
    if existing is not None:
        if _stored(tables, existing) != _wanted(spec):
            raise InstrumentFileError(
                [
                    f"{spec.key} version {spec.version} is already loaded with other contents:"
                    " give the file a new version"
                ]
            )
        return existing, False
    instrument = tables.instrument.objects.create(
        key=spec.key, version=spec.version, name=spec.name, licence=spec.licence, source=spec.source
    )
    scales = {}
    for scale in spec.scales:
        scales[scale.key] = tables.scale.objects.create(instrument=instrument, key=scale.key, name=scale.name)
        tables.scale_value.objects.bulk_create(
            tables.scale_value(scale=scales[scale.key], value=value, label=label, position=n)
            for n, (value, label) in enumerate(scale.values)
        )
    position = 0
    for n, domain_spec in enumerate(spec.domains):
        domain = tables.domain.objects.create(
            instrument=instrument, key=domain_spec.key, area=domain_spec.area, name=domain_spec.name, position=n
        )
        for item in domain_spec.items:
            tables.item.objects.create(
                instrument=instrument,
                domain=domain,
                key=item.key,
                respondent=item.respondent,
                scale=scales[item.scale] if item.scale else None,
                required=item.required,
                text=item.text,
                position=position,
            )
            position += 1
    return instrument, True
