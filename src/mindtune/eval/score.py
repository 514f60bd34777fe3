"""Score one model (base or fine-tuned) on eval items: teacher-forced loss and generated answers.

Both models go through ``load_engine`` (the one generation engine) with the safety layer off, the
engine's stop strings off and special tokens kept when decoding, so the run-on check sees the raw
answer: a fabricated ``<HUMAN>:`` turn stays in the text, and a chat template's turn-start token
(``<|im_start|>``, where the engine stops) is not silently dropped. The answer that is shown and
scored is that raw text with special tokens removed.
"""

from __future__ import annotations

import gc
import math
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import torch
import torch.nn.functional as F
from tqdm import tqdm

from mindtune.engine import Engine, GenerationSettings, load_engine
from mindtune.eval import metrics as M
from mindtune.eval.questions import Item
from mindtune.prompt import IGNORE

MAX_NEW_TOKENS = 200


def eval_settings(seed: int, max_new_tokens: int = MAX_NEW_TOKENS) -> GenerationSettings:
    """Greedy decoding (deterministic), no repetition penalty (so repetition is the model's
    own), at most ``max_new_tokens`` new tokens."""
    return GenerationSettings(temperature=0.0, repetition_penalty=1.0,
                              max_new_tokens=max_new_tokens, seed=seed).validate()


@dataclass
class Answer:
    text: str  # the answer, special tokens removed
    tokens: int  # new tokens generated (the end-of-turn token included)
    finish_reason: str  # stop | length
    seconds: float
    runon: bool  # the raw answer holds a fabricated-turn marker
    similarity: float = math.nan
    rouge_l: float = math.nan

    @classmethod
    def from_raw(cls, raw: str, tokens: int, finish_reason: str, seconds: float,
                 special_tokens: Iterable[str] = ()) -> Answer:
        text = raw
        for t in sorted(special_tokens, key=len, reverse=True):
            text = text.replace(t, "")
        return cls(text.strip(), tokens, finish_reason, seconds, M.is_runon(raw))

    @property
    def words(self) -> int:
        return M.word_count(self.text)

    @property
    def repetition(self) -> float:
        return M.repetition_rate(self.text)

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "words": self.words, "repetition": self.repetition}


@dataclass
class ModelScore:
    name: str
    eval_loss: float
    loss_tokens: int  # assistant tokens the loss is averaged over
    answers: list[Answer] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        a = self.answers
        gen_s = sum(x.seconds for x in a)
        return {
            "eval_loss": self.eval_loss,
            "perplexity": M.perplexity(self.eval_loss),
            "similarity": M.mean(x.similarity for x in a),
            "rouge_l": M.mean(x.rouge_l for x in a),
            "runon_rate": M.mean(float(x.runon) for x in a),
            "repetition_rate": M.mean(x.repetition for x in a),
            "tokens_per_s": sum(x.tokens for x in a) / gen_s if gen_s > 0 else math.nan,
            "answer_tokens": M.mean(x.tokens for x in a),
            "answer_words": M.mean(x.words for x in a),
            "length_stops": M.mean(float(x.finish_reason == "length") for x in a),
            "loss_tokens": self.loss_tokens,
            "generation_s": gen_s,
        }


class _KeepSpecialTokens:
    """The engine's tokenizer, except that decoding keeps special tokens (``<|im_start|>``)."""

    def __init__(self, tok: Any):
        self._tok = tok

    def __getattr__(self, name: str) -> Any:
        return getattr(self._tok, name)

    def decode(self, *args: Any, **kwargs: Any) -> str:
        kwargs["skip_special_tokens"] = False
        return self._tok.decode(*args, **kwargs)


def open_engine(run: str | Path, base_only: bool) -> Engine:
    """The run's engine (base_only: without the adapter) set up for raw answers."""
    engine = load_engine(str(run), base_only=base_only, safety=False)
    engine.stop_strings = []  # keep a fabricated next turn in the text
    engine.tok = _KeepSpecialTokens(engine.tok)
    return engine


def assistant_loss(engine: Engine, items: list[Item], progress: bool = True
                   ) -> tuple[float, int]:
    """Token-weighted mean cross-entropy over every assistant token of the items' conversations,
    teacher-forced through the run's template (``PromptBuilder.encode_example``)."""
    total, n_tok = 0.0, 0
    device = engine.model.device
    for it in tqdm(items, desc=f"loss {engine.name}", unit="conv", disable=not progress):
        enc = engine.builder.encode_example(it.conversation, train_on="assistant")
        ids = torch.tensor([enc["input_ids"][: engine.context_tokens]], device=device)
        labels = torch.tensor(enc["labels"][: engine.context_tokens], device=device)
        with torch.inference_mode():
            logits = engine.model(input_ids=ids, attention_mask=torch.ones_like(ids)).logits
        target = labels[1:]
        total += F.cross_entropy(logits[0, :-1].float(), target, ignore_index=IGNORE,
                                 reduction="sum").item()
        n_tok += int((target != IGNORE).sum())
    return (total / n_tok if n_tok else math.nan), n_tok


def generate_answers(engine: Engine, items: list[Item], settings: GenerationSettings,
                     progress: bool = True) -> list[Answer]:
    out: list[Answer] = []
    special = getattr(engine.tok, "all_special_tokens", [])
    for it in tqdm(items, desc=f"answers {engine.name}", unit="q", disable=not progress):
        t0 = time.perf_counter()
        comp = engine.generate(it.prompt, settings)
        dt = time.perf_counter() - t0
        out.append(Answer.from_raw(comp.text, comp.completion_tokens, comp.finish_reason, dt,
                                   special))
    return out


def score_model(run: str | Path, base_only: bool, items: list[Item],
                settings: GenerationSettings, progress: bool = True,
                with_loss: bool = True) -> ModelScore:
    """Load one model, take its loss and answers, and free it again."""
    engine = open_engine(run, base_only)
    try:
        if settings.seed is not None:
            torch.manual_seed(settings.seed)
        loss, n_tok = assistant_loss(engine, items, progress) if with_loss else (math.nan, 0)
        answers = generate_answers(engine, items, settings, progress)
        return ModelScore(engine.name, loss, n_tok, answers)
    finally:
        del engine
        gc.collect()
        if torch.cuda.is_available():
            torch.cuda.empty_cache()
