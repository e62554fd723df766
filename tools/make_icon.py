"""Draw client_hub/static/description/icon.png, the addon's icon on the Apps page.

An address card with two people on a rounded square in Odoo's purple fading to teal.
Drawn with Pillow (an Odoo requirement) at 4x and scaled down for smooth edges:
    .venv/bin/python tools/make_icon.py
"""

import pathlib

from PIL import Image, ImageDraw

OUT = pathlib.Path(__file__).resolve().parent.parent / "client_hub/static/description"
SIZE, SCALE = 256, 4
PURPLE, TEAL = (113, 75, 103, 255), (1, 126, 132, 255)
WHITE, BINDER, LINES = (255, 255, 255, 255), (70, 55, 70, 255), (200, 190, 200, 255)


def box(*coords):
    """Coordinates on the 256 px grid, scaled to the drawing."""
    return [c * SCALE for c in coords]


def main():
    n = SIZE * SCALE
    gradient = Image.new("RGBA", (n, n))
    draw = ImageDraw.Draw(gradient)
    for y in range(n):
        t = y / (n - 1)
        draw.line(
            [(0, y), (n, y)],
            fill=tuple(
                round(a + (b - a) * t) for a, b in zip(PURPLE, TEAL, strict=True)
            ),
        )
    mask = Image.new("L", (n, n), 0)
    ImageDraw.Draw(mask).rounded_rectangle(
        box(0, 0, 255, 255), radius=48 * SCALE, fill=255
    )
    icon = Image.new("RGBA", (n, n), (0, 0, 0, 0))
    icon.paste(gradient, (0, 0), mask)

    draw = ImageDraw.Draw(icon)
    draw.rounded_rectangle(box(40, 62, 216, 194), radius=16 * SCALE, fill=WHITE)
    for y in (88, 128, 168):
        draw.rounded_rectangle(box(30, y - 5, 50, y + 5), radius=5 * SCALE, fill=BINDER)
    # The client behind, then the one in front, outlined to stand apart.
    draw.ellipse(box(120, 86, 150, 116), fill=TEAL)
    draw.pieslice(box(104, 120, 166, 182), 180, 360, fill=TEAL)
    outline = {"outline": WHITE, "width": 4 * SCALE}
    draw.ellipse(box(78, 94, 116, 132), fill=PURPLE, **outline)
    draw.pieslice(box(58, 136, 136, 214), 180, 360, fill=PURPLE, **outline)
    for y, width in ((100, 44), (124, 34), (148, 40)):
        draw.rounded_rectangle(
            box(160, y - 5, 160 + width, y + 5), radius=5 * SCALE, fill=LINES
        )
    icon.resize((SIZE, SIZE), Image.LANCZOS).save(OUT / "icon.png", optimize=True)


if __name__ == "__main__":
    main()
