"""Check a writer's image upload by its content and store it as a clean Wagtail image.

The file name and the browser's content type are ignored: Pillow reads the header, the
pixel count is checked before any pixel is decoded (decompression bombs), and the image is
re-encoded so that metadata (EXIF GPS positions) and anything appended to the file is dropped.
"""

from __future__ import annotations

import io
import secrets
import warnings
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from PIL import ImageOps

ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}


@dataclass(frozen=True)
class CleanImage:
    """A validated, re-encoded image ready to become a Wagtail image."""

    content: bytes
    extension: str
    width: int
    height: int


def _size_of(upload: Any) -> int:
    size = getattr(upload, "size", None)
    if size is None:
        position = upload.tell()
        upload.seek(0, io.SEEK_END)
        size = upload.tell()
        upload.seek(position)
    return int(size)


def validate_image_upload(upload: Any) -> CleanImage:
    """Return the re-encoded image, or raise ValidationError with an Indonesian message."""
    max_bytes = settings.WARTA_MAX_IMAGE_BYTES
    max_pixels = settings.WARTA_MAX_IMAGE_PIXELS
    if _size_of(upload) > max_bytes:
        raise ValidationError(
            _("Ukuran berkas gambar terlalu besar; maksimal %(mb).1f MB.")
            % {"mb": max_bytes / 1024 / 1024},
            code="too_large",
        )
    upload.seek(0)
    not_an_image = ValidationError(
        _("Berkas ini bukan gambar yang bisa dibaca. Unggah JPEG, PNG, WebP, atau GIF."),
        code="not_image",
    )
    too_many_pixels = ValidationError(
        _("Dimensi gambar terlalu besar; maksimal %(mp)d megapiksel.")
        % {"mp": max_pixels // 1_000_000},
        code="too_many_pixels",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error", PILImage.DecompressionBombWarning)
        try:
            image = PILImage.open(upload)  # reads the header only
        except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning):
            raise too_many_pixels from None
        except Exception:  # Pillow raises many types for junk input
            raise not_an_image from None
        if image.format not in ALLOWED_FORMATS:
            raise not_an_image
        original_format = image.format
        width, height = image.size
        if width < 1 or height < 1:
            raise not_an_image
        if width * height > max_pixels:
            raise too_many_pixels
        try:
            image.load()
            image = ImageOps.exif_transpose(image) or image
        except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning):
            raise too_many_pixels from None
        except Exception:
            raise not_an_image from None
    return _reencode(image, ALLOWED_FORMATS[original_format])


def _reencode(image: PILImage.Image, extension: str) -> CleanImage:
    out = io.BytesIO()
    if extension == "jpg":
        if image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        image.save(out, format="JPEG", quality=88, optimize=True)
    elif extension == "png":
        image.save(out, format="PNG", optimize=True)
    elif extension == "webp":
        image.save(out, format="WEBP", quality=88)
    else:
        image.save(out, format="GIF")
    return CleanImage(out.getvalue(), extension, image.width, image.height)


def store_image(clean: CleanImage, *, uploaded_by: Any) -> Any:
    """Create and return a Wagtail image from a validated upload.

    The file name is random and the title neutral: a draft's headline is private until
    it is submitted, and a name derived from it would be a guessable public media URL.
    """
    from wagtail.images import get_image_model

    image_model = get_image_model()
    name = f"kiriman-{secrets.token_hex(8)}.{clean.extension}"
    image = image_model(
        title=str(_("Gambar kiriman penulis")),
        uploaded_by_user=uploaded_by,
        width=clean.width,
        height=clean.height,
    )
    image.file = ImageFile(io.BytesIO(clean.content), name=name)
    image.file_size = len(clean.content)
    image.save()
    return image
