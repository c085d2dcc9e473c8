"""Site commands: ``warta setup``, ``warta demo``, ``warta serve``, ``warta manage``.

Django is imported inside each command so that engine commands stay Django-free.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys

DEV_SETTINGS = "warta.project.settings.dev"
DEMO_LOGINS = """Akun demo / demo logins (kata sandi / password: warta-demo-2026):
  penulis komunitas / community writer: ayu.lestari   -> http://{addr}/menulis/
  editor:                               dimas.prakoso -> http://{addr}/admin/
  admin:                                admin         -> http://{addr}/admin/"""


def setup_django() -> None:
    """Configure Django with the dev settings unless the caller chose others."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", DEV_SETTINGS)
    import django

    django.setup()


def run_manage(argv: list[str]) -> int:
    """Run a Django management command and return its exit status."""
    setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["warta manage", *argv])
    return 0


def cmd_manage(args: argparse.Namespace) -> int:
    return run_manage(list(args.rest))


def cmd_setup(args: argparse.Namespace) -> int:
    """Migrate the database, create groups and workflow, and load the demo content once."""
    setup_django()
    from django.conf import settings
    from django.core.management import call_command

    settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
    call_command("migrate", interactive=False, verbosity=0)
    print("Basis data siap. / Database migrated.")
    if args.no_demo:
        return 0
    if not getattr(settings, "WARTA_ALLOW_DEMO", False):
        print("Konten demo dilewati (WARTA_ALLOW_DEMO mati). / Demo content skipped.")
        return 0
    call_command("load_demo")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    """Load the demo content (idempotent: skipped when already loaded unless --reset)."""
    setup_django()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    call_command("load_demo", reset=args.reset)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Run the site and its background task worker until Ctrl+C."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", DEV_SETTINGS)
    manage = [sys.executable, "-m", "warta.cli", "manage"]
    worker = subprocess.Popen([*manage, "db_worker", "--interval", "1"])
    print(f"Warta berjalan di http://{args.addr} (Ctrl+C untuk berhenti)", flush=True)
    print(DEMO_LOGINS.format(addr=args.addr), flush=True)
    try:
        server = subprocess.run([*manage, "runserver", args.addr, "--noreload"])
        return server.returncode
    except KeyboardInterrupt:
        return 0
    finally:
        worker.send_signal(signal.SIGINT)
        worker.wait(timeout=10)


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    setup = subparsers.add_parser("setup", help="siapkan basis data dan konten demo")
    setup.add_argument("--no-demo", action="store_true", help="jangan muat konten demo")
    setup.set_defaults(func=cmd_setup)

    demo = subparsers.add_parser("demo", help="muat konten demo")
    demo.add_argument("--reset", action="store_true", help="hapus dan muat ulang konten demo")
    demo.set_defaults(func=cmd_demo)

    serve = subparsers.add_parser("serve", help="jalankan situs dan pekerja latar")
    serve.add_argument("--addr", default="127.0.0.1:8000")
    serve.set_defaults(func=cmd_serve)

    manage = subparsers.add_parser("manage", help="perintah manajemen Django")
    manage.add_argument("rest", nargs=argparse.REMAINDER)
    manage.set_defaults(func=cmd_manage)
