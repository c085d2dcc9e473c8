"""The engine's Indonesian reasons are shown in the reader's language."""

from django.utils import translation

from warta.apps.recommendations.reasons import TRANSLATED, translate_reason
from warta.engines.foryou import reasons


def test_every_engine_reason_is_marked_for_translation():
    assert set(TRANSLATED) == set(reasons.TEMPLATES)


def test_reasons_in_english():
    with translation.override("en"):
        assert translate_reason(reasons.because_topic("Banjir")) == "Because you read about Banjir"
        assert translate_reason(reasons.POPULAR) == "Popular now"
        assert translate_reason(reasons.also_about("Pilkada")) == "Also about Pilkada"


def test_reasons_stay_indonesian_by_default():
    assert translate_reason(reasons.because_topic("Banjir")) == "Karena Anda membaca tentang Banjir"
    assert translate_reason(reasons.EXPLORE.format(subject="x")) == "Coba yang lain: x"
