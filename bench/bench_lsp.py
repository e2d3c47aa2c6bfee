"""How long the language server takes to show an edit's problems, against the 150 ms an edit may take.

Starts `heartstopper lsp` as an editor does, opens a scene file of the shipped story, then types edits into it (as
unsaved buffers, never written): each makes one narration line too long for the dialogue box, so the story still
loads and every lint rule runs, and the file gets a new warning. The time is from sending the change to receiving
that file's new diagnostics over stdio: the pause the server waits for more typing, the load, the lint and the
protocol, all in. It also times the check alone (`game.lsp.checking.check_story`) in this process.

    python bench/bench_lsp.py [--edits 15] [--short]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

LIMIT_MS = 150.0
SCENE_FILE = ROOT / "story" / "scenes" / "paris.yaml"
LONG = " It goes on and on" * 20


class Client:
    """The least of a language client: framed JSON-RPC over the server's pipes."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "game", "lsp"],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.next_id = 0

    def send(self, method: str, params: dict, request: bool = False) -> None:
        message: dict = {"jsonrpc": "2.0", "method": method, "params": params}
        if request:
            self.next_id += 1
            message["id"] = self.next_id
        body = json.dumps(message).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def receive(self) -> dict:
        length = 0
        while True:
            line = self.process.stdout.readline()
            if not line:
                raise RuntimeError("the server stopped")
            if line in (b"\r\n", b"\n"):
                break
            name, _, value = line.decode().partition(":")
            if name.lower() == "content-length":
                length = int(value)
        return json.loads(self.process.stdout.read(length))

    def wait(self, wanted) -> dict:
        while True:
            message = self.receive()
            if wanted(message):
                return message

    def close(self) -> None:
        self.send("shutdown", {}, request=True)
        self.send("exit", {})
        self.process.stdin.close()
        self.process.wait(timeout=10)


def edited(text: str, number: int) -> str:
    """The scene file with its first narration made too long, differently each time."""
    marker = '- narrate: "'
    at = text.index(marker) + len(marker)
    return text[:at] + f"Edit {number}." + LONG + " " + text[at:]


def over_stdio(edits: int) -> list[float]:
    client = Client()
    uri = SCENE_FILE.as_uri()
    text = SCENE_FILE.read_text(encoding="utf-8")
    try:
        client.send("initialize", {"capabilities": {}, "rootUri": (ROOT / "story").as_uri()}, request=True)
        client.wait(lambda m: m.get("id") == 1)
        client.send("initialized", {})
        client.send(
            "textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}}
        )
        times = []
        for number in range(edits + 1):  # the first edit warms the server's memory of the files up
            change = {
                "textDocument": {"uri": uri, "version": number + 2},
                "contentChanges": [{"text": edited(text, number)}],
            }
            started = time.perf_counter()
            client.send("textDocument/didChange", change)
            client.wait(
                lambda m: (
                    m.get("method") == "textDocument/publishDiagnostics"
                    and m["params"]["uri"] == uri
                    and any(d.get("code") == "HS023" for d in m["params"]["diagnostics"])
                )
            )
            if number:
                times.append((time.perf_counter() - started) * 1000)
        return times
    finally:
        client.close()


def in_process(edits: int) -> list[float]:
    from game.lsp.checking import ParseMemory, RememberingCatalog, RememberingSources, check_story
    from game.paths import assets_dir_for
    from game.story_cache import RecordsInMemory

    memory, records = ParseMemory(), RecordsInMemory()
    assets = RememberingCatalog(assets_dir_for(ROOT / "story"))
    text = SCENE_FILE.read_text(encoding="utf-8")
    times = []
    for number in range(edits + 1):
        started = time.perf_counter()
        sources = RememberingSources({SCENE_FILE: edited(text, number)}, memory)
        result = check_story(ROOT / "story", sources, assets, records)
        if not any(p.code == "HS023" for p in result.problems.get(SCENE_FILE.resolve(), ())):
            raise SystemExit("the edit did not give its warning: the benchmark measures nothing")
        if number:
            times.append((time.perf_counter() - started) * 1000)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=15, help="edits to time (default 15)")
    parser.add_argument("--short", action="store_true", help="fewer edits (CI)")
    args = parser.parse_args(argv)
    edits = 5 if args.short else args.edits
    for what, times in (
        ("diagnostics after an edit, shipped story, over stdio", over_stdio(edits)),
        ("the check alone (load + lint, in process)", in_process(edits)),
    ):
        median = statistics.median(times)
        print(
            f"{what}: median {median:.0f} ms, best {min(times):.0f} ms over {len(times)} edits; "
            f"{median / LIMIT_MS:.2f}x the limit [target median ≤ 1x of {LIMIT_MS:.0f} ms]"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
