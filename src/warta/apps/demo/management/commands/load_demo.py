from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from warta.apps.demo.loader import DemoNotAllowedError, load_demo


class Command(BaseCommand):
    help = "Muat konten demo Warta (sekali). / Load the Warta demo content (once)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--reset", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            load_demo(reset=options["reset"], log=lambda line: self.stdout.write(line))
        except DemoNotAllowedError as error:
            raise CommandError(str(error)) from error
