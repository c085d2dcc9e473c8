from datetime import datetime

from django import template

from warta.apps.core.dates import format_date_long, format_wib, to_jakarta

register = template.Library()


@register.filter
def wib(value: datetime | None) -> str:
    """Format an aware datetime as ``17 Des 2025, 07:59 WIB``."""
    return format_wib(value) if value else ""


@register.filter
def tanggal(value: datetime | None) -> str:
    """Format an aware datetime as ``17 Desember 2025``."""
    return format_date_long(value) if value else ""


@register.filter
def iso_jakarta(value: datetime | None) -> str:
    """Format an aware datetime as ISO 8601 with the +07:00 offset."""
    return to_jakarta(value).isoformat(timespec="seconds") if value else ""
