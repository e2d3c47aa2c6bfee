"""The pieces of the standalone build (tools/build_standalone.py): the frozen program's entry, icons, archives."""
