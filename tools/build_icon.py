"""Write the game's icon, assets/icons/heartstopper.svg, drawn in the backgrounds' hand.

Why it exists: standalone builds (tools/build_standalone.py) give the program the icon the manifest names
(`icon: heartstopper`). Like every picture in the game it is drawn by code: two hearts leaning together, Charlie's
blue and Nick's yellow, with a few falling leaves, on a warm square. Run after changing the drawing:

    python tools/build_icon.py            # write the icon
    python tools/build_icon.py --check    # exit 1 if the committed file is out of date
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
ROOT = TOOLS.parent
OUT = ROOT / "assets" / "icons" / "heartstopper.svg"
if str(TOOLS) not in sys.path:
    sys.path.insert(0, str(TOOLS))

from backgrounds import palette as p  # noqa: E402  (tools/ is put on the path just above)
from backgrounds.nature import leaf  # noqa: E402
from backgrounds.svg import Canvas, num  # noqa: E402
from build_backgrounds import write_atomic  # noqa: E402

SIZE = 256
CHARLIE = "#7fb8e8"
NICK = "#f4c542"


def heart_d(cx: float, cy: float, size: float, angle: float) -> str:
    """Path data for a heart of width `size` centred on (cx, cy), tilted by `angle` degrees."""
    # The heart's outline in units of its width, from the bottom point round the right lobe and back.
    curves = [
        ((0.1, 0.2), (0.5, 0.0), (0.5, -0.25)),
        ((0.5, -0.5), (0.2, -0.6), (0.0, -0.35)),
        ((-0.2, -0.6), (-0.5, -0.5), (-0.5, -0.25)),
        ((-0.5, 0.0), (-0.1, 0.2), (0.0, 0.32)),
    ]
    turn = math.radians(angle)

    def point(x: float, y: float) -> str:
        rx = x * math.cos(turn) - y * math.sin(turn)
        ry = x * math.sin(turn) + y * math.cos(turn)
        return f"{num(cx + rx * size)} {num(cy + ry * size)}"

    body = "".join("C" + " ".join(point(*xy) for xy in curve) for curve in curves)
    return f"M{point(0.0, 0.32)}{body}Z"


def draw() -> str:
    c = Canvas("icon", SIZE, SIZE)
    sky = c.linear(0, 0, 0, SIZE, [(0, p.BLUE_PALE), (0.55, p.CREAM), (1, p.PEACH)])
    c.el("rect", x=10, y=10, width=236, height=236, rx=44, fill=sky, stroke_width=6.0)
    glow = c.radial(128, 132, 110, [(0, p.WHITE, 0.8), (1, p.WHITE, 0)])
    c.el("circle", cx=128, cy=132, r=110, fill=glow, stroke="none")
    for x, y, size, angle, colour in (
        (58, 58, 15, -30, p.ORANGE),
        (200, 70, 12, 40, p.MUSTARD),
        (196, 204, 14, 150, p.RUST),
        (52, 196, 11, 200, p.YELLOW),
    ):
        with c.group(stroke_width=3.0):
            leaf(c, x, y, size, angle, colour)
    c.el("path", d=heart_d(104, 140, 112, -14), fill=CHARLIE, stroke_width=6.0)
    c.el("path", d=heart_d(152, 136, 112, 14), fill=NICK, fill_opacity=0.92, stroke_width=6.0)
    shine = heart_d(96, 112, 22, -30)
    c.el("path", d=shine, fill=p.WHITE, fill_opacity=0.7, stroke="none")
    return c.to_svg()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed icon is out of date")
    args = parser.parse_args(argv)
    text = draw()
    if args.check:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            print(f"{OUT.relative_to(ROOT)} is out of date; run python tools/build_icon.py", file=sys.stderr)
            return 1
        return 0
    OUT.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(OUT, text)
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
