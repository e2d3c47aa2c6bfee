"""Every expression as a small face description.

Why it exists: the four shared expressions and each character's own one are data, not drawing code.
Adding an expression means adding one `Face` here (eyes, brows, mouth, blush, marks); `faces` draws it
the same way on every head.
"""

from __future__ import annotations

from .faces import Brow, Eyes, Face

SHARED = ("neutral", "happy", "sad", "surprised")

EXPRESSIONS: dict[str, Face] = {
    # -- everyone ---------------------------------------------------------------------------------
    "neutral": Face(eyes=Eyes(lid=0.12), mouth="calm"),
    "happy": Face(
        eyes=Eyes(shape="smile"),
        brow=Brow(inner=-4, outer=-3, arch=2),
        mouth="open_smile",
        blush=0.38,
    ),
    "sad": Face(
        eyes=Eyes(lid=0.3, tilt=0.45, look=(0, 3)),
        brow=Brow(inner=-9, outer=4, arch=-3),
        mouth="wobble",
        blush=0.22,
        extras=("welling",),
    ),
    "surprised": Face(
        eyes=Eyes(lid=0.0, size=1.14, iris=0.78),
        brow=Brow(inner=-12, outer=-9, arch=5),
        mouth="o",
        blush=0.2,
    ),
    # -- one of their own each --------------------------------------------------------------------
    "shy": Face(
        eyes=Eyes(lid=0.32, tilt=0.15, look=(-4, 4)),
        brow=Brow(inner=-6, outer=1, arch=0),
        mouth="shy_smile",
        mouth_x=-3,
        blush=0.75,
        extras=("blush_lines",),
    ),
    "grin": Face(
        eyes=Eyes(lid=0.08, lower=0.3),
        brow=Brow(inner=-3, outer=-2, arch=2),
        right_brow=Brow(inner=-8, outer=-11, arch=4),
        mouth="grin",
        blush=0.3,
        extras=("sparkles",),
    ),
    "dramatic": Face(
        eyes=Eyes(shape="squeeze"),
        brow=Brow(inner=-14, outer=2, arch=-2),
        mouth="wail",
        blush=0.3,
        extras=("drama", "tears"),
    ),
    "dreamy": Face(
        eyes=Eyes(lid=0.42, look=(3, -3)),
        brow=Brow(inner=-6, outer=-3, arch=2),
        mouth="small_smile",
        mouth_x=2,
        blush=0.45,
        extras=("hearts",),
    ),
    "thoughtful": Face(
        eyes=Eyes(lid=0.18, look=(5, -6)),
        brow=Brow(inner=2, outer=1, arch=0),
        right_brow=Brow(inner=-7, outer=-5, arch=3),
        mouth="pout",
        extras=("dots",),
    ),
    "soft": Face(
        eyes=Eyes(shape="soft"),
        brow=Brow(inner=-7, outer=-1, arch=1),
        mouth="small_smile",
        blush=0.5,
    ),
    "smirk": Face(
        eyes=Eyes(lid=0.32, lower=0.12, look=(3, 0)),
        right_eye=Eyes(lid=0.42, lower=0.16, look=(3, 0)),
        brow=Brow(inner=2, outer=2, arch=0),
        right_brow=Brow(inner=-6, outer=-9, arch=4),
        mouth="smirk",
    ),
    "determined": Face(
        eyes=Eyes(lid=0.22, tilt=-0.3),
        brow=Brow(inner=7, outer=-3, arch=-1),
        mouth="pressed",
        blush=0.22,
        extras=("glint",),
    ),
    "deadpan": Face(
        eyes=Eyes(lid=0.5),
        brow=Brow(inner=1, outer=1, arch=-5),
        mouth="flat",
        blush=0.1,
    ),
    "distant": Face(
        eyes=Eyes(lid=0.38, look=(6, 1)),
        brow=Brow(inner=1, outer=2, arch=-3),
        mouth="flat",
        mouth_x=2,
        blush=0.1,
    ),
    "stern": Face(
        eyes=Eyes(lid=0.26, tilt=-0.25),
        brow=Brow(inner=6, outer=-1, arch=-2),
        mouth="pressed",
        blush=0.12,
    ),
    "warm": Face(
        eyes=Eyes(lid=0.14, lower=0.3),
        brow=Brow(inner=-6, outer=-1, arch=2),
        mouth="warm",
        blush=0.4,
    ),
    "smug": Face(
        eyes=Eyes(lid=0.45, lower=0.1, look=(-2, 0)),
        brow=Brow(inner=3, outer=2, arch=-1),
        right_brow=Brow(inner=-7, outer=-10, arch=4),
        mouth="smug",
        blush=0.15,
    ),
    "bluster": Face(
        eyes=Eyes(lid=0.05, tilt=-0.35, size=1.06, iris=0.85),
        brow=Brow(inner=10, outer=-6, arch=-2),
        mouth="shout",
        blush=0.7,
        extras=("anger", "steam"),
    ),
    "proud": Face(
        eyes=Eyes(shape="smile"),
        brow=Brow(inner=-5, outer=-4, arch=3),
        mouth="warm",
        blush=0.35,
        extras=("sparkles",),
    ),
    "cold": Face(
        eyes=Eyes(lid=0.46, look=(-5, 0)),
        brow=Brow(inner=4, outer=0, arch=-4),
        mouth="flat",
        blush=0.05,
    ),
    "sneer": Face(
        eyes=Eyes(lid=0.34, tilt=-0.2, look=(2, 0)),
        brow=Brow(inner=6, outer=0, arch=-1),
        right_brow=Brow(inner=-2, outer=-8, arch=3),
        mouth="sneer",
        mouth_x=-2,
        blush=0.12,
        extras=("nose_wrinkle",),
    ),
    "hopeful": Face(
        eyes=Eyes(lid=0.0, size=1.06, look=(0, -3)),
        brow=Brow(inner=-9, outer=-2, arch=2),
        mouth="hopeful",
        blush=0.42,
        extras=("sparkles",),
    ),
    "cool": Face(
        eyes=Eyes(lid=0.4, look=(4, 0)),
        right_eye=Eyes(lid=0.46, look=(4, 0)),
        brow=Brow(inner=1, outer=0, arch=-1),
        right_brow=Brow(inner=-5, outer=-7, arch=3),
        mouth="smirk",
        blush=0.2,
        extras=("note",),
    ),
}


# The own expressions of the people who joined the cast later share a face already described: a look is a look,
# whoever wears it (a dad's kindness and a mum's warmth, a rugby mate's sheepishness and Charlie's shyness).
EXPRESSIONS.update(
    {
        "kind": EXPRESSIONS["warm"],
        "encouraging": EXPRESSIONS["proud"],
        "cheeky": EXPRESSIONS["grin"],
        "sheepish": EXPRESSIONS["shy"],
        "easy": EXPRESSIONS["cool"],
        "earnest": EXPRESSIONS["hopeful"],
        "bright": EXPRESSIONS["dreamy"],
        "wry": EXPRESSIONS["smirk"],
    }
)


def face_for(name: str) -> Face:
    """The face for an expression name, with a clear error for a name nobody described."""
    try:
        return EXPRESSIONS[name]
    except KeyError:
        known = ", ".join(sorted(EXPRESSIONS))
        raise KeyError(f"no face described for expression {name!r} (known: {known})") from None
