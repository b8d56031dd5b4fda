"""Demo photos drawn with Pillow: a landscape or a stage scene in a given palette."""

import io
import random

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

PALETTES = [
    ((250, 208, 140), (196, 73, 48), (46, 94, 58)),
    ((173, 216, 230), (30, 90, 160), (60, 120, 70)),
    ((255, 228, 196), (150, 40, 60), (90, 60, 40)),
    ((220, 235, 200), (80, 140, 60), (30, 70, 50)),
    ((240, 200, 220), (120, 50, 120), (50, 40, 90)),
    ((200, 220, 250), (200, 120, 30), (40, 60, 110)),
]


def demo_photo(seed: int, width: int = 1600, height: int = 1067) -> ContentFile:
    rng = random.Random(seed)
    sky, accent, ground = PALETTES[seed % len(PALETTES)]
    image = Image.new("RGB", (width, height), sky)
    draw = ImageDraw.Draw(image)
    for y in range(height // 2):
        shade = tuple(int(c * (0.75 + 0.25 * y / (height / 2))) for c in sky)
        draw.line([(0, y), (width, y)], fill=shade)
    sun_x = rng.randint(width // 6, width * 5 // 6)
    draw.ellipse([sun_x - 90, 120, sun_x + 90, 300], fill=(255, 236, 150))
    for layer in range(3):
        base = height // 2 + layer * 90
        points = [(0, height)]
        for x in range(0, width + 200, 200):
            points.append((x, base - rng.randint(0, 160)))
        points.append((width, height))
        tone = tuple(max(0, c - layer * 25) for c in ground)
        draw.polygon(points, fill=tone)
    if rng.random() < 0.5:
        # A stage with a red curtain and performers.
        draw.rectangle([width // 4, height // 3, width * 3 // 4, height * 3 // 4], fill=accent)
        draw.rectangle(
            [width // 4 + 40, height // 3 + 40, width * 3 // 4 - 40, height * 3 // 4],
            fill=(40, 30, 30),
        )
        for i in range(5):
            x = width // 4 + 120 + i * (width // 2 - 240) // 4
            draw.ellipse([x - 25, height // 2 - 20, x + 25, height // 2 + 30], fill=(240, 200, 170))
            draw.rectangle([x - 30, height // 2 + 30, x + 30, height * 3 // 4], fill=accent)
    else:
        # A cultural house with a flag.
        left, top = width // 3, height // 2 - 60
        draw.polygon(
            [(left - 40, top), (width // 2, top - 160), (width * 2 // 3 + 40, top)], fill=accent
        )
        draw.rectangle([left, top, width * 2 // 3, top + 260], fill=(245, 240, 225))
        for i in range(4):
            x = left + 40 + i * (width // 3 - 80) // 3
            draw.rectangle([x, top + 60, x + 50, top + 150], fill=(90, 70, 50))
        draw.line([(width // 2, top - 160), (width // 2, top - 320)], fill=(60, 60, 60), width=8)
        draw.rectangle([width // 2, top - 320, width // 2 + 120, top - 240], fill=(218, 37, 29))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return ContentFile(buffer.getvalue(), name=f"demo-{seed}.jpg")
