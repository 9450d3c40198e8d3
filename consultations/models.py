"""Consultations: the anonymized collegial consultations about one young person.

Declarative only: every write goes through the services in
`consultations/services.py` and `consultations/sharing.py`, every read through
`consultations/selectors.py` and `consultations/access.py`. No field can hold a
name, date of birth, address, class or number of a young person: the age is a
band, the setting a choice, and every free text is checked by the privacy guard
before it is stored.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase

from portal.free_text import validate_free_text
from portal.roles import Domain

# Unambiguous characters only (no 0/O, 1/I/L), so a reference can be read aloud.
_REFERENCE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
# What a reference looks like, for URLs and forms: three groups of four of those characters.
REFERENCE_PATTERN = "[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}"

# Lengths of the free-text fields: long enough for a careful note, short enough to read.
NOTE_LENGTH = 500
TEXT_LENGTH = 2000


def new_reference():
    """A reference that cannot be guessed: 12 characters, about 59 bits of randomness."""
    raw = "".join(secrets.choice(_REFERENCE_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


class Setting(models.TextChoices):
    SCHOOL = "school", _("School")
    NEIGHBOURHOOD = "neighbourhood", _("Neighbourhood")
    SPORT = "sport", _("Sport")
    HOME = "home", _("Home")
    ONLINE = "online", _("Online")
    OTHER = "other", _("Other")


class AgeBand(models.TextChoices):
    UNDER_12 = "under_12", _("Younger than 12")
    AGE_12_14 = "12_14", _("12 to 14")
    AGE_15_17 = "15_17", _("15 to 17")
    AGE_18_23 = "18_23", _("18 to 23")
    UNKNOWN = "unknown", _("Unknown")


class Period(models.TextChoices):
    """Since when a signal is seen: a period, never a date."""

    UNDER_MONTH = "under_month", _("Less than a month")
    MONTHS_1_3 = "months_1_3", _("One to three months")
    MONTHS_3_12 = "months_3_12", _("Three months to a year")
    OVER_YEAR = "over_year", _("More than a year")
    UNKNOWN = "unknown", _("Unknown")


class Frequency(models.TextChoices):
    ONCE = "once", _("Once")
    SOMETIMES = "sometimes", _("Now and then")
    OFTEN = "often", _("Often")
    UNKNOWN = "unknown", _("Unknown")


class ConversationStatus(models.TextChoices):
    NOT_YET = "not_yet", _("Not yet")
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Took place")
    NOT_POSSIBLE = "not_possible", _("Not possible")


class ConversationWith(models.TextChoices):
    YOUNG_PERSON = "young_person", _("The young person")
    NETWORK = "network", _("The network (parents, carers)")
    BOTH = "both", _("The young person and the network")


class Knowledge(models.TextChoices):
    ANONYMOUS = "anonymous", _("Anonymous: the young person does not know")
    WITH_KNOWLEDGE = "with_knowledge", _("With the young person's knowledge")


class Outcome(models.TextChoices):
    CONVERSATION_ENOUGH = "conversation_enough", _("The conversation was enough")
    SUPPORT_OWN_ORGANISATION = "support_own_organisation", _("Support within our own organisation")
    REFERRED = "referred", _("Referred to another organisation")
    NO_CONCERN = "no_concern", _("Concern not confirmed")
    CLOSED_INACTIVE = "closed_inactive", _("Closed automatically after inactivity")


# Outcomes an author may choose; the last one is the retention job's.
AUTHOR_OUTCOMES = [choice for choice in Outcome if choice != Outcome.CLOSED_INACTIVE]


class Consultation(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    reference = models.CharField(_("reference"), max_length=14, unique=True, default=new_reference, editable=False)
    organisation = models.ForeignKey(
        "portal.Organisation",
        on_delete=models.PROTECT,
        related_name="consultations",
        verbose_name=_("organisation"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="authored_consultations",
        verbose_name=_("author"),
    )
    # The author's domain when the consultation was logged, for statistics per domain.
    domain = models.CharField(_("domain"), max_length=20, choices=Domain.choices)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)

    # Log
    setting = models.CharField(_("setting"), max_length=20, choices=Setting.choices)
    age_band = models.CharField(_("age band"), max_length=20, choices=AgeBand.choices)
    facts = models.TextField(
        _("what was seen or heard"),
        max_length=TEXT_LENGTH,
        validators=[validate_free_text],
        help_text=_("Facts only: what you saw or heard yourself, without names, places or numbers."),
    )
    concern = models.TextField(
        _("your concern"),
        max_length=TEXT_LENGTH,
        validators=[validate_free_text],
        help_text=_("Your interpretation: what worries you about it."),
    )
    question = models.TextField(
        _("question for colleagues"),
        max_length=TEXT_LENGTH,
        validators=[validate_free_text],
        help_text=_("For example: “What is the best thing I can do?”"),
    )

    # Talk
    conversation_status = models.CharField(
        _("conversation with the young person"),
        max_length=20,
        choices=ConversationStatus.choices,
        default=ConversationStatus.NOT_YET,
    )
    conversation_with = models.CharField(
        _("conversation with"), max_length=20, choices=ConversationWith.choices, blank=True
    )
    conversation_notes = models.TextField(
        _("how the conversation went"), max_length=TEXT_LENGTH, blank=True, validators=[validate_free_text]
    )
    knowledge = models.CharField(
        _("anonymous or with knowledge"), max_length=20, choices=Knowledge.choices, default=Knowledge.ANONYMOUS
    )

    # Next steps
    next_steps = models.TextField(_("next steps"), max_length=TEXT_LENGTH, blank=True, validators=[validate_free_text])
    referrals = models.ManyToManyField(
        "signals.ReferralOrganisation", blank=True, related_name="+", verbose_name=_("referrals")
    )

    # Close
    outcome = models.CharField(_("outcome"), max_length=30, choices=Outcome.choices, blank=True)
    outcome_notes = models.TextField(
        _("notes on the outcome"), max_length=TEXT_LENGTH, blank=True, validators=[validate_free_text]
    )

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # Any write by the author or an invited colleague; drives the closing of untouched consultations.
    last_activity_at = models.DateTimeField(_("last activity"), db_index=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True, db_index=True)
    close_warning_sent_at = models.DateTimeField(_("closing warning sent at"), null=True, blank=True)
    # A form's one-time token: a double submit returns the first consultation instead of a second.
    submission_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        ordering = ["-created_at"]
        permissions = [
            ("advise_consultation", _("Can advise on a consultation")),
            ("review_consultation", _("Can review consultations of coordinated organisations")),
            ("view_statistics", _("Can view consultation statistics")),
        ]

    def __str__(self):
        return self.reference

    @property
    def is_open(self):
        return self.status == self.Status.OPEN


class ObservedSignal(models.Model):
    """One signal from the catalogue as the author observed it: since when, how often, a factual note."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="observed_signals", verbose_name=_("consultation")
    )
    signal = models.ForeignKey("signals.Signal", on_delete=models.PROTECT, related_name="+", verbose_name=_("signal"))
    since = models.CharField(_("since when"), max_length=20, choices=Period.choices, default=Period.UNKNOWN)
    frequency = models.CharField(_("how often"), max_length=20, choices=Frequency.choices, default=Frequency.UNKNOWN)
    note = models.TextField(_("factual note"), max_length=NOTE_LENGTH, blank=True, validators=[validate_free_text])

    class Meta:
        verbose_name = _("observed signal")
        verbose_name_plural = _("observed signals")
        ordering = ["signal__order", "signal__slug"]
        constraints = [
            models.UniqueConstraint(fields=["consultation", "signal"], name="unique_signal_per_consultation"),
        ]

    def __str__(self):
        return f"{self.consultation} — {self.signal}"


