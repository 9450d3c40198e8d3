"""`manage.py purge_expired`: apply the retention rules now (consultations/retention.py).

Run it daily, from as many hosts as you like: it is idempotent and two runs at
once never warn, close or count a consultation twice.
"""

from django.core.management.base import BaseCommand

from consultations.retention import retention_apply


class Command(BaseCommand):
    help = (
        "Apply the retention rules now: warn authors of untouched consultations, close those past the "
        "inactivity term, delete closed ones past the retention term (keeping anonymous counts)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url",
            help="Start of the links in the warning mails (default: the PORTAL_BASE_URL setting).",
        )

    def handle(self, *args, base_url, **options):
        result = retention_apply(base_url=base_url)
        self.stdout.write(str(result))
