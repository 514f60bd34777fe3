"""The one prompt builder: training, chat, web, API and eval all encode conversations here.

A template that differs between training and inference is the most common cause of bad fine-tuned
answers, so both sides call the same ``segments`` function and tokenize segment by segment: the
ids a model was trained on are exactly the ids it is prompted with.

Templates:
- ``seed``: the reference format ``<HUMAN>: q\\n<ASSISTANT>: a`` plus an EOS after every answer, so
  the model learns to stop instead of writing the next ``<HUMAN>:`` turn itself.
- ``chat``: the tokenizer's own chat template (its end-of-turn token ends every answer).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

HUMAN, ASSISTANT = "<HUMAN>:", "<ASSISTANT>:"
END_OF_TURN_TOKENS = ("<|im_end|>", "<|eot_id|>", "<|end|>", "<end_of_turn>", "<|endoftext|>")
IGNORE = -100  # label value the loss skips


class PromptError(ValueError):
    """A conversation that cannot be encoded (names the reason; callers add the row)."""


@dataclass
class Segment:
    text: str
    trainable: bool  # part of an assistant answer: carries loss when train_on=assistant
    eos: bool = False  # append the EOS id after this segment's tokens


Messages = Sequence[dict[str, str]]


class PromptBuilder:
    def __init__(self, tokenizer: Any, template: str = "chat", system_prompt: str | None = None):
        if template == "chat" and not getattr(tokenizer, "chat_template", None):
            raise PromptError("data.template=chat but the tokenizer has no chat template; use seed")
        if template not in ("chat", "seed"):
            raise PromptError(f"unknown template {template!r} (allowed: chat, seed)")
        self.tok = tokenizer
        self.template = template
        self.system_prompt = system_prompt
        self.stop_ids = self._stop_ids()

    # -- segments -------------------------------------------------------------------------------
    def _with_system(self, messages: Messages) -> list[dict[str, str]]:
        msgs = [dict(m) for m in messages]
        if self.system_prompt and not (msgs and msgs[0]["role"] == "system"):
            msgs.insert(0, {"role": "system", "content": self.system_prompt})
        return msgs

    def segments(self, messages: Messages, add_generation_prompt: bool) -> list[Segment]:
        msgs = self._with_system(messages)
        if self.template == "seed":
            return self._seed_segments(msgs, add_generation_prompt)
        return self._chat_segments(msgs, add_generation_prompt)

    def _seed_segments(self, msgs: list[dict[str, str]], gen: bool) -> list[Segment]:
        segs: list[Segment] = []
        for m in msgs:
            if m["role"] == "system":
                segs.append(Segment(m["content"].strip() + "\n", False))
            elif m["role"] == "user":
                segs.append(Segment(f"{HUMAN} {m['content'].strip()}\n{ASSISTANT}", False))
            else:
                segs.append(Segment(" " + m["content"].strip(), True, eos=True))
                segs.append(Segment("\n", False))
        if not gen and segs and segs[-1].text == "\n":
            segs.pop()  # nothing follows the last answer's EOS
        return segs

    def _chat_segments(self, msgs: list[dict[str, str]], gen: bool) -> list[Segment]:
        render = self.tok.apply_chat_template
        segs: list[Segment] = []
        done = ""
        for i, m in enumerate(msgs):
            if m["role"] == "assistant":
                prefix = render(msgs[:i], tokenize=False, add_generation_prompt=True)
                full = render(msgs[: i + 1], tokenize=False)
                if not (prefix.startswith(done) and full.startswith(prefix)):
                    raise PromptError("chat template does not render turns incrementally")
                segs.append(Segment(prefix[len(done):], False))
                answer = full[len(prefix):]
                has_eot = any(t in answer for t in END_OF_TURN_TOKENS + (self.tok.eos_token,))
                body = answer.rstrip("\n")
                segs.append(Segment(body, True, eos=not has_eot))
                if answer[len(body):]:
                    segs.append(Segment(answer[len(body):], False))
                done = full
        if gen or not msgs or msgs[-1]["role"] != "assistant":
            tail = render(msgs, tokenize=False, add_generation_prompt=gen)
            if not tail.startswith(done):
                raise PromptError("chat template does not render turns incrementally")
            if tail[len(done):]:
                segs.append(Segment(tail[len(done):], False))
        return segs

    # -- tokens ---------------------------------------------------------------------------------
    def _encode_segments(self, segs: list[Segment]) -> tuple[list[int], list[bool]]:
        ids: list[int] = []
        train: list[bool] = []
        bos = getattr(self.tok, "bos_token_id", None)
        if bos is not None and getattr(self.tok, "add_bos_token", False):
            ids.append(bos)
            train.append(False)
        for s in segs:
            piece = self.tok(s.text, add_special_tokens=False)["input_ids"] if s.text else []
            if s.eos:
                piece = piece + [self.tok.eos_token_id]
            ids += piece
            train += [s.trainable] * len(piece)
        return ids, train

    def encode_example(
        self, messages: Messages, train_on: str = "assistant", max_length: int | None = None
    ) -> dict[str, list[int]]:
        """Token ids and labels for one training conversation (ends with an assistant turn)."""
        if not messages or messages[-1]["role"] != "assistant":
            raise PromptError("conversation does not end with an assistant answer")
        ids, train = self._encode_segments(self.segments(messages, add_generation_prompt=False))
        if max_length is not None and len(ids) > max_length:
            raise PromptError(f"{len(ids)} tokens, over data.max_length={max_length}")
        if train_on == "all":
            labels = list(ids)
        else:
            labels = [i if t else IGNORE for i, t in zip(ids, train, strict=True)]
        if all(lab == IGNORE for lab in labels):
            raise PromptError("no assistant tokens to train on (assistant marker not found)")
        return {"input_ids": ids, "attention_mask": [1] * len(ids), "labels": labels}

    def encode_prompt(self, messages: Messages) -> list[int]:
        """Token ids of a conversation followed by the start of the assistant's answer."""
        ids, _ = self._encode_segments(self.segments(messages, add_generation_prompt=True))
        return ids

    def render(self, messages: Messages, add_generation_prompt: bool = True) -> str:
        return "".join(s.text + (self.tok.eos_token if s.eos else "")
                       for s in self.segments(messages, add_generation_prompt))

    def _stop_ids(self) -> list[int]:
        stops = {self.tok.eos_token_id} if self.tok.eos_token_id is not None else set()
        vocab = self.tok.get_vocab()
        if self.template == "chat":
            stops |= {vocab[t] for t in END_OF_TURN_TOKENS[:4] if t in vocab}
        return sorted(stops)
