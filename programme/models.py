"""The exit programme (avhopparprogrammet): a child's participation beside the case, its phases,
defector status against the national definition, the police's intake criteria, and motivation.

A participation is its own record, not a status of the case: a child may be in the programme while
the case is investigated, decided and followed up, and may come back to it later. Everything here is
dated and recorded by someone; phase changes, assessments and motivation are append-only (migration
0003): a mistake is put right by a new record, so the history an auditor reads is what was known then.
"""

import uuid
from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from cases.models import Case
from core.fields import EncryptedTextField


class RaisedHow(models.TextChoices):
    """How the child came to the programme (R4.4: police, probation, social services, school, NGO, self)."""

    REPORT = "report", _("Orosanmälan eller annan aktualisering")
    DETENTION = "detention", _("Frihetsberövande")
    POLICE_INTERVIEW = "police-interview", _("Polisförhör")
    OUTREACH = "outreach", _("Uppsökande arbete")
    OWN_CONTACT = "own-contact", _("Barnets egen kontakt")
    CUSTOM_U18 = "custom-u18", _("Custom under 18-samtal")
    OTHER = "other", _("Annat")


class Milestone(models.TextChoices):
    """What reaching a phase means for the programme's measured waits (R4.5)."""

    NONE = "", _("Ingen")
    FIRST_MEETING = "first-meeting", _("Första mötet")
    ENDED = "ended", _("Avslutat")


class EndReason(models.TextChoices):
    COMPLETED = "completed", _("Genomfört")
    DROPPED_OUT = "dropped-out", _("Avbrutet av barnet")
    MOVED = "moved", _("Flyttat")
    TAKEN_OVER = "taken-over", _("Övertaget av en annan kommun")
    OTHER = "other", _("Annat")


class Phase(models.Model):
    """A phase of the programme, as data: the municipality may rename, reorder or add phases.

    The default set (migration 0002) follows Socialstyrelsen's process map; the names are ours (R4.4).
    Phases are named in Swedish and English here because they are data, not strings in the code.
    """

    code = models.SlugField(_("kod"), max_length=40, unique=True)
    name_sv = models.CharField(_("namn"), max_length=120)
    name_en = models.CharField(_("namn på engelska"), max_length=120)
    position = models.PositiveSmallIntegerField(_("ordning"))
    milestone = models.CharField(_("milstolpe"), max_length=20, choices=Milestone.choices, blank=True)
    active = models.BooleanField(_("används"), default=True)

    class Meta:
        verbose_name = _("fas")
        verbose_name_plural = _("faser")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.name_en if (get_language() or "sv").startswith("en") else self.name_sv


class Participation(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="participations", verbose_name=_("ärende"))
    # The first contact about leaving: the day the waits of R4.5 are measured from.
    raised_on = models.DateField(_("första kontakt"))
    raised_how = models.CharField(_("hur det aktualiserades"), max_length=20, choices=RaisedHow.choices)
    # Who raised it, in general terms (an agency or "barnet självt"), never a private person's name.
    raised_by = models.CharField(_("vem som aktualiserade"), max_length=200)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("registrerad"), auto_now_add=True)
    ended_on = models.DateField(_("avslutat"), null=True, blank=True)
    end_reason = models.CharField(_("hur det avslutades"), max_length=20, choices=EndReason.choices, blank=True)
    end_note = EncryptedTextField(_("om avslutet"), blank=True, default="")

    class Meta:
        verbose_name = _("deltagande i avhopparprogrammet")
        verbose_name_plural = _("deltaganden i avhopparprogrammet")
        ordering = ["raised_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["case"], condition=Q(ended_on__isnull=True), name="participation_one_open_per_case"
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True, end_reason="") | (Q(ended_on__isnull=False) & ~Q(end_reason="")),
                name="participation_reason_when_ended",
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=F("raised_on")),
                name="participation_ended_after_raised",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case} {self.raised_on}"

    @property
    def is_open(self) -> bool:
        return self.ended_on is None