class Participant(models.Model):
    """A colleague the author invited to advise."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="participants", verbose_name=_("consultation")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="participations", verbose_name=_("colleague")
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("invited by")
    )
    invited_at = models.DateTimeField(_("invited at"), auto_now_add=True)

    class Meta:
        verbose_name = _("invited colleague")
        verbose_name_plural = _("invited colleagues")
        ordering = ["invited_at"]
        constraints = [
            models.UniqueConstraint(fields=["consultation", "user"], name="unique_participant_per_consultation"),
        ]

    def __str__(self):
        return f"{self.consultation} — {self.user}"


class Advice(models.Model):
    """A colleague's advice on a consultation; appended, never edited."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="advice", verbose_name=_("consultation")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("author")
    )
    text = models.TextField(_("advice"), max_length=TEXT_LENGTH, validators=[validate_free_text])
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    submission_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        verbose_name = _("advice")
        verbose_name_plural = _("advice")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.consultation} — {self.author}"


class ConsultationTally(models.Model):
    """Anonymous count of purged consultations, so statistics survive retention."""

    organisation = models.ForeignKey("portal.Organisation", on_delete=models.PROTECT, related_name="+")
    month = models.DateField(_("month"), help_text=_("The first day of the month the consultations were logged."))
    domain = models.CharField(_("domain"), max_length=20, choices=Domain.choices)
    outcome = models.CharField(_("outcome"), max_length=30, choices=Outcome.choices, blank=True)
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("anonymous consultation count")
        verbose_name_plural = _("anonymous consultation counts")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "month", "domain", "outcome"], name="unique_consultation_tally"
            ),
        ]

    def __str__(self):
        return f"{self.organisation_id} {self.month:%Y-%m} {self.domain} {self.outcome}: {self.count}"


class SignalTally(models.Model):
    """Anonymous count per signal × month × organisation of purged consultations."""

    organisation = models.ForeignKey("portal.Organisation", on_delete=models.PROTECT, related_name="+")
    month = models.DateField(_("month"))
    signal = models.ForeignKey("signals.Signal", on_delete=models.PROTECT, related_name="+")
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("anonymous signal count")
        verbose_name_plural = _("anonymous signal counts")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "month", "signal"], name="unique_signal_tally"),
        ]

    def __str__(self):
        return f"{self.organisation_id} {self.month:%Y-%m} {self.signal_id}: {self.count}"


class ConsultationUserObjectPermission(UserObjectPermissionBase):
    """Direct foreign key: rows die with the consultation and never attach to a reused id."""

    content_object = models.ForeignKey(Consultation, on_delete=models.CASCADE)


class ConsultationGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Consultation, on_delete=models.CASCADE)
