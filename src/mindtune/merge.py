"""Merge a run's LoRA adapter into its base model: a plain checkpoint any transformers can load.

    report = merge_run("runs/demo", "models/demo-merged")

QLoRA trains the adapter against the *dequantized 4-bit* base, not the original weights, so the
merge starts from exactly that: the base loaded as trained (4-bit), every bnb ``Linear4bit``
dequantized into an ``nn.Linear``, then the adapter merged. The output keeps the run's template and
end-of-turn ids (``generation_config.eos_token_id`` = the prompt builder's stop ids, tokenizer with
its chat template, ``mindtune.yaml``), is written atomically, and is verified before it appears:
greedy answers of the merged model must equal the adapter's.
"""

from __future__ import annotations

import copy
import gc
import json
import math
import os
from pathlib import Path
from typing import Any

import torch
from torch import nn

from mindtune.model import ModelError

DEFAULT_PROMPTS = (
    "I have been feeling anxious lately. What can I do?",
    "What is depression?",
    "How can I sleep better when I'm stressed?",
    "I feel lonely since I moved to a new city.",
)


class MergeError(ModelError):
    """The merge cannot be done or its result does not answer like the adapter (one line)."""


def dequantize_linear4bit(model: nn.Module, dtype: torch.dtype) -> int:
    """Replace every bitsandbytes ``Linear4bit`` by an ``nn.Linear`` holding its dequantized
    weight (what the 4-bit layer computes with) and drop the model's quantization markers (it
    saves and loads as a plain model from then on); returns how many were replaced."""
    try:
        import bitsandbytes as bnb
        from bitsandbytes.functional import dequantize_4bit
    except ImportError:
        return 0
    targets = [(name, m) for name, m in model.named_modules() if isinstance(m, bnb.nn.Linear4bit)]
    for name, m in targets:
        weight = dequantize_4bit(m.weight.data, m.weight.quant_state).to(dtype)
        lin = nn.Linear(m.in_features, m.out_features, bias=m.bias is not None,
                        device=weight.device, dtype=dtype)
        with torch.no_grad():
            lin.weight.copy_(weight.reshape(m.out_features, m.in_features))
            if m.bias is not None:
                lin.bias.copy_(m.bias.data.to(dtype))
        lin.requires_grad_(False)
        parent_name, _, child = name.rpartition(".")
        parent = model.get_submodule(parent_name) if parent_name else model
        setattr(parent, child, lin)
    if targets:
        _forget_quantization(model)
    return len(targets)


def _forget_quantization(model: Any) -> None:
    """A dequantized model must save as a plain checkpoint, not as a bnb one."""
    cfg = model.config
    if hasattr(cfg, "quantization_config"):
        delattr(cfg, "quantization_config")
    for attr in ("hf_quantizer", "quantization_method"):
        if hasattr(model, attr):
            setattr(model, attr, None)
    for attr in ("is_quantized", "is_loaded_in_4bit", "is_loaded_in_8bit"):
        if hasattr(model, attr):
            try:
                setattr(model, attr, False)
            except AttributeError:  # read-only property
                pass


def _probe(model: Any, builder: Any, prompts: list[str], max_new_tokens: int,
           stop_ids: list[int]) -> list[dict[str, Any]]:
    """Greedy answer ids and last-position logits for each prompt (no safety layer: this
    compares models, not policies)."""
    pad = builder.tok.pad_token_id
    results = []
    for p in prompts:
        ids = builder.encode_prompt([{"role": "user", "content": p}])
        x = torch.tensor([ids], device=model.device)
        with torch.inference_mode():
            logits = model(input_ids=x).logits[0, -1].float().cpu()
            out = model.generate(input_ids=x, attention_mask=torch.ones_like(x),
                                 max_new_tokens=max_new_tokens, do_sample=False,
                                 temperature=None, top_p=None, top_k=None,
                                 eos_token_id=stop_ids, pad_token_id=pad)
        results.append({"ids": out[0, len(ids):].tolist(), "logits": logits})
    return results


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _prompts_from_run(run: Path, n: int) -> list[str]:
    path = run / "eval_split.jsonl"
    found: list[str] = []
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                msgs = json.loads(line)["messages"]
            except (ValueError, KeyError, TypeError):
                continue
            first = next((m["content"] for m in msgs if m.get("role") == "user"), None)
            if first:
                found.append(first)
            if len(found) >= n:
                break
    return found