class PhaseTransition(models.Model):
    """The participation entered `phase` on `entered_on`; the latest one is where it stands."""

    participation = models.ForeignKey(Participation, on_delete=models.PROTECT, related_name="transitions")
    phase = models.ForeignKey(Phase, on_delete=models.PROTECT, related_name="+", verbose_name=_("fas"))
    entered_on = models.DateField(_("från och med"))
    note = EncryptedTextField(_("anteckning"), blank=True, default="")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("registrerad"), auto_now_add=True)

    class Meta:
        ordering = ["entered_on", "id"]
        indexes = [models.Index(fields=["participation", "entered_on"], name="transition_participation_day")]

    def __str__(self) -> str:
        return f"{self.phase} {self.entered_on}"


class DefectorDefinition(models.Model):
    """The national definition, verbatim and versioned: an assessment names the version it was made against."""

    text = models.TextField(_("definition"))
    valid_from = models.DateField(_("gäller från"))
    source = models.URLField(_("källa"), max_length=300)

    class Meta:
        ordering = ["valid_from", "id"]
        constraints = [models.UniqueConstraint(fields=["valid_from"], name="definition_unique_start")]

    def __str__(self) -> str:
        return self.text


class Judgement(models.TextChoices):
    YES = "yes", _("Ja")
    NO = "no", _("Nej")
    UNCLEAR = "unclear", _("Går inte att bedöma ännu")


class DefectorAssessment(models.Model):
    """Both parts of the definition, assessed separately, each with its reasons.

    Whether the child meets the definition is shown, never used: support, protection and follow-up
    are the same for a child who does not (issue 14, point 2).
    """

    participation = models.ForeignKey(Participation, on_delete=models.PROTECT, related_name="defector_assessments")
    definition = models.ForeignKey(DefectorDefinition, on_delete=models.PROTECT, related_name="+")
    chosen_to_leave = models.CharField(
        _("har valt att lämna organiserad brottslighet"), max_length=10, choices=Judgement.choices
    )
    chosen_to_leave_reasons = EncryptedTextField(_("skäl"))
    needs_support = models.CharField(
        _("bedöms behöva samhällets stöd och skydd för att fullfölja det"), max_length=10, choices=Judgement.choices
    )
    needs_support_reasons = EncryptedTextField(_("skäl"))
    assessed_on = models.DateField(_("bedömningsdatum"))
    assessed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("registrerad"), auto_now_add=True)

    class Meta:
        ordering = ["assessed_on", "id"]

    def __str__(self) -> str:
        return f"{self.assessed_on}: {self.chosen_to_leave}/{self.needs_support}"

    @property
    def meets_definition(self) -> bool:
        return self.chosen_to_leave == Judgement.YES and self.needs_support == Judgement.YES


class PoliceCriterion(models.TextChoices):
    """The police's intake criteria for a defector case (R4.2), in the order they publish them."""

    MOTIVATED = "motivated", _("Personen är motiverad")
    CONSENTS = "consents", _("Personen samtycker till informationsutbyte")
    CONDITIONS_SIGNED = "conditions-signed", _("Personen har skrivit under polisens villkor")
    NOT_WITNESS = "not-witness", _("Personen är inte bevisperson i ett pågående mål")
    SUPPORT_DECIDED = "support-decided", _("Socialtjänsten har beslutat om insatser")
    THREAT = "threat", _("Det finns en hotbild från en miljö med våldskapital")


