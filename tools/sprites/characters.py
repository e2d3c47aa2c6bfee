"""The cast table: one entry per character with a sprite.

Why it exists: a character is a choice of parts and colours (build, skin, hair style and colour, eye
colour, outfit and its colours, accessories) plus the name of their own fifth expression. Adding a
character means adding one entry here. The `who` ids and own expressions match the sprite table in
docs/STORY-OUTLINE.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .body import Build
from .expressions import SHARED


@dataclass(frozen=True)
class Character:
    who: str
    own: str  # the character's own expression, beyond the shared four
    build: Build
    skin: str
    hair: str
    hair_style: str
    iris: str
    outfit: str
    colours: dict[str, str] = field(default_factory=dict)
    accessories: tuple[str, ...] = ()
    lashes: bool = False
    nose: str = "soft"
    brow: str | None = None
    brow_width: float = 5.5

    @property
    def expressions(self) -> tuple[str, ...]:
        return (*SHARED, self.own)


# Truham's uniform, shared by the boys who wear it
TRUHAM = {"main": "#353c5a", "tie": "#2c3356", "stripe": "#8fb4e3", "crest": "#e9c46a"}

CAST: tuple[Character, ...] = (
    Character(
        "charlie",
        "shy",
        Build(eye_y=252, shoulders=124, neck=19, face=74),
        skin="#fbe2d2",
        hair="#3b302f",
        hair_style="charlie_messy",
        iris="#6f93bd",
        outfit="jumper_uniform",
        colours={"main": "#8fb6e6", "tie": "#2c3356", "stripe": "#8fb4e3"},
    ),
    Character(
        "nick",
        "grin",
        Build(eye_y=220, shoulders=160, neck=25, face=78, jaw=4),
        skin="#f7d8bf",
        hair="#c9a163",
        hair_style="nick_swept",
        iris="#7a5a3e",
        outfit="rugby",
        colours={"main": "#f4cf52", "stripe": "#34406a"},
        brow_width=6.0,
    ),
    Character(
        "tao",
        "dramatic",
        Build(eye_y=240, shoulders=132, neck=21),
        skin="#f3d4b5",
        hair="#221c26",
        hair_style="tao_fringe",
        iris="#4d3629",
        outfit="retro_shirt",
        colours={"main": "#e8735f", "pattern": "#fde6bf", "dot": "#4fa3a0"},
        brow="#221c26",
    ),
    Character(
        "elle",
        "dreamy",
        Build(eye_y=238, shoulders=120, neck=19, face=73),
        skin="#a06a4a",
        hair="#3a2622",
        hair_style="elle_long",
        iris="#4a2f24",
        outfit="dungarees",
        colours={"main": "#bda6e8", "inner": "#fbf5ea", "stripe": "#9a7ad6", "clip": "#8d5fd3"},
        accessories=("clip",),
        lashes=True,
        brow_width=4.6,
    ),
    Character(
        "isaac",
        "thoughtful",
        Build(eye_y=242, shoulders=130, neck=20),
        skin="#fbe3d0",
        hair="#7b5437",
        hair_style="isaac_tidy",
        iris="#6b7f4b",
        outfit="cardigan_uniform",
        colours={"main": "#93b57e", "tie": "#2c3356", "stripe": "#8fb4e3", "book": "#c46a52"},
        accessories=("glasses", "book"),
    ),
    Character(
        "tara",
        "soft",
        Build(eye_y=250, shoulders=120, neck=19, face=73),
        skin="#8c5b3f",
        hair="#2a1d1f",
        hair_style="tara_curls",
        iris="#3e2a20",
        outfit="jumper",
        colours={"main": "#f4a9c2", "motif": "#fbe3ec"},
        accessories=("hoops",),
        lashes=True,
        brow_width=4.6,
    ),
    Character(
        "darcy",
        "smirk",
        Build(eye_y=244, shoulders=126, neck=20, face=74),
        skin="#fbe0cd",
        hair="#4a3631",
        hair_style="darcy_swept",
        iris="#5b6f8c",
        outfit="leather",
        colours={"main": "#3f3744", "inner": "#a47ad6"},
        lashes=True,
        brow_width=5.0,
    ),
    Character(
        "imogen",
        "determined",
        Build(eye_y=236, shoulders=120, neck=19, face=73),
        skin="#fde4d2",
        hair="#b5663d",
        hair_style="imogen_waves",
        iris="#5f7d5a",
        outfit="peter_pan",
        colours={"main": "#f5a25a", "collar": "#fbf6ee"},
        lashes=True,
        brow_width=4.6,
    ),
    Character(
        "tori",
        "deadpan",
        Build(eye_y=230, shoulders=122, neck=19, face=73),
        skin="#fbe4d6",
        hair="#2e2428",
        hair_style="tori_straight",
        iris="#6483ad",
        outfit="jumper",
        colours={"main": "#a8a6b0", "collar": "#f7f5f2"},
        lashes=True,
        brow_width=4.8,
    ),
    Character(
        "stephane",
        "distant",
        Build(eye_y=206, shoulders=150, neck=24, face=77, jaw=8),
        skin="#f1d1b7",
        hair="#6e6058",
        hair_style="stephane_back",
        iris="#6a7a88",
        outfit="coat",
        colours={"main": "#b8936f", "inner": "#384159"},
        accessories=("stubble",),
        nose="long",
        brow_width=6.0,
    ),
    Character(
        "jane",
        "stern",
        Build(eye_y=216, shoulders=126, neck=20, face=74, jaw=6),
        skin="#fbe0ce",
        hair="#5a4034",
        hair_style="jane_bob",
        iris="#6f8db2",
        outfit="open_cardigan",
        colours={"main": "#4f5f8c", "inner": "#f7efe0", "pendant": "#e4c26a"},
        lashes=True,
        brow_width=4.8,
    ),
    Character(
        "sarah",
        "warm",
        Build(eye_y=214, shoulders=128, neck=20, face=74, jaw=6),
        skin="#fbdfcb",
        hair="#dcb66e",
        hair_style="sarah_waves",
        iris="#6f5440",
        outfit="jumper",
        colours={"main": "#efe4d4", "scarf": "#f3c94c"},
        accessories=("scarf",),
        lashes=True,
        brow_width=4.8,
        brow="#a8814a",
    ),
    Character(
        "david",
        "smug",
        Build(eye_y=210, shoulders=154, neck=24, face=78, jaw=6),
        skin="#f6d7bf",
        hair="#7a5638",
        hair_style="david_tousled",
        iris="#6f5440",
        outfit="hoodie",
        colours={"main": "#8e3d4e", "crest": "#f0d68a"},
        brow_width=6.0,
    ),
    Character(
        "farouk",
        "bluster",
        Build(eye_y=208, shoulders=148, neck=24, face=78, jaw=8),
        skin="#d6a27c",
        hair="#2e2426",
        hair_style="farouk_combed",
        iris="#3e2a22",
        outfit="tweed",
        colours={"main": "#9c7b57", "shirt": "#e6eef7", "tie": "#7c3140"},
        accessories=("moustache",),
        nose="long",
        brow_width=6.5,
    ),
    Character(
        "ajayi",
        "proud",
        Build(eye_y=204, shoulders=150, neck=24, face=78, jaw=8),
        skin="#70452f",
        hair="#1d1618",
        hair_style="ajayi_crop",
        iris="#3a2518",
        outfit="art_shirt",
        colours={"main": "#4f9e6c", "inner": "#70452f", "paint": "#f6a3c0,#f3cf55,#6fa2d8,#f08a5d"},
        accessories=("beard",),
        brow_width=6.0,
    ),
    Character(
        "ben",
        "cold",
        Build(eye_y=232, shoulders=134, neck=21),
        skin="#fbe3d2",
        hair="#4b3a30",
        hair_style="ben_parted",
        iris="#8496a4",
        outfit="blazer",
        colours=dict(TRUHAM),
    ),
    Character(
        "harry",
        "sneer",
        Build(eye_y=230, shoulders=142, neck=22, face=77),
        skin="#f8dac7",
        hair="#d9c086",
        hair_style="harry_spikes",
        iris="#6f8fa8",
        outfit="blazer",
        colours={**TRUHAM, "loose": "34"},
        brow="#a88a4e",
    ),
    Character(
        "james",
        "hopeful",
        Build(eye_y=238, shoulders=130, neck=20),
        skin="#fbe0cc",
        hair="#8a5a3a",
        hair_style="james_curls",
        iris="#5f7a4a",
        outfit="blazer",
        colours={**TRUHAM, "jumper": "#f39a4c", "pin": "rainbow"},
    ),
    Character(
        "sahar",
        "cool",
        Build(eye_y=240, shoulders=120, neck=19, face=73),
        skin="#c48e68",
        hair="#4bb0a6",
        hair_style="hijab",
        iris="#3e2a20",
        outfit="guitar_top",
        colours={"main": "#f3e6cf", "strap": "#5a3d34", "accent": "#4bb0a6"},
        accessories=("guitar",),
        lashes=True,
        brow="#2e2024",
        brow_width=4.6,
    ),
)

BY_WHO: dict[str, Character] = {c.who: c for c in CAST}
