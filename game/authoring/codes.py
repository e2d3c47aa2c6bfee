"""The linter's codes: one stable number per kind of problem, with its severity and what it means.

Codes never change meaning and are never reused, so authors and CI configurations can rely on them
(`heartstopper lint --explain HS018`, `--ignore HS019`, `# lint-ignore: HS019` on a line). This table is the one
source for the explanations; docs/AUTHORING.md repeats it and a test keeps the two in step.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.asset_formats import files_phrase
from game.problems import Severity


@dataclass(frozen=True, slots=True)
class Code:
    code: str
    severity: Severity
    title: str  # a short name, as in the table of docs/AUTHORING.md
    explanation: str  # what fires it, why it matters, how to mend it


_TABLE = (
    Code(
        "HS000",
        "error",
        "the story does not load",
        "The loader refused the story: undeclared variables, unknown characters, scenes or endings, bad YAML and "
        "every other format rule. The message is the loader's own. Mend these first: the other checks need a "
        "story that loads.",
    ),
    Code(
        "HS001",
        "warning",
        "variable never read",
        "No condition, `if` beat or invariant reads this variable, so setting it changes nothing in the story. "
        "Use it in a condition, or remove it and its `set`/`add`s.",
    ),
    Code(
        "HS002",
        "warning",
        "variable never written",
        "No `set` or `add` anywhere changes this variable, so it always keeps its default and every condition on it "
        "always gives the same answer. Set it where the story decides it, or remove it.",
    ),
    Code(
        "HS003",
        "warning",
        "character never appears",
        "The character is declared in story.yaml but never speaks, thinks, sends a message, or is shown or hidden. "
        "Remove the declaration, or give them their scene.",
    ),
    Code(
        "HS004",
        "error",
        "shown character has no sprites",
        "A `show` names a character who has no sprite files at all (nothing in assets/sprites/WHO/), so the game can "
        "only draw a placeholder. Add the art, or remove the `show`.",
    ),
    Code(
        "HS005",
        "error",
        "no sprite for this expression",
        "A `show` or a line's `as:` names an expression the character has no file for "
        "(assets/sprites/WHO/EXPRESSION.svg or .png), or an outfit (its own, or its scene's or chapter's) the "
        "character has no folder for, or an expression missing in that outfit (assets/sprites/WHO/OUTFIT/). Check "
        "the spelling against the files there, or draw it. `show: nick` without `as` means `neutral`.",
    ),
    Code(
        "HS006",
        "warning",
        "`as:` for a character without sprites",
        "A line gives `as:` to a character who has no sprites at all, so it can never change anything on stage. "
        "Remove the `as:`.",
    ),
    Code(
        "HS007",
        "error",
        "unknown background",
        f"A scene's or beat's `background` has no file {files_phrase('background')}, nor, where a time or season "
        "is set, a variant such as ID.night.svg; the game would draw a placeholder. The message names the id as "
        "written and the variants that would be shown first. Check the id against docs/STORY-OUTLINE.md, or add "
        "the art.",
    ),
    Code(
        "HS008",
        "error",
        "unknown music",
        f"A `music` id has no file {files_phrase('music')}; the game would play silence. "
        "`none` stops the music and needs no file.",
    ),
    Code(
        "HS009",
        "error",
        "unknown sound",
        f"A `sound` id has no file {files_phrase('sound')}; nothing would be heard.",
    ),
    Code(
        "HS010",
        "warning",
        "asset never used",
        "A file in assets/backgrounds, music, sounds or sprites that no scene uses. The game itself uses the `title` "
        "background and `title` music (title screen) and everything in assets/ui; those are never reported. "
        "A character's sprites are one set: when a scene shows or voices a character (a speaker off stage appears "
        "as a side portrait), none of their expressions is reported; the sprites of a character nobody shows or "
        "hears are. Outfit folders other than `default` and background variants of a background in use are "
        "choices to pick from, never reported. Use the file, or delete it to keep the download small.",
    ),
    Code(
        "HS011",
        "warning",
        "scene nothing leads to",
        "No `goto`, `next` or choice in another scene names this scene, and it is not the start, so no player can "
        "ever see it. Link to it, or remove it.",
    ),
    Code(
        "HS012",
        "warning",
        "scene cannot be reached from the start",
        "Only scenes that themselves cannot be reached lead here, so following every `goto`, `next` and choice from "
        "the start never arrives. Link it into the story, or remove it with the scenes that lead to it.",
    ),
    Code(
        "HS013",
        "error",
        "ending never used",
        "An ending declared in story.yaml that no scene ends with (`ending: ID`). Every promised ending must be "
        "reachable: end a scene with it, or remove the declaration.",
    ),
    Code(
        "HS014",
        "warning",
        "beats after a goto",
        "A `goto` leaves the scene at once, so the beats after it in the same list never play. Move them before the "
        "`goto`, or into the scene it goes to.",
    ),
    Code(
        "HS015",
        "warning",
        "two choices with the same text",
        "Two choices of one menu have the same text, so the player cannot tell them apart (and a playthrough's "
        "`choose` cannot name one). Reword one of them.",
    ),
    Code(
        "HS016",
        "warning",
        "fallback never taken",
        "A fallback is only taken when no other choice can be, but this menu has a choice that is always available "
        "(no `if`, or one that always holds, and not `once`). Remove the fallback, or give that choice a condition.",
    ),
    Code(
        "HS017",
        "warning",
        "`once` in a scene visited only once",
        "No way through the story comes back to this scene, so its menu is only ever shown once and `once: true` "
        "changes nothing. Remove it (or build the loop you meant). Said once per menu, at its first `once`.",
    ),
    Code(
        "HS018",
        "warning",
        "condition never holds",
        "Given the variables' declared ranges and enum values (and what the scene has set or tested before it), "
        "this condition, or this part of one, can never be true: the choice is never offered, the `then` beats "
        "never play, or the part adds nothing. The message names the values the variables can have there.",
    ),
    Code(
        "HS019",
        "warning",
        "condition always holds",
        "Given the variables' declared ranges and enum values (and what the scene has set or tested before it), "
        "this condition, or this part of one, is always true: the `if` never hides anything, the `else` beats "
        "never play, or the part adds nothing. Invariants are expected to always hold and are not reported.",
    ),
    Code(
        "HS020",
        "warning",
        "`add` that always clamps or changes nothing",
        "The amount is zero, or so large that the variable always ends at its `min` or `max` (write a `set` "
        "instead), or the variable is already at the end the `add` pushes towards, so nothing changes.",
    ),
    Code(
        "HS021",
        "warning",
        "`set` that changes nothing",
        "The variable certainly has this value already here (the scene set it, or an `if` or the choice's own "
        "condition just tested it), so the `set` does nothing. Remove it, or set the value you meant.",
    ),
    Code(
        "HS022",
        "warning",
        "empty scene",
        "The scene has nothing to read (no narration, speech, thought or message, at any depth), no menu and no "
        "`goto`: the player passes through a titled scene that shows nothing. Scenes that only route with "
        "`if`/`goto`, and scenes that only offer a menu, are fine and not reported.",
    ),
    Code(
        "HS023",
        "warning",
        "line does not fit the dialogue box",
        "Wrapped with the game's own font, at the default text size, in the game's own dialogue box, this line "
        "needs more rows than the box shows. Split it into two lines.",
    ),
    Code(
        "HS024",
        "warning",
        "choice text wider than its button",
        "Drawn with the game's own font by the game's own choice menu, this choice's text (or its locked reason) "
        "is wider than the button. Shorten it.",
    ),
    Code(
        "HS025",
        "warning",
        "a fourth character on stage",
        "Three or more characters are on stage here and this `show` brings another to a place someone already "
        "stands at, so that one leaves without a `hide`. Hide someone first, or give the newcomer a place of their "
        "own (`far_left`, `far_right`, or a fraction of the width such as `at: 0.4`).",
    ),
    Code(
        "HS026",
        "warning",
        "hide of someone not on stage",
        "Where the stage is known (a scene that names a background starts with an empty one, and `hide: all` "
        "empties it), this character was not shown on any way to this beat, so the `hide` does nothing.",
    ),
    Code(
        "HS027",
        "warning",
        "stage change that changes nothing",
        "The music is already playing, the background already showing, or the character is already shown with this "
        "expression at this place in these clothes (a `show` that only changes the outfit or pose does something), "
        "so the beat does nothing. Remove it.",
    ),
    Code(
        "HS028",
        "warning",
        "`as:` while the speaker is off stage",
        "Where the stage is known (after a scene's background or a `hide: all`), the speaker is not on stage on any "
        "way to this line, so its `as:` changes nothing (an `as:` only changes a sprite that is showing). `show` "
        "them first, or drop the `as:`.",
    ),
    Code(
        "HS029",
        "warning",
        "cosmetic choice",
        "Only with `lint --explore` (it explores every reachable state, like `heartstopper test`): in every state "
        "that offers this choice, a sibling choice leads to exactly the same lines, stage changes, menus and "
        "endings from then on, so picking it changes nothing a player will ever see. Make it matter, merge it with "
        "its sibling, or mark it `flavor: true` if the flavour is the point.",
    ),
    Code(
        "HS030",
        "error",
        "`return` with nothing to return to",
        "A scene ends with `return`, and some way from the start (following every link, whatever the conditions) "
        "reaches it without a `call` waiting to come back to: play would stop there with an error. Reach the "
        "scene only through `call:`, or end it with `next`, `choices` or `ending` instead.",
    ),
    Code(
        "HS031",
        "warning",
        "emphasis marker with no partner",
        "An asterisk run (`*`, `**`) in a line opens emphasis that nothing closes, or closes emphasis nothing "
        "opened, so it is shown as written. Close it (`*italic*`, `**bold**`), or write `\\*` for an asterisk "
        "meant as itself. Asterisks with spaces on both sides (`5 * 3`) are plainly meant as themselves and never "
        "flagged. A line with braces is judged as the player reads it, in each way it can read (each pick's texts, "
        "each variety option).",
    ),
    Code(
        "HS032",
        "error",
        "asset that will not play",
        "The file behind a background, sprite, music or sound id (or the manifest's icon) is not in a format the "
        "game can show or play there (read from its bytes, the way the game will decode it, whatever its name "
        "says): an Opus stream where the game's audio mixer has no Opus, a PNG saved as music, an MP3 used as a "
        "sound, a cut-short or corrupt header. The message names the first use and says what the file is. Convert "
        'the file to a format of the table under "Art and sound" in the author guide (Ogg Vorbis plays everywhere).',
    ),
    Code(
        "HS033",
        "warning",
        "title screen without a background",
        "The story has assets of its own but its title screen has no picture: the manifest's `title_screen` names "
        "no `background` and there is no `title` background (assets/backgrounds/title.svg), so players see a plain "
        "colour. Draw one, name one of your backgrounds (`title_screen: {background: harbour}`), or choose the "
        'colour (`background: "#1d2a3a"`).',
    ),
)

CODES: dict[str, Code] = {code.code: code for code in _TABLE}


def severity_of(code: str) -> Severity:
    return CODES[code].severity


def explain(code: str) -> str:
    """The text `heartstopper lint --explain CODE` prints."""
    item = CODES[code]
    return f"{item.code} ({item.severity}): {item.title}\n\n{item.explanation}"