class CriterionCheck(models.Model):
    """One criterion as it stood on a day: the latest check of each is the checklist."""

    participation = models.ForeignKey(Participation, on_delete=models.PROTECT, related_name="criterion_checks")
    criterion = models.CharField(_("kriterium"), max_length=20, choices=PoliceCriterion.choices)
    met = models.BooleanField(_("uppfyllt"))
    checked_on = models.DateField(_("datum"))
    note = models.CharField(_("kommentar"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("registrerad"), auto_now_add=True)

    class Meta:
        ordering = ["checked_on", "id"]

    def __str__(self) -> str:
        return f"{self.criterion} {self.checked_on}"


class MotivationStage(models.TextChoices):
    """Where the child stands on leaving, in the stages of change (Prochaska and DiClemente), in plain words."""

    NOT_CONSIDERING = "not-considering", _("Vill inte lämna")
    AMBIVALENT = "ambivalent", _("Kluven, funderar")
    PREPARING = "preparing", _("Vill lämna, förbereder sig")
    ACTING = "acting", _("Håller på att lämna")
    MAINTAINING = "maintaining", _("Har lämnat, håller fast vid det")


# The stages in order, for the trend: higher is further on the way out, nothing more.
STAGE_ORDER = [stage.value for stage in MotivationStage]


class MotivationRecord(models.Model):
    participation = models.ForeignKey(Participation, on_delete=models.PROTECT, related_name="motivation")
    stage = models.CharField(_("motivation"), max_length=20, choices=MotivationStage.choices)
    child_words = EncryptedTextField(_("vad barnet sa, med barnets egna ord"))
    heard_on = models.DateField(_("datum"))
    heard_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("registrerad"), auto_now_add=True)

    class Meta:
        ordering = ["heard_on", "id"]

    def __str__(self) -> str:
        return f"{self.stage} {self.heard_on}"

    @property
    def level(self) -> int:
        return STAGE_ORDER.index(self.stage) + 1


class ConnectionSource(models.TextChoices):
    POLICE = "police", _("Polisens uppgift")
    CHILD = "child", _("Barnet självt")
    INVESTIGATION = "investigation", _("Utredningen")
    AGENCY = "agency", _("Annan myndighet")


class Connection(models.Model):
    """A link from a child in the programme to one other person, kept because what happens to that person
    (detained, sentenced, placed, gone, dead) may open the child to leaving (Brå 2023).

    Restricted data (`access.rules.may_see_restricted`): never a free-text list of associates and never a
    register of a group. Each link names one person by identity number, its source, its legal basis and
    the day it expires; a wrong link is withdrawn with a reason and a right one recorded.
    """

    participation = models.ForeignKey(Participation, on_delete=models.PROTECT, related_name="connections")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    # The name as the source gave it: what the page shows, so that linking reveals nothing of the register.
    named_as = models.CharField(_("namn enligt källan"), max_length=200)
    source = models.CharField(_("källa"), max_length=20, choices=ConnectionSource.choices)
    source_note = models.CharField(_("om källan"), max_length=300)
    legal_basis = models.ForeignKey("core.LegalBasis", on_delete=models.PROTECT, related_name="+")
    expires_on = models.DateField(_("gallras"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("registrerad"), auto_now_add=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    withdrawn_reason = models.CharField(_("varför kopplingen togs bort"), max_length=300, blank=True)

    class Meta:
        ordering = ["recorded_at", "id"]
        indexes = [models.Index(fields=["person", "expires_on"], name="connection_person_expiry")]

    def __str__(self) -> str:
        return f"{self.participation_id} → {self.person_id}"


class NetworkEventKind(models.TextChoices):
    DETAINED = "detained", _("Frihetsberövad")
    SENTENCED = "sentenced", _("Dömd")
    PLACED = "placed", _("Placerad")
    LEFT_COUNTRY = "left-country", _("Har lämnat landet")
    DIED = "died", _("Avliden")


class NetworkEvent(models.Model):
    """Something that happened to a person children in the programme are connected to, with its source."""

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("händelse"), max_length=20, choices=NetworkEventKind.choices)
    occurred_on = models.DateField(_("datum"))
    source = models.CharField(_("källa"), max_length=300)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("registrerad"), auto_now_add=True)

    class Meta:
        ordering = ["occurred_on", "id"]

    def __str__(self) -> str:
        return f"{self.kind} {self.occurred_on}"


