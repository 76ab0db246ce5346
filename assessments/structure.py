"""An instrument as its form, its pages and its service read it: domains, items and scales, in three
queries however many items it has."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from assessments import translation
from assessments.models import Domain, Instrument, Item, Respondent, ScaleValue


@dataclass(frozen=True)
class ItemView:
    item: Item
    domain: Domain
    values: list[ScaleValue]  # the item's scale in order; empty: words only

    @property
    def key(self) -> str:
        return self.item.key

    @property
    def is_child(self) -> bool:
        return self.item.respondent == Respondent.CHILD

    @property
    def column(self) -> str:
        """What the item's column in a table of change is headed."""
        if self.item.scale is not None:
            return self.item.scale.name
        return str(_("Barnets egna ord")) if self.is_child else str(_("Kommentar"))

    @property
    def allowed(self) -> dict[int, str]:
        return {v.value: v.label for v in self.values}

    def label_of(self, value: int | None) -> str:
        return self.allowed.get(value, "") if value is not None else ""

    def level_of(self, value: int) -> int:
        """1 for the scale's first value, and so on: where a value sits on its own scale (for a chart)."""
        return [v.value for v in self.values].index(value) + 1


@dataclass(frozen=True)
class DomainView:
    domain: Domain
    items: list[ItemView]


@dataclass(frozen=True)
class Structure:
    instrument: Instrument
    domains: list[DomainView]

    @property
    def items(self) -> dict[str, ItemView]:
        return {item.key: item for domain in self.domains for item in domain.items}

    @property
    def has_child_part(self) -> bool:
        return any(item.is_child for item in self.items.values())


def structures(instruments: list[Instrument]) -> dict[int, Structure]:
    """Each instrument's structure, by its id."""
    ids = [i.pk for i in instruments]
    values: dict[int, list[ScaleValue]] = {}
    for value in ScaleValue.objects.filter(scale__instrument_id__in=ids).order_by("position", "id"):
        values.setdefault(value.scale_id, []).append(value)
    domains: dict[int, DomainView] = {
        d.pk: DomainView(domain=d, items=[])
        for d in Domain.objects.filter(instrument_id__in=ids).order_by("position", "id")
    }
    for item in Item.objects.filter(instrument_id__in=ids).select_related("scale").order_by("position", "id"):
        view = domains[item.domain_id]
        view.items.append(ItemView(item=item, domain=view.domain, values=values.get(item.scale_id or 0, [])))
    by_instrument: dict[int, list[DomainView]] = {pk: [] for pk in ids}
    for view in domains.values():
        by_instrument[view.domain.instrument_id].append(view)
    made = {i.pk: Structure(instrument=i, domains=by_instrument[i.pk]) for i in instruments}
    _in_readers_language(made.values(), [v for vs in values.values() for v in vs])
    return made


def _in_readers_language(made: Iterable[Structure], values: list[ScaleValue]) -> None:
    language = (get_language() or "sv").split("-")[0]
    for shown in made:
        instrument = shown.instrument
        words = translation.translation(instrument.key, instrument.version, language)
        if words is None:
            continue
        views = list(shown.items.values())
        scales = [v.item.scale for v in views if v.item.scale is not None]  # each item reads its own copy
        own = [value for value in values if value.scale_id in {s.pk for s in scales}]
        domains = [d.domain for d in shown.domains]
        translation.apply(words, instrument, scales, own, domains, [v.item for v in views])


def structure(instrument: Instrument) -> Structure:
    return structures([instrument])[instrument.pk]
