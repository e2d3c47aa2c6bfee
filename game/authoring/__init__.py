"""Tools for story authors: the linter, the story map, statistics and the editor schemas.

Everything here reads a loaded `game.model.Story` (plus, where positions inside a value matter, the story's YAML
again through `game.yaml_source`), never the engine's internals, and reports through `game.problems.Problem`.
Each command has its own small CLI module (`lint_cli`, `graph_cli`, `stats_cli`, `schema_cli`) plugged into the
`heartstopper` command by `game.cli.EXTRA_COMMANDS`.
"""
