"""Privacy: with default settings no conversation text reaches a log or a file; with
``--log-conversations`` it goes to one owner-only file (docs/reliability.md, docs/serving.md).

A session carries a unique marker string through every surface: the terminal chat
(``run_chat``), the API of an in-process server (plain, streamed, crisis, rejected requests) with
all logging captured at DEBUG, and a ``mindtune serve`` subprocess whose root logger is at DEBUG
(API + the web page in Chromium when it is installed). Then the marker is searched in every log
line, in every file under the run directory, the cache ($MINDTUNE_CACHE) and the test's tmp dirs,
and in every file changed during the test under the system tmp dir, $HOME and the repository.
"""

from __future__ import annotations

import io
import json
import logging
import os
import stat
import tempfile
import time
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path

import httpx
from conftest import load_bench

from mindtune.chat import run_chat
from mindtune.engine import GenerationSettings
from mindtune.serve.app import create_app, serve_in_thread
from mindtune.serve.settings import ServerSettings

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
# big trees nothing of ours writes to (toolchains, the venv, git objects): not walked
PRUNE = {".git", ".venv", "node_modules", ".pyenv", ".rustup", ".m2", ".cargo", "__pycache__",
         ".npm"}
MAX_FILE = 512 * 2**20


def _bench():
    return load_bench("load_test")


def _walk(root: Path, since: float | None) -> Iterator[Path]:
    """Regular files under ``root`` (changed at or after ``since`` when given); PRUNE skipped,
    symlinks not followed."""
    for dirpath, dirnames, filenames in os.walk(root, onerror=lambda e: None):
        dirnames[:] = [d for d in dirnames if d not in PRUNE]
        for name in filenames:
            path = Path(dirpath, name)
            try:
                st = path.lstat()
            except OSError:
                continue
            if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_FILE:
                continue
            if since is None or max(st.st_mtime, st.st_ctime) >= since:
                yield path


def _client_side(path: Path) -> bool:
    """The browser's own profile and artifacts (the client, not the server)."""
    return any(part.startswith(("playwright", ".org.chromium")) for part in path.parts)


def scan(marker: str, full: Iterable[Path], recent: Iterable[Path], since: float
         ) -> tuple[list[str], int]:
    """(files containing ``marker``, number of files read)."""
    needle = marker.encode()
    seen: set[Path] = set()
    hits: list[str] = []
    for root, when in [*((r, None) for r in full), *((r, since) for r in recent)]:
        if not Path(root).exists():
            continue
        for path in _walk(Path(root), when):
            if path in seen or _client_side(path):
                continue
            seen.add(path)
            try:
                with open(path, "rb") as f:
                    if needle in f.read():
                        hits.append(str(path))
            except OSError:
                continue
    return hits, len(seen)


def _requests(url: str, marker: str) -> int:
    """A conversation with the marker through the API: plain, streamed, a crisis message, a
    follow-up with history, and rejected requests that carry it. Returns the replies served."""
    api = url + "/v1/chat/completions"
    convo = [{"role": "user", "content": f"I feel {marker} about my exams"}]
    served = 0
    with httpx.Client(timeout=60) as client:
        r = client.post(api, json={"messages": convo, "max_tokens": 8})
        assert r.status_code == 200, r.text
        served += 1
        convo += [r.json()["choices"][0]["message"],
                  {"role": "user", "content": f"and {marker} keeps me awake"}]
        with client.stream("POST", api, json={"messages": convo, "max_tokens": 8,
                                              "stream": True}) as s:
            assert s.status_code == 200 and "[DONE]" in s.read().decode()
        served += 1
        crisis = client.post(api, json={"messages": [
            {"role": "user", "content": f"I want to kill myself tonight, {marker}"}]}).json()
        assert crisis["mindtune"]["finish"] == "crisis"
        served += 1
        bad = [
            {"messages": [{"role": marker, "content": "hi"}]},
            {"messages": [{"role": "user", "content": marker + "x" * 9000}]},
            {"messages": [{"role": "assistant", "content": marker}]},
            {"messages": [{"role": "user", "content": marker}], "max_tokens": 10**6},
        ]
        for body in bad:
            assert 400 <= client.post(api, json=body).status_code < 500
        assert client.post(api, content=f'{{"messages": [{marker}').status_code == 422
    return served


def _web_chat(url: str, marker: str) -> bool:
    """One message through the web page in headless Chromium; False when it is not installed."""
    if not Path(CHROMIUM).exists():
        return False
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        try:
            page = browser.new_page()
            page.goto(url + "/")
            page.wait_for_selector("#message textarea", timeout=30_000)
            page.fill("#max-tokens input[type=number]", "16")
            page.press("#max-tokens input[type=number]", "Enter")
            page.fill("#message textarea", f"Hello, {marker} here, feeling low")
            page.press("#message textarea", "Enter")
            page.wait_for_selector('#chatbot [data-testid="bot"]', timeout=30_000)
            deadline = time.monotonic() + 30
            while httpx.get(url + "/health").json()["in_flight"]:
                assert time.monotonic() < deadline
                time.sleep(0.1)
            assert marker in page.inner_text("#chatbot")  # the page itself shows it, of course
        finally:
            browser.close()
    return True


