"""The one ``warta`` command that fronts everything a person runs.

Each sub-command lives in its own module under ``warta.cli`` and exposes
``register(subparsers)``. Modules are imported lazily so that engine commands
never import Django; only the commands that need the site set it up.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

#: sub-command name -> module path; each module defines ``register(subparsers)``.
COMMAND_MODULES: dict[str, str] = {
    "site": "warta.cli.site",
    "keypoints": "warta.cli.keypoints",
    "foryou": "warta.cli.foryou",
    "search": "warta.cli.search",
}


def build_parser() -> argparse.ArgumentParser:
    """Return the top-level parser with every available sub-command registered."""
    parser = argparse.ArgumentParser(
        prog="warta",
        description="Warta: platform berita komunitas. / Warta news platform command line.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_path in COMMAND_MODULES.values():
        importlib.import_module(module_path).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``warta`` command line and return its exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return 2
    result = func(args)
    return int(result or 0)


if __name__ == "__main__":
    sys.exit(main())
