"""`heartstopper lsp`: a Language Server Protocol server for story authors, over stdio (docs/EDITOR.md).

The checks are the loader's and the linter's own, run on the story as it stands in the editor (unsaved buffers laid
over the disk, `game.sources`). Completion, hover, navigation, rename and code actions read an index of the story's
files (`game.lsp.index`) that is built from the YAML alone, so they keep working while the story does not load.
Only `game.lsp.server` imports pygls (the optional extra `lsp`); the rest is plain Python and tested directly.
"""