class MotivationWindow(models.Model):
    """A chance that the child is now open to leaving, opened by an event; shown until acted on or lapsed."""

    participation = models.ForeignKey(Participation, on_delete=models.PROTECT, related_name="windows")
    event = models.ForeignKey(NetworkEvent, on_delete=models.PROTECT, related_name="windows")
    connection = models.ForeignKey(Connection, on_delete=models.PROTECT, related_name="+")
    opened_on = models.DateField(_("öppnat"))
    lapses_on = models.DateField(_("gäller till och med"))
    acted_on = models.DateField(_("åtgärdat"), null=True, blank=True)
    acted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    acted_note = EncryptedTextField(_("vad som gjordes"), blank=True, default="")

    class Meta:
        ordering = ["-opened_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["participation", "event"], name="window_one_per_event"),
            models.CheckConstraint(condition=Q(lapses_on__gte=F("opened_on")), name="window_lapses_after_opening"),
        ]

    def __str__(self) -> str:
        return f"{self.participation_id} {self.opened_on}"

    def is_open_on(self, day: date) -> bool:
        return self.acted_on is None and day <= self.lapses_on


class PlanDomain(models.TextChoices):
    """The domains of the plan, as the motion and the social services' answer name them."""

    SAFETY = "safety", _("Fysisk säkerhet")
    PSYCHOSOCIAL = "psychosocial", _("Psykosocialt stöd")
    PEDAGOGICAL = "pedagogical", _("Pedagogiskt stöd")
    SCHOOL = "school", _("Skola")
    FAMILY = "family", _("Familjestöd")
    HOUSING = "housing", _("Boende")
    TREATMENT = "treatment", _("Behandling")
    OCCUPATION = "occupation", _("Sysselsättning (18–21 år)")


class InsatsKind(models.TextChoices):
    """What carries a plan item out: it decides the consent the item needs (`programme.consent`)."""

    OPEN_CARE = "open-care", _("Öppenvård, till exempel öppenvårdsteamet kvällar och helger")
    KONTAKTPERSON = "kontaktperson", _("Kontaktperson eller särskilt kvalificerad kontaktperson")
    COUNSELLING = "counselling", _("Samtalsstöd")
    FAMILY_SUPPORT = "family-support", _("Familjebehandling eller annat familjestöd")
    PLACEMENT = "placement", _("Vård i familjehem, jourhem, stödboende eller HVB, eller boende med särskilt stöd")
    PARTNER = "partner", _("Insats av en samverkanspart (skola, barn- och ungdomspsykiatri, polis)")
    OTHER = "other", _("Annat stöd från socialtjänsten")


class ItemStatus(models.TextChoices):
    PLANNED = "planned", _("Planerad")
    ONGOING = "ongoing", _("Pågår")
    MET = "met", _("Målet är nått")
    NOT_MET = "not-met", _("Avslutad utan att målet nåtts")
    STOPPED = "stopped", _("Avbruten")


CLOSED_STATUSES = {ItemStatus.MET, ItemStatus.NOT_MET, ItemStatus.STOPPED}


