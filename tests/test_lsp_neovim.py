"""A real editor: Neovim, headless, attaches `heartstopper lsp` to a scene file, the author mistypes a `goto`
without saving, and the editor receives the loader's error with its did-you-mean. Skips where Neovim (apt `neovim`)
or pygls is not installed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.storybuild import FIXTURES

pytest.importorskip("pygls")
NVIM = shutil.which("nvim")
pytestmark = pytest.mark.skipif(NVIM is None, reason="Neovim is not installed (apt install neovim)")

# Neovim 0.7 (Debian 12) onwards: start_client and buf_attach_client, not the newer vim.lsp.start.
SCRIPT = """
local story = os.getenv("HS_STORY")
vim.cmd("edit " .. story .. "/scenes/home.yaml")
local client = vim.lsp.start_client({
  name = "heartstopper", cmd = {os.getenv("HS_PYTHON"), "-m", "game", "lsp"}, root_dir = story,
})
vim.lsp.buf_attach_client(0, client)
vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 50)
for number, line in ipairs(vim.api.nvim_buf_get_lines(0, 0, -1, false)) do
  if line:find("goto: desk", 1, true) then
    vim.api.nvim_buf_set_lines(0, number - 1, number, false, {(line:gsub("goto: desk", "goto: dask"))})
  end
end
vim.wait(20000, function() return #vim.diagnostic.get(0, {severity = vim.diagnostic.severity.ERROR}) > 0 end, 50)
local out = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(out, string.format("%d\\t%d\\t%d\\t%s", d.lnum, d.col, d.severity, (d.message:gsub("\\n", " | "))))
end
vim.fn.writefile(out, os.getenv("HS_OUT"))
vim.cmd("qa!")
"""


def test_neovim_receives_the_loaders_error_for_an_unsaved_edit(tmp_path: Path):
    story = tmp_path / "story"
    shutil.copytree(FIXTURES / "mini", story)
    script = tmp_path / "attach.lua"
    script.write_text(SCRIPT, encoding="utf-8")
    out = tmp_path / "diagnostics.txt"
    env = dict(os.environ, HS_STORY=str(story), HS_PYTHON=sys.executable, HS_OUT=str(out))
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(Path(__file__).resolve().parents[1]), env.get("PYTHONPATH")]))
    subprocess.run(
        [NVIM, "--headless", "--clean", "-c", f"luafile {script}"], env=env, timeout=120, check=True, cwd=tmp_path
    )
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()]
    errors = [row for row in rows if row[2] == "1"]  # vim.diagnostic.severity.ERROR
    lines = (story / "scenes" / "home.yaml").read_text(encoding="utf-8").splitlines()
    goto_line = next(number for number, line in enumerate(lines) if "goto: desk" in line)
    assert [(int(row[0]), int(row[1])) for row in errors] == [(goto_line, lines[goto_line].index("desk"))]
    assert "dask" in errors[0][3] and "desk" in errors[0][3]  # the unknown name, and the one it might be
    original = (FIXTURES / "mini" / "scenes" / "home.yaml").read_text(encoding="utf-8")
    assert (story / "scenes" / "home.yaml").read_text(encoding="utf-8") == original  # the edit was never saved
