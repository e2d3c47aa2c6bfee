"""One module per music id, each with a `piece()` that returns the score as an `arrange.Piece`.

`PIECES` lists them in the order the build renders them; the ids are the ones docs/STORY-OUTLINE.md names.
"""