def test_default_settings_leave_no_conversation_text(tiny_run, tiny_engine, tmp_path, caplog):
    marker = f"mtprivacy{uuid.uuid4().hex[:16]}"
    since = time.time() - 1
    caplog.set_level(logging.DEBUG)  # root: every library's debug lines too

    # 1. terminal chat
    out = io.StringIO()
    run_chat(tiny_engine, GenerationSettings(max_new_tokens=8, temperature=0),
             io.StringIO(f"I feel {marker} today\n/settings temperature=0.5\n"
                         f"Why {marker}?\n/quit\n"), out)
    assert out.getvalue().count(marker) == 2  # the transcript on the terminal, nowhere else

    # 2. the API of an in-process server (default settings)
    app = create_app(ServerSettings(target=str(tiny_run)), engine=tiny_engine)
    with serve_in_thread(app) as url:
        in_process = _requests(url, marker)
    logged = [r for r in caplog.records if "reply surface=api" in r.getMessage()]
    assert len(logged) == in_process  # the server did log each reply (counts only)

    # 3. a `mindtune serve` subprocess, root logger at DEBUG, API + web page
    logs = tmp_path / "serve"
    gradio_tmp = tmp_path / "gradio-tmp"
    with _bench().spawn_server(str(tiny_run), log_dir=logs, log_level="debug",
                               env={"GRADIO_TEMP_DIR": str(gradio_tmp)}) as server:
        served = _requests(server.url, marker)
        web = _web_chat(server.url, marker)
    server_log = server.log()
    assert server_log.count("reply surface=api") == served
    assert ("reply surface=web" in server_log) == web
    assert "DEBUG" in server_log  # debug logging was really on

    # every log line
    records = [r.getMessage() + (r.exc_text or "") for r in caplog.records]
    assert not [m for m in records if marker in m]
    assert marker not in caplog.text
    assert marker not in server_log

    # every file: a control file proves the scan finds the marker where it is
    control = tmp_path / "control.txt"
    control.write_text(f"control {marker}\n")
    cache = Path(os.environ.get("MINDTUNE_CACHE", REPO / ".cache" / "mindtune"))
    hits, files = scan(marker, full=[tiny_run, cache, tmp_path],
                       recent=[Path(tempfile.gettempdir()), Path("/var/tmp"), Path.home(), REPO],
                       since=since)
    print(f"\nprivacy: {len(records)} in-process log records, "
          f"{server_log.count(chr(10))} server log lines ({in_process + served} API replies, "
          f"web page: {web}), {files} files read: marker found only in {hits}")
    assert hits == [str(control)]


def test_log_conversations_writes_one_owner_only_file(tiny_run, tiny_engine, tmp_path,
                                                      monkeypatch, caplog):
    from typer.testing import CliRunner

    import mindtune.serve.app as serve_app
    from mindtune import cli

    marker = f"mtprivacy{uuid.uuid4().hex[:16]}"
    path = tmp_path / "private" / "chats.jsonl"
    given: list[ServerSettings] = []
    monkeypatch.setattr(serve_app, "run_server", given.append)
    result = CliRunner().invoke(cli.app, ["serve", str(tiny_run), "--log-conversations",
                                          str(path)])
    assert result.exit_code == 0, result.output
    settings = given[0]
    assert settings.log_conversations == path and settings.api_key is None

    caplog.set_level(logging.DEBUG)
    app = create_app(settings, engine=tiny_engine)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600  # created owner-only, before any request
    with serve_in_thread(app) as url:
        served = _requests(url, marker)
        deadline = time.monotonic() + 10
        while path.read_text().count("\n") < served:
            assert time.monotonic() < deadline
            time.sleep(0.05)
    records = [json.loads(line) for line in path.read_text().splitlines()]
    assert len(records) == served and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert all(marker in json.dumps(r) for r in records)
    assert {r["safety"]["label"] for r in records} >= {"crisis"}
    assert not [r for r in caplog.records if marker in r.getMessage()]  # the file only

    # an existing file readable by others is made owner-only before anything is written
    shared = tmp_path / "shared.jsonl"
    shared.write_text("")
    shared.chmod(0o644)
    with caplog.at_level(logging.WARNING, logger="mindtune.serve"):
        create_app(ServerSettings(log_conversations=shared), engine=tiny_engine)
    assert stat.S_IMODE(shared.stat().st_mode) == 0o600
    assert any("owner-only" in r.getMessage() for r in caplog.records)
