import pytest


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Keep uploaded images and renditions out of the working tree."""
    settings.MEDIA_ROOT = tmp_path / "media"
