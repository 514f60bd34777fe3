"""The one generation engine behind chat, web page, API and eval.

    engine = load_engine("runs/demo")                  # base + adapter, template as trained
    for chunk in engine.chat(messages, settings): ...   # streams; safety before and after

Order of a turn: crisis check (outside the model; a crisis reply never reaches the model) ->
history trimmed to the token budget -> streamed generation that stops at the end-of-turn ids or a
fabricated next turn -> every partial reply checked for methods/doses/diagnoses before it is shown.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import torch

from mindtune.prompt import HUMAN, PromptBuilder

# Special tokens that open a new turn: a reply never contains one, so they end generation too
# (with skip_special_tokens the marker would vanish and the fabricated turn's text would show).
TURN_START_TOKENS = ("<|im_start|>", "<|start_header_id|>", "<start_of_turn>", "<|user|>")


class EngineError(ValueError):
    """A request the engine cannot serve (too long, bad settings); one line."""


@dataclass
class GenerationSettings:
    temperature: float = 0.7  # 0 = greedy (deterministic); under 1e-3 greedy too
    top_p: float = 0.9
    top_k: int = 50
    repetition_penalty: float = 1.1
    max_new_tokens: int = 256
    seed: int | None = None

    def validate(self) -> GenerationSettings:
        checks = [
            (0 <= self.temperature <= 2, "temperature must be in [0, 2]"),
            (0 < self.top_p <= 1, "top_p must be in (0, 1]"),
            (self.top_k >= 0, "top_k must be >= 0"),
            # a tinier penalty divides logits into inf and sampling fails (an API 500)
            (0.01 <= self.repetition_penalty <= 2, "repetition_penalty must be in [0.01, 2]"),
            (1 <= self.max_new_tokens <= 4096, "max_new_tokens must be in [1, 4096]"),
            # torch.manual_seed's range; a larger seed failed inside generate() (an API 500)
            (self.seed is None or -2**63 <= self.seed < 2**64,
             "seed must be in [-2**63, 2**64)"),
        ]
        for ok, msg in checks:
            if not ok:
                raise EngineError(msg)
        return self

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Completion:
    """Iterate for text chunks; afterwards the fields describe the whole reply."""

    chunks: Iterator[str]
    text: str = ""
    finish_reason: str = ""  # stop | length | crisis | safety | cancelled
    prompt_tokens: int = 0
    completion_tokens: int = 0
    decision: Any = None
    dropped_turns: int = 0
    meta: dict[str, Any] = field(default_factory=dict)

    def __iter__(self) -> Iterator[str]:
        for c in self.chunks:
            self.text += c
            yield c

    def read(self) -> str:
        for _ in self:
            pass
        return self.text


class _Cancel:
    """StoppingCriteria-compatible flag: stops generate() when set (client disconnect, safety)."""

    def __init__(self, event: threading.Event):
        self.event = event

    def __call__(self, input_ids: torch.Tensor, scores: torch.Tensor, **kw: Any) -> torch.Tensor:
        return torch.full((input_ids.shape[0],), self.event.is_set(), dtype=torch.bool,
                          device=input_ids.device)


class Engine:
    def __init__(self, model: Any, tokenizer: Any, builder: PromptBuilder, safety: Any = None,
                 context_tokens: int | None = None, name: str = "model"):
        self.model = model.eval()
        self.tok = tokenizer
        self.builder = builder
        self.safety = safety
        self.name = name
        limit = getattr(model.config, "max_position_embeddings", None) or 2048
        self.context_tokens = min(context_tokens or 2048, limit)
        self.stop_strings = [HUMAN, "<ASSISTANT>:"] if builder.template == "seed" else []
        added = tokenizer.get_added_vocab() if hasattr(tokenizer, "get_added_vocab") else {}
        self.stop_ids = sorted(set(builder.stop_ids)
                               | {added[t] for t in TURN_START_TOKENS if t in added})
        self.lock = threading.Lock()  # one generation at a time per model
        # extra generate() kwargs for fast paths, e.g. {"cache_implementation": "static"}
        self.gen_overrides: dict[str, Any] = {}
        self.decoder: Any = None  # a mindtune.decode.StaticDecoder replaces generate() (--fast)
        self.batcher: Any = None  # a mindtune.batching.Batcher (enable_batching): servers
        self._stop_cache: tuple[tuple[str, ...], Any] | None = None

    def _stop_string_criteria(self) -> Any:
        """transformers' StopStringCriteria walks the whole vocabulary when it is built (0.2-0.5 s
        per request when passed as generate(stop_strings=...)): build it once per stop-string set."""
        from transformers import StopStringCriteria

        key = tuple(self.stop_strings)
        if self._stop_cache is None or self._stop_cache[0] != key:
            self._stop_cache = (key, StopStringCriteria(self.tok, list(key)))
        return self._stop_cache[1]

    # -- prompt ---------------------------------------------------------------------------------
    def fit_history(self, messages: list[dict[str, str]], max_new_tokens: int
                    ) -> tuple[list[int], int]:
        """Prompt ids within the budget: oldest turns go first, never the system message or the
        current question. Returns (ids, number of dropped messages)."""
        system = [m for m in messages[:1] if m["role"] == "system"]
        turns = messages[len(system):]
        budget = self.context_tokens - max_new_tokens
        for start in range(0, len(turns)):
            kept = turns[start:]
            if kept[0]["role"] != "user":
                continue  # a window starts at a user turn
            ids = self.builder.encode_prompt(system + kept)
            if len(ids) <= budget:
                return ids, start
        raise EngineError(f"message too long: the current question does not fit in "
                          f"{budget} tokens (context {self.context_tokens} - max_new_tokens "
                          f"{max_new_tokens})")

    # -- generation -----------------------------------------------------------------------------
    def chat(self, messages: list[dict[str, str]], settings: GenerationSettings | None = None,
             cancel: threading.Event | None = None) -> Completion:
        settings = (settings or GenerationSettings()).validate()
        if not messages or messages[-1]["role"] != "user" or not messages[-1]["content"].strip():
            raise EngineError("the last message must be a non-empty user message")
        comp = Completion(chunks=iter(()), meta={"user": messages[-1]["content"]})
        decision = None
        msgs = [dict(m) for m in messages]
        if self.safety is not None:
            decision = self.safety.check(msgs[-1]["content"], msgs[:-1])
            comp.decision = decision
            if decision.label == "crisis":
                comp.finish_reason = "crisis"
                comp.chunks = iter([decision.reply])
                return comp
            if decision.supportive or self.builder.system_prompt is None:
                msgs = [m for m in msgs if m["role"] != "system"]
                msgs.insert(0, {"role": "system",
                                "content": self.safety.system_prompt(decision.supportive)})
        ids, dropped = self.fit_history(msgs, settings.max_new_tokens)
        comp.prompt_tokens, comp.dropped_turns = len(ids), dropped
        comp.chunks = self._stream(ids, settings, comp, decision, cancel or threading.Event())
        return comp

    def _gen_kwargs(self, input_ids: torch.Tensor, attention_mask: torch.Tensor,
                    s: GenerationSettings, streamer: Any, stop: Any) -> dict[str, Any]:
        """``generate``'s arguments for one request or a batch (``stop``: cancel/budget
        criteria). The repetition penalty, sampling and overrides are the same for all rows."""
        from transformers import StoppingCriteriaList

        gen_kwargs: dict[str, Any] = dict(
            input_ids=input_ids, attention_mask=attention_mask,
            max_new_tokens=s.max_new_tokens, streamer=streamer,
            eos_token_id=self.stop_ids, pad_token_id=self.tok.pad_token_id,
            repetition_penalty=s.repetition_penalty,
            stopping_criteria=StoppingCriteriaList(
                [stop] + ([self._stop_string_criteria()] if self.stop_strings else [])),
        )
        if s.temperature >= 1e-3:  # a tinier one overflows the logits: greedy is the same
            gen_kwargs.update(do_sample=True, temperature=s.temperature, top_p=s.top_p,
                              top_k=s.top_k)
        else:
            gen_kwargs.update(do_sample=False, temperature=None, top_p=None, top_k=None)
        gen_kwargs.update(self.gen_overrides)
        return gen_kwargs

    def _run_one(self, req: Any) -> None:
        """Generate one request (a ``batching.Request``) into ``req.out``; on the caller's
        thread or the batcher's."""
        s, out = req.settings, req.out
        try:
            if s.seed is not None:
                torch.manual_seed(s.seed)
            if self.decoder is not None:
                out["ids"] = self.decoder.generate(
                    req.ids, s, self.stop_ids, req.streamer, req.cancel,
                    min_new_tokens=int(self.gen_overrides.get("min_new_tokens", 0)))
                return
            input_ids = torch.tensor([req.ids], device=self.model.device)  # (1, T)
            with torch.inference_mode():
                out["ids"] = self.model.generate(**self._gen_kwargs(
                    input_ids, torch.ones_like(input_ids), s, req.streamer, _Cancel(req.cancel)))
        except BaseException as e:  # surfaced in the consumer thread
            out["error"] = e
            req.streamer.end()

    def enable_batching(self, max_batch: int = 16) -> None:
        """Decode requests that wait at the same time together (a server with concurrent
        users); see ``mindtune.batching``."""
        from mindtune.batching import Batcher

        pad = self.tok.pad_token_id if self.tok.pad_token_id is not None else self.stop_ids[0]

        def batch_kwargs(reqs: list[Any], ids: torch.Tensor, mask: torch.Tensor, streamer: Any,
                         stop: Any) -> dict[str, Any]:
            s = reqs[0].settings  # equal sampling settings (Request.key)
            kw = self._gen_kwargs(ids, mask, s, streamer, stop)
            kw["max_new_tokens"] = max(r.settings.max_new_tokens for r in reqs)
            kw["pad_token_id"] = pad
            return kw

        self.batcher = Batcher(self.model, pad, self.stop_ids, self._run_one, batch_kwargs,
                               max_batch=max_batch)

    def _stream(self, ids: list[int], s: GenerationSettings, comp: Completion, decision: Any,
                cancel: threading.Event) -> Iterator[str]:
        from transformers import TextIteratorStreamer

        from mindtune.batching import Request

        streamer = TextIteratorStreamer(self.tok, skip_prompt=True, skip_special_tokens=True)
        req = Request(ids, s, streamer, cancel)
        out = req.out

        # one request at a time on the model (the lock), or through the batcher's worker
        with self.lock if self.batcher is None else contextlib.nullcontext():
            if self.batcher is None:
                thread = threading.Thread(target=self._run_one, args=(req,), daemon=True)
                thread.start()
                wait = thread.join
            else:
                wait = self.batcher.submit(req).done.wait
            shown = ""
            raw = ""
            text = ""
            hold = max((len(x) for x in self.stop_strings), default=0)
            internal = False  # stopped by the engine itself (stop string, safety), not the caller
            client_cancel = False
            try:
                for piece in streamer:
                    raw += piece
                    text = raw.lstrip()  # a reply never starts with blank lines
                    visible = _cut_at_stop(text, self.stop_strings)
                    if visible is not None:  # a fabricated next turn started: end here
                        internal = True
                        cancel.set()
                        text = visible
                    ready = text if visible is not None else text[: max(len(shown),
                                                                        len(text) - hold)]
                    # trailing whitespace waits for the next word: streamed == non-streamed text
                    ready = ready.rstrip()
                    if self.safety is not None:
                        check = self.safety.check_reply(ready, comp.meta.get("user", ""))
                        if not check.ok:
                            internal = True
                            cancel.set()
                            comp.finish_reason = "safety"
                            comp.meta["safety_reason"] = check.reason
                            yield ("\n\n" if shown else "") + check.replacement
                            return
                    if len(ready) > len(shown):
                        yield ready[len(shown):]
                        shown = ready
                    if visible is not None:
                        break
                client_cancel = cancel.is_set() and not internal
                tail = text.rstrip()
                if len(tail) > len(shown) and not cancel.is_set():
                    yield tail[len(shown):]
                    shown = tail
            finally:
                cancel.set()
                wait()
        if "error" in out:
            raise out["error"]
        n_new = int(out["ids"].shape[1] - len(ids)) if "ids" in out else 0
        comp.completion_tokens = n_new
        if not comp.finish_reason:
            if client_cancel:
                comp.finish_reason = "cancelled"
            else:
                comp.finish_reason = "length" if n_new >= s.max_new_tokens else "stop"
        if decision is not None and decision.label == "informational" and not client_cancel:
            extra = "\n\n" + self.safety.resources_text()
            yield extra

    def generate(self, messages: list[dict[str, str]], settings: GenerationSettings | None = None
                 ) -> Completion:
        comp = self.chat(messages, settings)
        comp.read()
        return comp


