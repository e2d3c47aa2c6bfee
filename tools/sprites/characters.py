"""The cast table: one entry per character with a sprite, and their wardrobes.

Why it exists: a character is a choice of parts and colours (build, skin, hair style and colour, eye
colour, outfit and its colours, accessories) plus the name of their own fifth expression. Adding a
character means adding one entry here. The `who` ids and own expressions match the sprite table in
docs/STORY-OUTLINE.md. The outfit in the entry is what they wear by default (assets/sprites/WHO/default/);
`WARDROBES` adds named outfits (assets/sprites/WHO/OUTFIT/) and `POSES` a second pose, drawn in every outfit
(assets/sprites/WHO/POSE/ in the default clothes, WHO/OUTFIT_POSE/ in the others).
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


@dataclass(frozen=True)
class Look:
    """One outfit of a character's: which clothes, in which colours, and whether the hand is raised."""

    outfit: str
    colours: dict[str, str] = field(default_factory=dict)
    pose: str | None = None


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

# The people who speak and were drawn later: Charlie's dad and little brother, the coach, Nick's rugby mates, and
# Elle's friends from the art college.
CAST += (
    Character(
        "julio",
        "kind",
        Build(eye_y=212, shoulders=148, neck=23, face=77, jaw=7),
        skin="#e9c2a2",
        hair="#2f2624",
        hair_style="farouk_combed",
        iris="#4e3a2c",
        outfit="jumper",
        colours={"main": "#7d8a6a", "collar": "#e8eef5"},
        accessories=("glasses", "stubble"),
        brow_width=6.2,
    ),
    Character(
        "oliver",
        "cheeky",
        Build(eye_y=262, shoulders=104, neck=16, face=70),
        skin="#fbe2d2",
        hair="#3b302f",
        hair_style="james_curls",
        iris="#6f93bd",
        outfit="jumper",
        colours={"main": "#f3c94c", "motif": "#7fb8e8"},
    ),
    Character(
        "coach",
        "encouraging",
        Build(eye_y=206, shoulders=156, neck=25, face=78, jaw=8),
        skin="#b9805c",
        hair="#1d1618",
        hair_style="ajayi_crop",
        iris="#3a2518",
        outfit="hoodie",
        colours={"main": "#2f4d7a", "crest": "#f0d68a"},
        accessories=("beard",),
        brow_width=6.4,
    ),
    Character(
        "otis",
        "sheepish",
        Build(eye_y=224, shoulders=152, neck=24, face=77),
        skin="#f8d9c4",
        hair="#b5663d",
        hair_style="david_tousled",
        iris="#5f7a4a",
        outfit="rugby",
        colours={"main": "#34406a", "stripe": "#8fb4e3"},
        brow_width=6.0,
    ),
    Character(
        "sai",
        "easy",
        Build(eye_y=228, shoulders=146, neck=23, face=76),
        skin="#9a6648",
        hair="#1f1a1c",
        hair_style="tao_fringe",
        iris="#3a2518",
        outfit="hoodie",
        colours={"main": "#9aa3ad", "crest": "#34406a"},
        brow="#1f1a1c",
        brow_width=6.0,
    ),
    Character(
        "christian",
        "earnest",
        Build(eye_y=232, shoulders=144, neck=22, face=76),
        skin="#fbe3d2",
        hair="#e2c98f",
        hair_style="ben_parted",
        iris="#6f8fa8",
        outfit="rugby",
        colours={"main": "#2e7d5b", "stripe": "#f7f5f2"},
        brow="#b09558",
    ),
    Character(
        "naomi",
        "bright",
        Build(eye_y=240, shoulders=120, neck=19, face=73),
        skin="#7a4a33",
        hair="#24181a",
        hair_style="tara_curls",
        iris="#3e2a20",
        outfit="peter_pan",
        colours={"main": "#4fa3a0", "collar": "#fbf6ee"},
        lashes=True,
        brow_width=4.6,
    ),
    Character(
        "felix",
        "wry",
        Build(eye_y=236, shoulders=132, neck=21, face=75),
        skin="#f3d4b5",
        hair="#6f9be0",
        hair_style="harry_spikes",
        iris="#4d3629",
        outfit="art_shirt",
        colours={"main": "#e8b04f", "inner": "#f3d4b5", "paint": "#f6a3c0,#6fa2d8,#4fa3a0,#f08a5d"},
        brow="#3a2d2a",
    ),
)

BY_WHO: dict[str, Character] = {c.who: c for c in CAST}


# What the Higgs girls wear to school, and the suits and dresses of prom night
HIGGS = {"tie": "#2c2c3c", "stripe": "#e3b8c8"}
WARDROBES: dict[str, dict[str, Look]] = {
    "charlie": {
        "uniform": Look("jumper_uniform", {"main": "#8fb6e6", "tie": "#2c3356", "stripe": "#8fb4e3"}),
        "casual": Look("jumper", {"main": "#b9c9dc", "collar": "#f7f5f2"}),
        "prom": Look("suit", {"main": "#2d3550", "accent": "#7fb8e8", "flower": "#f6a3c0"}),
    },
    "nick": {
        "uniform": Look("blazer", dict(TRUHAM)),
        "casual": Look("jumper", {"main": "#6b8fb8", "collar": "#f7f5f2"}),
        "prom": Look("suit", {"main": "#24242c", "accent": "#f4c542", "neck": "tie", "flower": "#f4c542"}),
        "rugby": Look("rugby", {"main": "#f4cf52", "stripe": "#34406a"}),
    },
    "tao": {
        "uniform": Look("blazer", dict(TRUHAM)),
        "casual": Look("retro_shirt", {"main": "#e8735f", "pattern": "#fde6bf", "dot": "#4fa3a0"}),
        "prom": Look("suit", {"main": "#5a3a5e", "accent": "#f3cf55"}),
    },
    "elle": {
        "uniform": Look("jumper_uniform", {"main": "#7c3a4f", **HIGGS}),
        "casual": Look("dungarees", {"main": "#bda6e8", "inner": "#fbf5ea", "stripe": "#9a7ad6", "clip": "#8d5fd3"}),
        "prom": Look("dress", {"main": "#c9b3f0", "accent": "#8d5fd3", "clip": "#8d5fd3"}),
    },
    "tara": {
        "uniform": Look("jumper_uniform", {"main": "#7c3a4f", **HIGGS}),
        "casual": Look("jumper", {"main": "#f4a9c2", "motif": "#fbe3ec"}),
        "prom": Look("dress", {"main": "#e9c46a", "accent": "#f4a9c2", "pendant": "#fbe3ec"}),
    },
    "darcy": {
        "uniform": Look("jumper_uniform", {"main": "#7c3a4f", **HIGGS}),
        "casual": Look("leather", {"main": "#3f3744", "inner": "#a47ad6"}),
        "prom": Look("suit", {"main": "#4b3a6b", "accent": "#a47ad6", "neck": "tie", "shirt": "#1f1c24"}),
    },
}
POSES: dict[str, tuple[str, ...]] = {"charlie": ("wave",), "nick": ("wave",)}


def looks(character: Character) -> dict[str, Look]:
    """Every outfit folder of a character: `default`, the wardrobe, and each pose in each of them."""
    base = {"default": Look(character.outfit, dict(character.colours)), **WARDROBES.get(character.who, {})}
    out = dict(base)
    for pose in POSES.get(character.who, ()):
        for name, look in base.items():
            out[pose if name == "default" else f"{name}_{pose}"] = Look(look.outfit, look.colours, pose)
    return out
