"""Search latency at 100k synthetic articles on SQLite: ``python bench/search_latency.py``.

The same as ``warta search bench``; arguments are passed through (``--articles``,
``--corpus demo|indosum``, ``--repeat``, ``--db``, ``--json``).
"""

import sys

from warta.cli import main

if __name__ == "__main__":
    sys.exit(main(["search", "bench", *sys.argv[1:]]))
