"""Which backgrounds are outdoors, and whether autumn leaves can fall on the one on screen.

`assets/backgrounds/places.yaml` (written by tools/build_backgrounds.py) lists the outdoor backgrounds. Falling
leaves belong outdoors and to autumn: the `leaves` effect is skipped indoors (a coach, a kitchen) and in spring
or summer. A story whose assets have no places file keeps the old behaviour: leaves fall wherever they are asked.
"""

from __future__ import annotations

import logging
from pathlib import Path

import yaml

from game.assets import confined_file
from game.dressing import SEASONS, base_of

log = logging.getLogger(__name__)

PLACES_FILE = "places.yaml"
LEAF_SEASONS = (None, "autumn")  # the plain backgrounds are drawn in autumn


def load_outdoors(assets_dir: Path) -> frozenset[str] | None:
    """The outdoor background ids, or None when the assets do not say."""
    path = assets_dir / "backgrounds" / PLACES_FILE
    if path.exists() and confined_file(path, assets_dir.resolve()) is None:
        log.warning("%s leads out of the story's assets; leaves fall everywhere", path)
        return None
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, UnicodeError, yaml.YAMLError) as err:
        log.warning("cannot read %s: %s; leaves fall everywhere", path, err)
        return None
    outdoors = data.get("outdoors") if isinstance(data, dict) else None
    if not isinstance(outdoors, list):
        log.warning("%s has no list 'outdoors'; leaves fall everywhere", path)
        return None
    return frozenset(str(name) for name in outdoors)


def season_of(background: str | None) -> str | None:
    parts = (background or "").split(".")[1:]
    return next((part for part in parts if part in SEASONS), None)


def leaves_can_fall(background: str | None, outdoors: frozenset[str] | None) -> bool:
    if season_of(background) not in LEAF_SEASONS:
        return False
    return outdoors is None or (background is not None and base_of(background) in outdoors)
