"""Draw the demo pictures locally with Pillow: no stock photos, nothing downloaded."""

from __future__ import annotations

import hashlib
import io
import math
import random

from PIL import Image, ImageDraw

PALETTES: dict[str, tuple[str, str, str]] = {
    "blue": ("#0b3d91", "#3c7dd9", "#cfe3ff"),
    "red": ("#7a0c14", "#c62833", "#ffd5d0"),
    "green": ("#1f4d2b", "#3f8f4f", "#d9f2d0"),
    "teal": ("#0b4f55", "#1b9aa0", "#c9f1ef"),
    "amber": ("#7a4b00", "#e0a100", "#fff0c2"),
    "orange": ("#7a3300", "#e86a1a", "#ffe0c7"),
    "yellow": ("#6b5a00", "#e6c619", "#fff8c4"),
    "purple": ("#3d1a63", "#7d4cc2", "#eadcff"),
    "brown": ("#4a2c17", "#9a6434", "#f1e0cc"),
}


def draw_picture(seed: str, palette: str, motif: str, size: tuple[int, int] = (1600, 900)) -> bytes:
    """Return PNG bytes of an abstract picture; the same seed always draws the same image."""
    dark, mid, light = PALETTES.get(palette, PALETTES["blue"])
    rng = random.Random(int(hashlib.sha256(seed.encode()).hexdigest()[:12], 16))  # noqa: S311
    width, height = size
    image = Image.new("RGB", size, light)
    draw = ImageDraw.Draw(image)
    for band in range(8):  # soft vertical gradient
        top = band * height // 8
        draw.rectangle([0, top, width, top + height // 8], fill=_blend(light, mid, band / 14))
    if motif in {"waves", "lines", "stripes"}:
        for i in range(14):
            y0 = rng.randint(0, height)
            amp = rng.randint(10, 60)
            period = rng.randint(60, 200)
            phase = rng.random() * math.tau
            points = [
                (x, y0 + amp * math.sin(x / period + phase)) for x in range(0, width + 20, 20)
            ]
            draw.line(points, fill=dark if i % 3 == 0 else mid, width=rng.randint(4, 14))
    elif motif in {"grid", "circuit", "notes", "film"}:
        step = rng.choice([80, 100, 120])
        for x in range(0, width, step):
            for y in range(0, height, step):
                if rng.random() < 0.35:
                    draw.rectangle(
                        [x + 10, y + 10, x + step - 10, y + step - 10], outline=dark, width=5
                    )
                if rng.random() < 0.2:
                    draw.line([x, y, x + step, y], fill=mid, width=6)
    elif motif in {"mountains", "leaves", "batik", "bowl"}:
        for _ in range(9):
            cx = rng.randint(-200, width + 200)
            base = height - rng.randint(0, 200)
            peak = rng.randint(150, 600)
            draw.polygon(
                [(cx - 400, base), (cx, base - peak), (cx + 400, base)],
                fill=_blend(mid, dark, rng.random()),
            )
    else:  # dots, spotlight and anything unknown
        for _ in range(60):
            r = rng.randint(12, 120)
            x, y = rng.randint(0, width), rng.randint(0, height)
            draw.ellipse([x - r, y - r, x + r, y + r], fill=_blend(mid, dark, rng.random()))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _blend(a: str, b: str, t: float) -> tuple[int, int, int]:
    ca = [int(a[i : i + 2], 16) for i in (1, 3, 5)]
    cb = [int(b[i : i + 2], 16) for i in (1, 3, 5)]
    r, g, bl = (round(x + (y - x) * t) for x, y in zip(ca, cb, strict=True))
    return (r, g, bl)
