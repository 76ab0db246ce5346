"""The demo municipality's catalogue of supports, and a year of anonymous counts.

Modelled on what the social services' answer describes (an open-care team for ages 12 to 21 with treatment
staff on call evenings and weekends, youth care under ungdomskontrakt, aftercare, a consultation team for
those leaving crime, family centres run with the region, protected housing bought from a provider).
Every name, decision reference and permit number is made up.
"""

import random
from datetime import date

from accounts.models import User
from catalogue.models import AgeBand, AnonymousCount, Service, ServiceKind

DECISION = "SN 2025/0412, 2025-06-18"  # a made-up committee decision

SERVICES = [
    dict(
        key="kompassen",
        name="Öppenvårdsteamet Kompassen",
        kind=ServiceKind.OPEN_CARE,
        description="Öppenvård för barn och unga 12–21 år med etablerad kriminalitet och deras familjer. "
        "Behandlarna arbetar med flera livsområden samtidigt och samverkar med skola, polis och BUP.",
        provider="Avdelningen för insats, öppenvården",
        target_group="Barn och unga 12–21 år i eller nära kriminalitet, och deras familjer",
        min_age=12,
        max_age=21,
        hours="Vardagar 8–17; behandlare i beredskap kvällar och helger",
        on_call=True,
        capacity=40,
    ),
    dict(
        key="ungdomskontrakt",
        name="Ungdomsvård och ungdomskontrakt",
        kind=ServiceKind.YOUTH_CARE,
        description="Ungdomsvård enligt ungdomskontrakt eller dom, med öppenvårdsteamets behandlare.",
        provider="Avdelningen för insats, öppenvården",
        target_group="Unga 15–17 år som dömts till ungdomsvård eller har ett ungdomskontrakt",
        min_age=15,
        max_age=17,
        capacity=15,
    ),
    dict(
        key="eftervard",
        name="Eftervård efter placering",
        kind=ServiceKind.AFTERCARE,
        description="Stöd i hemmet, i skolan och i fritiden efter en placering.",
        provider="Avdelningen för insats, öppenvården",
        target_group="Barn och unga 12–21 år som kommer hem efter en placering",
        min_age=12,
        max_age=21,
        capacity=10,
    ),
    dict(
        key="konsultationsteamet",
        name="Konsultationsteamet",
        kind=ServiceKind.CONSULTATION,
        description="Specialister för den som vill lämna organiserad brottslighet: skydd, stöd och "
        "konsultation till handläggare, tillsammans med polisen.",
        provider="Avhopparteamet",
        target_group="Den som vill lämna en kriminell miljö, och handläggare som möter barn som vill det",
        min_age=12,
    ),
    dict(
        key="kontaktperson",
        name="Kontaktperson och särskilt kvalificerad kontaktperson",
        kind=ServiceKind.KONTAKTPERSON,
        description="En vuxen som barnet träffar regelbundet. Alltid efter behovsprövning och beslut.",
        provider="Kontaktpersonsenheten",
        target_group="Barn och unga upp till 21 år",
        max_age=21,
        capacity=30,
    ),
    dict(
        key="familjebehandling",
        name="Familjebehandling",
        kind=ServiceKind.FAMILY,
        description="Samtal med barnet och familjen, hemma eller på mottagningen.",
        provider="Avdelningen för insats, familjeteamet",
        target_group="Familjer med barn 0–20 år",
        max_age=20,
        capacity=25,
    ),
    dict(
        key="familjecentralen",
        name="Familjecentralen Söder",
        kind=ServiceKind.FAMILY,
        description="Öppen förskola, rådgivning och föräldragrupper, tillsammans med regionen.",
        provider="Familjecentralen Söder (med regionen)",
        by_partner=True,
        target_group="Föräldrar och barn i stadsdelen",
        without_assessment=True,
        committee_decision=DECISION,
    ),
    dict(
        key="samtalsstod",
        name="Samtalsstöd utan ansökan",
        kind=ServiceKind.OPEN_ACTIVITY,
        description="Några samtal med en behandlare utan ansökan och utan att barnets namn skrivs ner.",
        provider="Avdelningen för insats, öppenvården",
        target_group="Barn och unga 12–21 år och deras föräldrar",
        min_age=12,
        max_age=21,
        hours="Drop-in tisdagar och torsdagar 15–19",
        without_assessment=True,
        committee_decision=DECISION,
    ),
    dict(
        key="skyddat-boende",
        name="Skyddat boende, upphandlad utförare",
        kind=ServiceKind.PROTECTED_HOUSING,
        description="Skyddat boende för barn med hotbild, och vårdnadshavare som beviljats insatsen med barnet.",
        provider="Upphandlad utförare med IVO-tillstånd",
        by_partner=True,
        target_group="Barn och unga med hotbild, med vårdnadshavare",
        capacity=6,
        ivo_permit="IVO 0.0.0-00000/2025",
    ),
]


def seed_catalogue(rng: random.Random, counter: User, today: date) -> dict[str, Service]:
    """The catalogue, offered since the new Social Services Act, and each month's anonymous counts."""
    services = [Service(valid_from=date(2025, 7, 1), **fields) for fields in SERVICES]
    Service.objects.bulk_create(services)
    counts = []
    index = today.year * 12 + today.month - 1
    for service in services:
        if not service.without_assessment:
            continue
        for back in range(12):
            year, month = divmod(index - back, 12)
            for band in (AgeBand.UNDER_15, AgeBand.FROM_15, AgeBand.FROM_18):
                if (n := rng.randint(0, 9)) > 0:
                    counts.append(
                        AnonymousCount(
                            service=service, month=date(year, month + 1, 1), age_band=band, count=n, recorded_by=counter
                        )
                    )
    AnonymousCount.objects.bulk_create(counts)
    return {service.key: service for service in services}
