"""The English catalogue is complete and its compiled .mo matches the .po beside it.

Parsed with the standard library only, so CI needs no gettext tools.
"""

from __future__ import annotations

import ast
import gettext
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings

LOCALE = Path(settings.LOCALE_PATHS[0])
PO = LOCALE / "en" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")
KEYWORDS = ("msgctxt", "msgid_plural", "msgid", "msgstr")


@dataclass
class Entry:
    context: str | None = None
    msgid: str = ""
    plural: str | None = None
    strings: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    obsolete: bool = False


def unquote(literal: str) -> str:
    """Return the text of one PO string literal (C escapes, as Python reads them)."""
    return str(ast.literal_eval(literal))


def parse_po(text: str) -> list[Entry]:
    """Return the entries of a .po file (header included, msgid "")."""
    entries: list[Entry] = []
    entry = Entry()
    target: tuple[str, int] | None = None
    started = False

    def finish() -> None:
        nonlocal entry, started, target
        if started:
            entries.append(entry)
        entry, started, target = Entry(), False, None

    for raw in text.splitlines() + [""]:
        line = raw.strip()
        if not line:
            finish()
            continue
        if line.startswith("#~"):
            entry.obsolete = True
            started = True
            continue
        if line.startswith("#,"):
            entry.flags |= {flag.strip() for flag in line[2:].split(",")}
            continue
        if line.startswith("#"):
            continue
        if line.startswith('"'):
            assert target is not None, f"continuation without a keyword: {raw!r}"
            append(entry, target, unquote(line))
            continue
        keyword, _, literal = line.partition(" ")
        index = 0
        if keyword.startswith("msgstr["):
            index = int(keyword[7:-1])
            keyword = "msgstr"
        assert keyword in KEYWORDS, f"unexpected line: {raw!r}"
        if keyword in ("msgctxt", "msgid") and entry.strings:
            finish()  # an entry without a blank line before the next
        started = True
        target = (keyword, index)
        if keyword == "msgctxt":
            entry.context = ""
        elif keyword == "msgid_plural":
            entry.plural = ""
        elif keyword == "msgstr":
            entry.strings[index] = ""
        append(entry, target, unquote(literal))
    return entries


def append(entry: Entry, target: tuple[str, int], text: str) -> None:
    keyword, index = target
    if keyword == "msgctxt":
        entry.context = (entry.context or "") + text
    elif keyword == "msgid":
        entry.msgid += text
    elif keyword == "msgid_plural":
        entry.plural = (entry.plural or "") + text
    else:
        entry.strings[index] += text


@pytest.fixture(scope="module")
def entries() -> list[Entry]:
    return [e for e in parse_po(PO.read_text(encoding="utf-8")) if e.msgid]


def label(entry: Entry) -> str:
    return f"{entry.context}|{entry.msgid}" if entry.context else entry.msgid


def test_catalogue_has_entries(entries):
    assert len(entries) > 300


def test_no_entry_is_fuzzy_obsolete_or_untranslated(entries):
    fuzzy = [label(e) for e in entries if "fuzzy" in e.flags]
    obsolete = [label(e) for e in entries if e.obsolete]
    empty = [label(e) for e in entries if not e.strings or not all(e.strings.values())]
    assert fuzzy == []
    assert obsolete == []
    assert empty == []


def test_plural_entries_have_both_english_forms(entries):
    plurals = [e for e in entries if e.plural is not None]
    assert plurals
    for entry in plurals:
        assert sorted(entry.strings) == [0, 1], label(entry)


def test_header_declares_english_plural_forms():
    header = next(e for e in parse_po(PO.read_text(encoding="utf-8")) if not e.msgid)
    assert "Language: en\n" in header.strings[0]
    assert "Plural-Forms: nplurals=2; plural=(n != 1);" in header.strings[0]
    assert "fuzzy" not in header.flags


def test_compiled_catalogue_matches_the_po(entries):
    """Fails when the .po changed and ``compilemessages`` was not run (or not committed)."""
    with MO.open("rb") as handle:
        compiled = dict(gettext.GNUTranslations(handle)._catalog)  # type: ignore[attr-defined]
    compiled.pop("", None)  # the header
    expected: dict[object, str] = {}
    for entry in entries:
        key = f"{entry.context}\x04{entry.msgid}" if entry.context is not None else entry.msgid
        if entry.plural is None:
            expected[key] = entry.strings[0]
        else:
            for index, text in entry.strings.items():
                expected[(key, index)] = text
    assert compiled == expected


def test_parser_reads_what_msgfmt_reads():
    text = (
        'msgid ""\nmsgstr ""\n"Language: en\\n"\n\n'
        '#, fuzzy, python-format\nmsgctxt "c"\nmsgid "a \\"b\\"\\n"\n"c"\nmsgstr "x"\n\n'
        'msgid "one"\nmsgid_plural "many"\nmsgstr[0] "1"\nmsgstr[1] ""\n\n'
        '#~ msgid "old"\n#~ msgstr "lama"\n'
    )
    header, quoted, plural, old = parse_po(text)
    assert header.strings == {0: "Language: en\n"}
    assert (quoted.context, quoted.msgid, quoted.strings) == ("c", 'a "b"\nc', {0: "x"})
    assert "fuzzy" in quoted.flags
    assert (plural.plural, plural.strings) == ("many", {0: "1", 1: ""})
    assert old.obsolete
