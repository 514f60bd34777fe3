"""The web page in headless Debian Chromium (Playwright) against a live server over the tiny run:
notice and resources visible, a streamed answer, settings reach the engine, a crisis message
shows the crisis resources without calling the model, clear chat, and the compare tab.

Screenshots go to /tmp/mindtune-web-*.png.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from mindtune.serve.app import create_app, serve_in_thread
from mindtune.serve.settings import ServerSettings

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
CRISIS = "I want to kill myself tonight"
BOT = '#chatbot [data-testid="bot"]'

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} missing "
                       "(apt-get install -y chromium)"),
]

# Records every length the last bot message had, so the test can tell streaming from one block.
WATCH = """() => {
  window.__lens = [];
  new MutationObserver(() => {
    const bots = document.querySelectorAll('#chatbot [data-testid="bot"]');
    if (bots.length) window.__lens.push(bots[bots.length - 1].innerText.length);
  }).observe(document.querySelector('#chatbot'), {subtree: true, childList: true,
                                                   characterData: true});
}"""


@pytest.fixture(scope="module")
def site(tiny_run, tiny_engine) -> Iterator[tuple[str, object]]:
    app = create_app(ServerSettings(target=str(tiny_run)), engine=tiny_engine)
    with serve_in_thread(app) as url:
        yield url, app.state.runtime


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser, site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.requests = []
    pg.on("request", lambda r: pg.requests.append(r.url))
    pg.goto(site[0] + "/")
    pg.wait_for_selector("#message textarea", timeout=30_000)
    yield pg
    context.close()


def idle(url: str, timeout: float = 60) -> None:
    end = time.monotonic() + timeout
    while httpx.get(url + "/health").json()["in_flight"]:
        assert time.monotonic() < end, "generation did not finish"
        time.sleep(0.1)


def send(page, text: str) -> None:
    page.fill("#message textarea", text)
    page.press("#message textarea", "Enter")


def test_chat_streams_an_answer(page, site, monkeypatch):
    url, rt = site
    seen = []  # (messages, settings, Generation) of every reply
    original = rt.generate

    def spy(e, m, s, surface):
        seen.append((m, s, original(e, m, s, surface)))
        return seen[-1][2]

    monkeypatch.setattr(rt, "generate", spy)
    notice = page.locator("#notice")
    assert notice.is_visible() and "not a therapist" in notice.inner_text()
    assert "988" in page.locator("#resources").inner_text()
    for elem, value in (("#temperature", "0.3"), ("#max-tokens", "96")):
        page.fill(f"{elem} input[type=number]", value)
        page.press(f"{elem} input[type=number]", "Enter")
    page.evaluate(WATCH)
    send(page, "Hello, I feel a bit low today")
    page.wait_for_selector(BOT, timeout=30_000)
    assert page.input_value("#message textarea") == ""  # the box clears on send
    idle(url)
    page.wait_for_timeout(500)
    reply = page.locator(BOT).last.inner_text()
    assert reply.strip()
    lens = page.evaluate("window.__lens")
    assert len({n for n in lens if n}) >= 3, f"reply did not stream: {lens}"
    assert "Hello, I feel a bit low today" in page.locator("#chatbot").inner_text()
    assert (seen[-1][1].temperature, seen[-1][1].max_new_tokens) == (0.3, 96)
    send(page, "Thanks, and what about sleep?")  # the history goes with the next message
    page.wait_for_function("document.querySelectorAll('#chatbot [data-testid=\"bot\"]')"
                           ".length == 2", timeout=30_000)
    idle(url)
    assert seen[-1][0] == [{"role": "user", "content": "Hello, I feel a bit low today"},
                           {"role": "assistant", "content": seen[0][2].comp.text},
                           {"role": "user", "content": "Thanks, and what about sleep?"}]
    page.wait_for_timeout(300)
    page.screenshot(path="/tmp/mindtune-web-chat.png", full_page=True)
    outside = [u for u in page.requests if not u.startswith((url, "data:", "blob:"))]
    assert outside == []  # nothing fetched from the internet


def test_crisis_message_shows_resources_and_clear_chat(page, site, tiny_engine, monkeypatch):
    url, _ = site
    calls = []
    monkeypatch.setattr(tiny_engine.model, "generate", lambda *a, **k: calls.append(1))
    send(page, CRISIS)
    page.wait_for_selector(f"{BOT}:has-text('988')", timeout=30_000)
    bot = page.locator(BOT).last.inner_text()
    assert "988 Suicide & Crisis Lifeline" in bot and "911" in bot
    assert calls == []
    page.screenshot(path="/tmp/mindtune-web-crisis.png", full_page=True)
    idle(url)
    page.click("#clear")
    page.wait_for_function("!document.querySelector('#chatbot [data-testid=\"bot\"]')",
                           timeout=10_000)


def test_compare_tab_answers_with_base_and_fine_tuned(page, site):
    url, rt = site
    page.get_by_role("tab", name="Compare").click()
    page.fill("#compare-question textarea", "How can I manage stress at work?")
    page.click("#compare-go")
    # the answers: rendered markdown (the component's own text includes a progress timer)
    done = """() => ['#compare-base', '#compare-tuned'].every(id => {
                 const md = document.querySelector(id + ' .md');
                 return md && md.innerText.trim() && !md.innerText.startsWith('(loading'); })"""
    page.wait_for_function(done, timeout=60_000)
    idle(url)
    assert rt.base_loaded and httpx.get(url + "/health").json()["base_loaded"]
    page.wait_for_selector('#compare-tuned [data-testid="status-tracker"].hide', state="attached",
                           timeout=30_000)  # the event finished
    page.screenshot(path="/tmp/mindtune-web-compare.png", full_page=True)
    assert page.inner_text("#compare-base .md").strip()
    assert page.inner_text("#compare-tuned .md").strip()


def test_stop_button_cancels_generation(page, site, monkeypatch):
    url, rt = site
    started = []
    original = rt.generate
    monkeypatch.setattr(rt, "generate", lambda *a: started.append(original(*a)) or started[-1])
    page.fill("#max-tokens input[type=number]", "1024")
    page.press("#max-tokens input[type=number]", "Enter")
    send(page, "Tell me a long story")
    page.wait_for_function("""() => { const b = document.querySelectorAll(
        '#chatbot [data-testid="bot"]'); return b.length && b[b.length-1].innerText.trim(); }""",
                           timeout=30_000)
    page.click("#stop")
    idle(url, timeout=10)
    gen = started[-1]
    assert gen.cancel.is_set() and gen.comp.finish_reason == "cancelled"
    assert gen.comp.completion_tokens < 1024
