"""Draw the app icons and the publisher logo with Pillow.

The PNGs are committed under ``static/distribution/``; run this module again
(``python -m warta.apps.distribution.artwork``) after changing the design. The
mark is drawn from lines, not a font, so every machine draws the same pixels.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

BRAND_RED = (0xB3, 0x12, 0x1F)
WHITE = (255, 255, 255)
STATIC_DIR = Path(__file__).resolve().parent / "static" / "distribution"
# A "W" as a polyline on a unit square.
W_POINTS = ((0.14, 0.22), (0.32, 0.78), (0.5, 0.38), (0.68, 0.78), (0.86, 0.22))
# Maskable icons may be cropped to a circle of 80 % of the width; keep the mark inside.
MASKABLE_SAFE_ZONE = 0.56
ANY_MARK_ZONE = 0.62
ICON_SIZES = (192, 512)
APPLE_TOUCH_SIZE = 180
LOGO_SIZE = (600, 60)


def draw_mark(draw: ImageDraw.ImageDraw, left: float, top: float, size: float) -> None:
    """Draw the white "W" mark inside the square at (left, top) of side ``size``."""
    points = [(left + x * size, top + y * size) for x, y in W_POINTS]
    draw.line(points, fill=WHITE, width=max(2, round(size * 0.13)), joint="curve")


def draw_icon(size: int, *, maskable: bool) -> Image.Image:
    """Return a square app icon; maskable ones are full-bleed with the mark in the safe zone."""
    scale = 4  # draw large, then downsample, for smooth edges
    big = size * scale
    if maskable:
        image = Image.new("RGB", (big, big), BRAND_RED)
        zone = MASKABLE_SAFE_ZONE
    else:
        image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
        ImageDraw.Draw(image).rounded_rectangle(
            (0, 0, big - 1, big - 1), radius=big * 0.22, fill=BRAND_RED
        )
        zone = ANY_MARK_ZONE
    mark = big * zone
    draw_mark(ImageDraw.Draw(image), (big - mark) / 2, (big - mark) / 2, mark)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def draw_logo(name: str = "WARTA") -> Image.Image:
    """Return the 600x60 publisher logo used in NewsArticle structured data."""
    width, height = LOGO_SIZE
    image = Image.new("RGB", (width, height), WHITE)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, height - 1, height - 1), fill=BRAND_RED)
    draw_mark(draw, height * 0.12, height * 0.12, height * 0.76)
    font = ImageFont.load_default(size=40)
    draw.text((height + 14, height / 2), name, fill=BRAND_RED, font=font, anchor="lm")
    return image


def write_all(directory: Path = STATIC_DIR) -> list[Path]:
    """Write every icon and the logo into ``directory`` and return their paths."""
    icons = directory / "icons"
    icons.mkdir(parents=True, exist_ok=True)
    written = []
    for size in ICON_SIZES:
        for maskable in (False, True):
            path = icons / f"{'maskable' if maskable else 'icon'}-{size}.png"
            draw_icon(size, maskable=maskable).save(path, optimize=True)
            written.append(path)
    apple = icons / "apple-touch-icon.png"
    draw_icon(APPLE_TOUCH_SIZE, maskable=True).save(apple, optimize=True)
    logo = directory / "logo.png"
    draw_logo().save(logo, optimize=True)
    return [*written, apple, logo]


if __name__ == "__main__":
    for written_path in write_all():
        print(written_path)
