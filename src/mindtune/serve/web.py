"""The web page (Gradio Blocks): streaming chat, crisis resources always in view, generation
settings, a base-vs-fine-tuned "compare" tab, and a clear-chat button.

Conversations live only in the browser session's state; nothing is stored unless the server was
started with --log-conversations.
"""

from __future__ import annotations

import html
import os
from collections.abc import Iterator
from typing import Any

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # before gradio is imported

import gradio as gr  # noqa: E402

from mindtune.chat import notice_for  # noqa: E402
from mindtune.engine import EngineError, GenerationSettings  # noqa: E402
from mindtune.serve.runtime import QueueFull, Runtime  # noqa: E402

BUSY = "The server is busy right now; please try again in a moment."
EMPTY = "(no reply; try again, or raise the temperature)"
FALLBACK_RESOURCES = ("- **Emergency:** your local emergency number\n"
                      "- **Find a helpline:** https://findahelpline.com")

# System fonts only: the page must not fetch anything from the internet (no Google Fonts).
THEME = gr.themes.Soft(
    primary_hue="teal",
    font=["ui-sans-serif", "system-ui", "-apple-system", "Segoe UI", "Roboto", "sans-serif"],
    font_mono=["ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "monospace"],
)
CSS = """
#notice { border-left: 5px solid #b45309; background: #fffbeb; border-radius: 8px;
          padding: 10px 16px; }
#notice, #notice p, #notice strong { color: #451a03 !important; font-size: 15px; }
#resources { border: 1px solid #99f6e4; background: #f0fdfa; border-radius: 8px;
             padding: 4px 14px 10px; }
#resources, #resources * { color: #134e4a !important; }
#title h1 { margin-bottom: 0; }
"""


def resources_for(engine: Any) -> str:
    safety = getattr(engine, "safety", None)
    return safety.resources_text() if safety is not None else FALLBACK_RESOURCES


def inert(text: str) -> str:
    """Text as the page shows it: HTML special characters escaped, so markup in a message or a
    reply (``<img onerror=...>``, ``<script>``) is displayed literally instead of being rendered
    (the chat components render Markdown + sanitized HTML). Only the display is escaped: the
    conversation the model sees keeps the text as typed."""
    return html.escape(text, quote=False)


def _shown(messages: list[dict[str, str]]) -> list[dict[str, str]]:
    return [{"role": m["role"], "content": inert(m["content"])} for m in messages]


def _settings(temperature: float, max_tokens: float) -> GenerationSettings:
    return GenerationSettings(temperature=float(temperature), max_new_tokens=int(max_tokens))


def _stream(runtime: Runtime, engine: Any, messages: list[dict[str, str]],
            settings: GenerationSettings, surface: str) -> Iterator[tuple[str, str | None]]:
    """(text to show, reply to remember) as the reply grows. A busy server or a bad request
    shows a one-line message and remembers nothing (None), so the model never sees it."""
    try:
        gen = runtime.generate(engine, messages, settings, surface)
    except QueueFull:
        yield BUSY, None
        return
    except EngineError as e:
        yield f"(error: {e})", None
        return
    text = ""
    for chunk in gen:  # leaving this loop early (Stop, page closed) cancels the generation
        text += chunk
        yield text, text
    if not gen.comp.text.strip():
        yield EMPTY, gen.comp.text


def build(runtime: Runtime) -> gr.Blocks:
    s = runtime.settings
    engine = runtime.engine

    def respond(message: str, history: list[dict[str, str]], temperature: float,
                max_tokens: float) -> Iterator[tuple[Any, Any, Any]]:
        text = (message or "").strip()
        if not text:
            yield gr.skip(), gr.skip(), gr.skip()
            return
        if len(text) > s.max_message_chars:
            gr.Warning(f"Messages are limited to {s.max_message_chars} characters.")
            yield gr.skip(), gr.skip(), gr.skip()
            return
        msgs = [*history, {"role": "user", "content": text}]
        convo = _shown([*msgs, {"role": "assistant", "content": ""}])
        yield convo, history, ""
        for shown, kept in _stream(runtime, engine, msgs, _settings(temperature, max_tokens),
                                   "web"):
            convo = _shown([*msgs, {"role": "assistant", "content": shown}])
            remembered = history if kept is None else [*msgs, {"role": "assistant",
                                                                "content": kept}]
            yield convo, remembered, gr.skip()

    def compare(question: str, temperature: float, max_tokens: float
                ) -> Iterator[tuple[str, str]]:
        text = (question or "").strip()
        if not text:
            yield "", ""
            return
        msgs = [{"role": "user", "content": text}]
        settings = _settings(temperature, max_tokens)
        base_text = "" if runtime.base_loaded else "(loading the base model, once...)"
        yield base_text, ""
        try:
            base = runtime.base_engine()
        except Exception as e:  # noqa: BLE001 - shown to the user, not a crash
            yield f"(the base model could not be loaded: {type(e).__name__}: {e})", ""
            return
        for base_text, _ in _stream(runtime, base, msgs, settings, "compare"):
            yield inert(base_text), ""
        for tuned, _ in _stream(runtime, engine, msgs, settings, "compare"):
            yield inert(base_text), inert(tuned)

    with gr.Blocks(title="mindtune", analytics_enabled=False) as demo:
        gr.Markdown(f"# mindtune\nSupportive conversation with `{runtime.model_id}`",
                    elem_id="title")
        gr.Markdown(f"**Please read:** {notice_for(engine)}", elem_id="notice")
        state = gr.State([])
        with gr.Row(equal_height=False):
            with gr.Column(scale=3):
                with gr.Tabs():
                    with gr.Tab("Chat", id="chat"):
                        chatbot = gr.Chatbot(
                            label="Conversation", show_label=False, height=440,
                            elem_id="chatbot",
                            feedback_options=None, buttons=["copy"],
                            placeholder="Share what's on your mind. Replies appear as they "
                                        "are written.")
                        with gr.Row():
                            box = gr.Textbox(placeholder="Type a message",
                                             show_label=False, scale=5, elem_id="message",
                                             max_lines=6, autofocus=True)
                            send = gr.Button("Send", variant="primary", scale=1,
                                             min_width=90, elem_id="send")
                        with gr.Row():
                            stop = gr.Button("Stop", size="sm", elem_id="stop")
                            clear = gr.Button("Clear chat", size="sm", elem_id="clear")
                    with gr.Tab("Compare", id="compare"):
                        if runtime.base_id is None:
                            gr.Markdown("Comparing needs a run directory: start the server "
                                        "with `mindtune serve runs/NAME`.")
                        else:
                            gr.Markdown("One question, answered by the base model and by the "
                                        "fine-tuned model, side by side (the base model loads "
                                        "on first use).")
                            question = gr.Textbox(label="Question", lines=2,
                                                  elem_id="compare-question")
                            go = gr.Button("Compare", variant="primary", elem_id="compare-go")
                            with gr.Row(equal_height=True):
                                with gr.Column(elem_classes="answer"):
                                    gr.Markdown(f"**Base:** `{runtime.base_id}`")
                                    base_out = gr.Markdown(container=True, min_height=160,
                                                           max_height=420,
                                                           elem_id="compare-base")
                                with gr.Column(elem_classes="answer"):
                                    gr.Markdown(f"**Fine-tuned:** `{runtime.model_id}`")
                                    tuned_out = gr.Markdown(container=True, min_height=160,
                                                            max_height=420,
                                                            elem_id="compare-tuned")
            with gr.Column(scale=1, min_width=300):
                gr.Markdown("### Need help now?\n" + resources_for(engine), elem_id="resources")
                with gr.Accordion("Generation settings", open=True):
                    temperature = gr.Slider(0, 2, value=GenerationSettings().temperature,
                                            step=0.05, label="Temperature",
                                            info="0 always gives the same answer",
                                            elem_id="temperature")
                    max_tokens = gr.Slider(16, s.max_tokens_limit, value=s.default_max_tokens,
                                           step=16, label="Max new tokens",
                                           elem_id="max-tokens")

        inputs = [box, state, temperature, max_tokens]
        outputs = [chatbot, state, box]
        submitted = box.submit(respond, inputs, outputs, api_visibility="private")
        clicked = send.click(respond, inputs, outputs, api_visibility="private")
        stop.click(None, cancels=[submitted, clicked], api_visibility="private")
        chatbot.clear(lambda: ([], []), None, [chatbot, state], cancels=[submitted, clicked],
                      api_visibility="private")  # the chat's own trash icon forgets too
        clear.click(lambda: ([], [], ""), None, outputs, cancels=[submitted, clicked],
                    api_visibility="private")
        if runtime.base_id is not None:
            go.click(compare, [question, temperature, max_tokens], [base_out, tuned_out],
                     api_visibility="private")
            question.submit(compare, [question, temperature, max_tokens],
                            [base_out, tuned_out], api_visibility="private")
    demo.queue(max_size=max(1, s.max_queue), default_concurrency_limit=1)
    return demo


def mount(app: Any, demo: gr.Blocks) -> Any:
    """Mount the page at ``/`` of ``app`` (routes added before it, /v1 and /health, win)."""
    return gr.mount_gradio_app(
        app, demo, path="/", theme=THEME, css=CSS,
        footer_links=[],  # no "use via API" / "built with" links: the API is /v1
        run_history=False,  # never keep past conversations in the browser
        ssr_mode=False, mcp_server=False, show_error=True,
    )
