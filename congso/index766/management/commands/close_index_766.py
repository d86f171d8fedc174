"""Close a period of the 766 index for every agency: `manage.py close_index_766 --period 2026-Q3`."""

import time

from django.core.management.base import BaseCommand, CommandError

from congso.index766 import services


class Command(BaseCommand):
    help = "Khóa kỳ chỉ số 766 cho mọi cơ quan (chốt số liệu, không khóa lại được)."

    def add_arguments(self, parser):
        parser.add_argument("--period", required=True, help="YYYY, YYYY-Qn hoặc YYYY-MM")

    def handle(self, *args, period, **options):
        started = time.monotonic()
        try:
            closure = services.close_period(services.period_of(period))
        except services.IndexError766 as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Đã khóa kỳ {closure.period} cho {closure.agencies.count()} cơ quan "
            f"trong {time.monotonic() - started:.1f} giây."
        )