class PlanItem(models.Model):
    """One goal of the child's plan (genomförandeplan): the goal in the child's words and the worker's,
    what is done about it and by whom, under which decision, from when to when, and its status."""

    participation = models.ForeignKey(Participation, on_delete=models.PROTECT, related_name="plan_items")
    domain = models.CharField(_("område"), max_length=20, choices=PlanDomain.choices)
    goal_child = EncryptedTextField(_("målet med barnets egna ord"))
    goal_worker = EncryptedTextField(_("målet som socialtjänsten formulerar det"))
    insats = models.CharField(_("insats"), max_length=20, choices=InsatsKind.choices)
    description = models.CharField(_("vad som görs"), max_length=300)
    decision = models.ForeignKey(
        "decisions.Decision",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("beslut"),
    )
    # The service of the municipality's catalogue that carries the goal, where one does. Nullable with no
    # default: SQLite adds the column in place and keeps the table's append-only triggers.
    service = models.ForeignKey(
        "catalogue.Service",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plan_items",
        verbose_name=_("insats i katalogen"),
    )
    responsible = models.CharField(_("ansvarig person eller samverkanspart"), max_length=200)
    starts_on = models.DateField(_("från"))
    ends_on = models.DateField(_("till"), null=True, blank=True)
    follow_up_on = models.DateField(_("följs upp senast"))
    status = models.CharField(_("status"), max_length=20, choices=ItemStatus.choices, default=ItemStatus.PLANNED)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("registrerad"), auto_now_add=True)

    class Meta:
        ordering = ["domain", "starts_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")), name="plan_item_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_domain_display()}: {self.description}"


class ConsentBy(models.TextChoices):
    CHILD = "child", _("Barnet")
    GUARDIAN = "guardian", _("Vårdnadshavare")


class Consent(models.Model):
    """A consent to one plan item: the child's, or one guardian's with custody; withdrawn with a day.

    Without every guardian's consent, a child of 12 or over may be given an insats for personal needs
    when it is suitable and the child consents (from 15: asks or consents), 21 kap. 1 § SoL (2025:400);
    `suitable_reasons` records why it is suitable.
    """

    item = models.ForeignKey(PlanItem, on_delete=models.PROTECT, related_name="consents")
    given_by = models.CharField(_("vem"), max_length=10, choices=ConsentBy.choices)
    guardian = models.ForeignKey("people.Person", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    given_on = models.DateField(_("lämnat"))
    how = models.CharField(_("hur samtycket lämnades"), max_length=200)
    suitable_reasons = EncryptedTextField(
        _("varför insatsen är lämplig utan vårdnadshavarnas samtycke"), blank=True, default=""
    )
    legal_basis = models.ForeignKey(
        "core.LegalBasis", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("registrerad"), auto_now_add=True)
    withdrawn_on = models.DateField(_("återkallat"), null=True, blank=True)

    class Meta:
        ordering = ["given_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(given_by="child", guardian__isnull=True) | Q(given_by="guardian", guardian__isnull=False),
                name="consent_guardian_named",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.given_by} {self.given_on}"


class FollowUp(models.Model):
    """A follow-up meeting on the plan: every running goal reviewed, and the child's own view."""

    participation = models.ForeignKey(Participation, on_delete=models.PROTECT, related_name="follow_ups")
    held_on = models.DateField(_("mötesdatum"))
    child_view = EncryptedTextField(_("barnets syn, med barnets egna ord"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("registrerad"), auto_now_add=True)

    class Meta:
        ordering = ["held_on", "id"]

    def __str__(self) -> str:
        return f"{self.participation_id} {self.held_on}"


class ItemReview(models.Model):
    follow_up = models.ForeignKey(FollowUp, on_delete=models.PROTECT, related_name="reviews")
    item = models.ForeignKey(PlanItem, on_delete=models.PROTECT, related_name="reviews")
    status = models.CharField(_("status"), max_length=20, choices=ItemStatus.choices)
    note = EncryptedTextField(_("hur det har gått"))

    class Meta:
        ordering = ["follow_up", "item"]
        constraints = [models.UniqueConstraint(fields=["follow_up", "item"], name="review_one_per_item")]

    def __str__(self) -> str:
        return f"{self.item_id} {self.status}"


# The outcome and care-plan models live in their own modules; imported here so that Django finds them with the app's.
from programme.care_plan_models import CarePlan  # noqa: E402, F401
from programme.outcome_models import (  # noqa: E402, F401
    OutcomeField,
    OutcomeRecord,
    OutcomeReminder,
    OutcomeValue,
)
