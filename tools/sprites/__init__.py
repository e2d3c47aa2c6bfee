"""Layered character sprites for the visual novel, drawn by code.

Why it exists: 19 characters times 5 expressions is 95 pictures. Drawing each by hand would make them
drift apart; instead every sprite is composed from shared layers (body, clothes, head, hair, face,
accessories), so a new expression is one small face description and a new character is one table entry.
`tools/build_sprites.py` writes the results to `assets/sprites/WHO/EXPRESSION.svg`.
"""