def _cut_at_stop(text: str, stops: list[str]) -> str | None:
    cut = min((text.find(s) for s in stops if s in text), default=-1)
    return text[:cut].rstrip() if cut >= 0 else None


# -- loading --------------------------------------------------------------------------------------
def is_run_dir(path: str | Path) -> bool:
    p = Path(path)
    return (p / "config.yaml").exists() and (p / "adapter").is_dir()


def load_engine(target: str | None = None, *, base_only: bool = False, device: str | None = None,
                locale: str = "US", safety: bool = True, cfg_overrides: list[str] | None = None,
                fast: bool = False) -> Engine:
    """An engine for a run dir (base + adapter as trained), a merged model dir, or the embedded
    default model (target None). `fast`: a run's adapter is merged into its dequantized base in
    memory and replies come from a StaticDecoder (static KV cache; on a GPU the decode step is
    autotuned and captured in a CUDA graph here, ~2 minutes for a 7B model, so the first request
    does not pay for it)."""
    from mindtune.config import load_config
    from mindtune.model import load_model

    layer = None
    if safety:  # before the model loads: a bad safety setting fails in a second, not minutes
        from mindtune.safety import SafetyLayer

        try:
            layer = SafetyLayer(locale=locale)
        except ValueError as exc:
            raise EngineError(f"safety layer: {exc}") from exc
    adapter = None
    if target is None:
        cfg = load_config("smollm2-135m-cpu", ["quant.load_in_4bit=false", *(cfg_overrides or [])])
        name = "smollm2-135m-instruct"
    elif is_run_dir(target):
        cfg = load_config(Path(target) / "config.yaml", cfg_overrides)
        adapter = None if base_only else Path(target) / "adapter"
        name = f"{Path(target).name}{'-base' if base_only else ''}"
    elif (Path(target) / "config.json").exists():
        meta = Path(target) / "mindtune.yaml"
        base = [f"model.source={target}", "model.init=pretrained", "quant.load_in_4bit=false"]
        cfg = load_config(meta if meta.exists() else None, base + list(cfg_overrides or []))
        name = Path(target).name
    else:
        raise EngineError(f"{target}: not a run directory (config.yaml + adapter/) or a model "
                          "directory (config.json)")
    model, tok = load_model(cfg, device=device)
    if fast and cfg.quant.load_in_4bit:  # one plain matmul per layer: no dequant, no LoRA branch
        from mindtune.merge import dequantize_linear4bit
        from mindtune.model import _dtype

        dequantize_linear4bit(model, _dtype(cfg.model.dtype))
    if adapter is not None:
        from peft import PeftModel

        model = PeftModel.from_pretrained(model, str(adapter))
        if fast:
            model = model.merge_and_unload()
    builder = PromptBuilder(tok, cfg.data.template, cfg.data.system_prompt)
    engine = Engine(model, tok, builder, safety=layer, name=name)
    if fast:
        from mindtune.decode import StaticDecoder

        engine.decoder = StaticDecoder(model, max_len=engine.context_tokens)
        engine.decoder.warmup(engine.builder.encode_prompt([{"role": "user", "content": "Hi"}]))
    return engine
