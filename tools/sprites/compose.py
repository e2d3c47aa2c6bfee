"""Compose one character in one expression into an SVG document.

Why it exists: the painting order of the layers is decided once, here: hair behind the head, neck,
clothes, hair lying over the shoulders, ears, face, fringe, the expression, then things worn on the face
and things held. Only the face layer changes between a character's expressions.
"""

from __future__ import annotations

from dataclasses import replace

from .accessories import ACCESSORIES
from .body import Body
from .characters import Character, Look
from .clothes import OUTFITS
from .expressions import face_for
from .faces import Features, draw_face
from .formal import raised_hand
from .hair import HAIRSTYLES
from .head import draw_ears, draw_face_skin, draw_nose
from .palette import darker
from .svg import Sprite


def compose(character: Character, expression: str, look: Look | None = None) -> str:
    """The finished SVG text of `character` showing `expression` (in `look`, else their default clothes)."""
    if look is not None:
        character = replace(character, outfit=look.outfit, colours={**character.colours, **look.colours})
    face = face_for(expression)
    body = Body(character.build)
    style = HAIRSTYLES[character.hair_style]
    sprite = Sprite()
    head = f"translate({body.cx:g} {body.eye_y:g})"

    def accessories(layer: str) -> None:
        for name in character.accessories:
            acc = ACCESSORIES[name]
            if acc.layer == layer:
                if acc.space == "head":
                    with sprite.group(transform=head):
                        acc.draw(sprite, character, body)
                else:
                    acc.draw(sprite, character, body)

    with sprite.group(id="figure"):
        accessories("behind")
        if style.back:
            with sprite.group(transform=head):
                style.back(sprite, character.hair, character.build)
        from .body import draw_neck

        draw_neck(sprite, body, character.skin)
        OUTFITS[character.outfit](sprite, body, character)
        accessories("body")
        if style.mid:
            with sprite.group(transform=head):
                style.mid(sprite, character.hair, character.build)
        accessories("under_head")
        with sprite.group(transform=head):
            if style.ears:
                draw_ears(sprite, character.build, character.skin)
            draw_face_skin(sprite, character.build, character.skin)
            draw_nose(sprite, character.skin, character.nose)
        accessories("skin")
        if style.front:
            with sprite.group(transform=head):
                style.front(sprite, character.hair, character.build)
        accessories("hair")
        if look is not None and look.pose == "wave":
            sleeve = character.skin if look.outfit == "dress" else character.colours.get("main", character.skin)
            raised_hand(sprite, body, character, sleeve)
    feats = Features(
        iris=character.iris,
        brow=character.brow or darker(character.hair, 0.35),
        skin=character.skin,
        lashes=character.lashes,
        brow_width=character.brow_width,
    )
    with sprite.group(id="face", transform=head):
        draw_face(sprite, face, feats)
    with sprite.group(id="worn"):
        accessories("face")
        accessories("held")
    return sprite.to_svg()
