"""The reading beacon's input: two small integers and nothing else."""

from __future__ import annotations

from django import forms

BEACON_FIELDS = frozenset({"artikel", "kedalaman"})


class ReadingBeaconForm(forms.Form):
    artikel = forms.IntegerField(min_value=1, max_value=2**31 - 1)
    kedalaman = forms.IntegerField(min_value=0, max_value=100)
