"""The mission end to end, in a real browser on a phone-sized screen, in Dutch.

A teacher logs a consultation (the portal refuses the phone number typed by
accident), invites the wijkagent, who advises; the teacher records the
conversation and closes it; the coordinator reads it; the English switch works.
Every page fits the 360 px screen without sideways scrolling.
"""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from selenium.webdriver.common.by import By
from selenium.webdriver.support.expected_conditions import staleness_of
from selenium.webdriver.support.wait import WebDriverWait

from consultations.models import Advice, Consultation
from portal.models import AuditEvent
from signals.selectors import active_signals
from tests.e2e.conftest import PHONE_WIDTH

PASSWORD = "demo-wachtwoord-2026"
TEACHER = "docent1@school-a.example.org"
POLICE = "wijkagent@politie.example.org"
COORDINATOR = "coordinator@gemeente.example.org"

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


class Phone:
    """The browser as a user: open pages, follow links, fill in forms."""

    def __init__(self, browser, live_server):
        self.browser, self.base = browser, live_server.url

    def open(self, path):
        self.browser.get(self.base + path)
        self.assert_fits()

    def _click_and_wait(self, element):
        page = self.browser.find_element(By.TAG_NAME, "html")
        self.click(element)
        WebDriverWait(self.browser, 20).until(staleness_of(page))
        self.assert_fits()

    def follow(self, path):
        """Click the first link on the page that goes to `path` (pages are reached by links)."""
        self._click_and_wait(self.browser.find_element(By.CSS_SELECTOR, f'a[href="{path}"]'))

    def fill(self, name, text):
        field = self.browser.find_element(By.NAME, name)
        field.clear()
        field.send_keys(text)

    def click(self, element):
        # Chromium's emulated phone viewport confuses WebDriver's click coordinates far down a
        # long form; the DOM click does what a tap does (toggle, follow, submit).
        self.browser.execute_script("arguments[0].click()", element)

    def choose(self, name, value):
        self.click(self.browser.find_element(By.CSS_SELECTOR, f'input[name="{name}"][value="{value}"]'))

    def tick(self, name):
        self.click(self.browser.find_element(By.NAME, name))

    def submit(self, form_selector="main form.portal-form"):
        self._click_and_wait(self.browser.find_element(By.CSS_SELECTOR, f"{form_selector} [type=submit]"))

    def text(self):
        return self.browser.find_element(By.TAG_NAME, "main").text

    def assert_fits(self):
        width = self.browser.execute_script("return document.documentElement.scrollWidth")
        assert width <= PHONE_WIDTH, f"{self.browser.current_url} scrolls sideways: {width}px"

    def log_in(self, email):
        self.browser.delete_all_cookies()
        self.open("/")
        self.fill("login", email)
        self.fill("password", PASSWORD)
        self.submit("main form")
        assert self.browser.current_url == self.base + "/", self.text()


@pytest.fixture
def phone(browser, live_server):
    call_command("seed_demo", "--allow-production", stdout=io.StringIO())
    return Phone(browser, live_server)


def test_teacher_consults_wijkagent_and_closes_in_dutch_on_a_phone(phone):
    signal = active_signals().first()
    before = Consultation.objects.count()

    phone.log_in(TEACHER)
    phone.follow(reverse("consultations:create"))
    assert "Een signaal is geen bewijs" in phone.text()
    phone.tick(f"signal_{signal.pk}")
    phone.choose("setting", "school")
    phone.choose("age_band", "15_17")
    phone.fill("facts", "Moeder belde vanaf 06-12345678 over nieuwe dure kleding.")
    phone.fill("concern", "Ik maak me zorgen dat een oudere jongen hem gebruikt.")
    phone.fill("question", "Wat kan ik het beste doen?")
    phone.submit()

    # Refused: the finding is shown with advice, nothing is stored.
    assert "06-12345678" in phone.text()
    assert "telefoonnummer" in phone.text()
    assert Consultation.objects.count() == before

    phone.fill("facts", "Moeder belde over nieuwe dure kleding en een tweede telefoon.")
    phone.submit()
    consultation = Consultation.objects.order_by("-created_at", "-pk").first()
    assert Consultation.objects.count() == before + 1
    assert phone.browser.current_url.endswith(reverse("consultations:detail", args=[consultation.reference]))

    phone.follow(reverse("consultations:invite", args=[consultation.reference]))
    police = consultation.author.__class__.objects.get(email=POLICE)
    phone.choose("invitee", str(police.pk))
    phone.submit()
    assert consultation.participants.filter(user=police).exists()

    phone.log_in(POLICE)
    phone.follow(reverse("consultations:shared"))
    phone.follow(reverse("consultations:detail", args=[consultation.reference]))
    phone.follow(reverse("consultations:advise", args=[consultation.reference]))
    phone.fill("text", "Ga eerst zelf het gesprek aan; ik kan daarna met de ouders praten.")
    phone.submit()
    assert Advice.objects.filter(consultation=consultation, author=police).count() == 1

    phone.log_in(TEACHER)
    phone.open(reverse("consultations:detail", args=[consultation.reference]))
    assert "ik kan daarna met de ouders praten" in phone.text()
    phone.follow(reverse("consultations:conversation", args=[consultation.reference]))
    phone.choose("conversation_status", "held")
    phone.choose("conversation_with", "young_person")
    phone.fill("conversation_notes", "Rustig gesprek na de les; de jongere vertelde over een oudere vriend.")
    phone.submit()
    phone.follow(reverse("consultations:close", args=[consultation.reference]))
    phone.choose("outcome", "referred")
    phone.submit()
    consultation.refresh_from_db()
    assert consultation.status == Consultation.Status.CLOSED
    assert "verwijderd" in phone.text()

    # The coordinator of School A reads it, read-only; the view is in the audit trail.
    phone.log_in(COORDINATOR)
    phone.follow(reverse("consultations:review"))
    phone.follow(reverse("consultations:detail", args=[consultation.reference]))
    assert reverse("consultations:reopen", args=[consultation.reference]) not in phone.browser.page_source
    coordinator_views = AuditEvent.objects.filter(
        consultation_reference=consultation.reference, action=AuditEvent.Action.VIEW, actor__email=COORDINATOR
    )
    assert coordinator_views.count() == 1

    # The same page in English, through the language switch.
    phone.submit("form.portal-language-switch")
    assert "Observed signals" in phone.text()
