"""The English classifier's encoder as a TorchScript graph, traced once at load and frozen.

Why: an eager forward pass of the encoder goes through about 110 Python-level module calls,
and under bfloat16 autocast it casts every weight matrix again on every call. On one core that
overhead is about a quarter of the encoder's time on a short message. Tracing records the same
operations once; freezing turns the weights (and, in bfloat16, their casts) into constants. The
graph runs the same kernels in the same order, so it returns the eager model's hidden states to
the bit (``tests/safety/test_safety_traced.py`` checks this on padded batches of every length up
to the encoder's limit).

``MINDTUNE_SAFETY_TRACE=1`` (the default) or ``0`` (the eager model); any other value is
refused. If tracing fails (an encoder that cannot be traced), the eager model is used, with one
warning: the classifier is never lost for the sake of speed.
"""

from __future__ import annotations

import warnings
from typing import Any

from .switches import on_unless_zero

TRACE_ENV = "MINDTUNE_SAFETY_TRACE"


def trace_setting() -> bool:
    """``MINDTUNE_SAFETY_TRACE``: unset or ``1`` = trace the encoder, ``0`` = eager."""
    return on_unless_zero(TRACE_ENV)


class TracedEncoder:
    """``(input_ids, attention_mask) -> last_hidden_state`` of ``net``, traced and frozen.

    The example it is traced on is a padded batch of two, so the graph records the attention
    mask being applied: a graph traced on one unpadded message could leave the mask out."""

    def __init__(self, net: Any, tokenizer: Any, bf16: bool) -> None:
        import torch

        class _Hidden(torch.nn.Module):  # the traced graph takes and returns plain tensors
            def __init__(self, inner: Any) -> None:
                super().__init__()
                self.inner = inner

            def forward(self, input_ids: Any, attention_mask: Any) -> Any:
                return self.inner(input_ids=input_ids, attention_mask=attention_mask
                                  ).last_hidden_state  # (B, T, H)

        self.bf16 = bf16
        feats = tokenizer(["a message of a few words to trace the encoder on", "hi"],
                          padding=True, return_tensors="pt")
        example = (feats["input_ids"], feats["attention_mask"])
        with warnings.catch_warnings(), torch.inference_mode(), self._autocast():
            warnings.simplefilter("ignore")  # TracerWarnings about Python-side branches
            graph = torch.jit.trace(_Hidden(net).eval(), example, check_trace=False,
                                    strict=False)
            # frozen only: torch.jit.optimize_for_inference was ~7% faster but changed padded
            # batches' hidden states (sixtieth round), so the graph would no longer be exact
            self._graph = torch.jit.freeze(graph)

    def _autocast(self) -> Any:
        import torch

        return torch.autocast("cpu", dtype=torch.bfloat16, enabled=self.bf16)

    def __call__(self, input_ids: Any, attention_mask: Any) -> Any:
        return self._graph(input_ids, attention_mask)

    @classmethod
    def build(cls, net: Any, tokenizer: Any, bf16: bool) -> TracedEncoder | None:
        """The traced encoder, or None (with one warning) when ``net`` cannot be traced."""
        try:
            return cls(net, tokenizer, bf16)
        except Exception as exc:  # noqa: BLE001 - any failure means "eager", never "no classifier"
            warnings.warn(f"mindtune.safety: encoder not traced, running it eager "
                          f"({type(exc).__name__}: {exc})", RuntimeWarning, stacklevel=2)
            return None