def merge_run(run: str | Path, out: str | Path, *, prompts: list[str] | None = None,
              n_prompts: int = 4, max_new_tokens: int = 24, min_match: float = 0.75,
              device: str | None = None) -> dict[str, Any]:
    """Merge ``run``'s adapter into its dequantized base and write the model to ``out``.

    Raises MergeError when ``out`` already exists or when fewer than ``min_match`` of the
    checked prompts get the same greedy answer from the merged model as from the adapter
    (then nothing is written). Returns ``{"out", "prompts_checked", "greedy_match", ...}``.
    """
    from peft import PeftModel

    from mindtune.config import load_config, save_config
    from mindtune.engine import is_run_dir, load_engine
    from mindtune.model import _atomic_dir, _dtype, disable_cpu_inference_repack, load_model
    from mindtune.prompt import PromptBuilder

    run, out = Path(run), Path(out)
    if not is_run_dir(run):
        raise MergeError(f"{run}: not a run directory (needs config.yaml and adapter/)")
    if out.exists():
        if not out.is_dir() or any(out.iterdir()):
            raise MergeError(f"{out} already exists; remove it or choose another --out")
        out.rmdir()  # empty: _atomic_dir renames into place
    cfg = load_config(run / "config.yaml")
    prompts = list(prompts or _prompts_from_run(run, n_prompts) or DEFAULT_PROMPTS[:n_prompts])

    # 1. the base exactly as trained (4-bit when the run was QLoRA) + adapter: the reference
    model, tok = load_model(cfg, device=device)
    disable_cpu_inference_repack(model)  # keep the packed 4-bit weights dequantizable
    builder = PromptBuilder(tok, cfg.data.template, cfg.data.system_prompt)
    stop_ids = builder.stop_ids
    adapted = PeftModel.from_pretrained(model, str(run / "adapter")).eval()
    reference = _probe(adapted, builder, prompts, max_new_tokens, stop_ids)

    # 2. dequantize the very same 4-bit weights, then merge the adapter into them
    base = adapted.unload()
    n_dequantized = dequantize_linear4bit(base, _dtype(cfg.model.dtype))
    merged = PeftModel.from_pretrained(base, str(run / "adapter")).merge_and_unload().eval()
    merged.generation_config.eos_token_id = list(stop_ids)
    merged.generation_config.pad_token_id = tok.pad_token_id

    meta = copy.deepcopy(cfg)
    out_abs = out.resolve()
    meta.model.source, meta.model.init, meta.model.arch = str(out_abs), "pretrained", None
    meta.model.tokenizer = None
    meta.quant.load_in_4bit = False

    with _atomic_dir(out_abs) as tmp:
        merged.save_pretrained(tmp)
        tok.save_pretrained(tmp)
        save_config(meta, tmp / "mindtune.yaml")
        del merged, base, adapted, model
        gc.collect()

        # 3. verify the checkpoint as users will load it: load_engine on the written files
        engine = load_engine(str(tmp), safety=False, device=device)
        check = _probe(engine.model, engine.builder, prompts, max_new_tokens, stop_ids)
        matches = sum(a["ids"] == b["ids"] for a, b in zip(reference, check, strict=True))
        max_diff = max(float((a["logits"] - b["logits"]).abs().max())
                       for a, b in zip(reference, check, strict=True))
        needed = math.ceil(min_match * len(prompts))
        if matches < needed:
            raise MergeError(f"merged model gives the adapter's greedy answer on only {matches} "
                             f"of {len(prompts)} prompts (need {needed}; max logit difference "
                             f"{max_diff:.4g}); nothing was written")
        del engine
        os.chmod(tmp, 0o777 & ~_umask())  # mkdtemp made it owner-only; a model dir is not secret
    return {"out": str(out), "prompts_checked": len(prompts), "greedy_match": matches,
            "max_logit_diff": float(f"{max_diff:.3g}"), "dequantized_layers": n_dequantized,
            "eos_token_id": list(stop_ids), "template": cfg.data.template}
