"""Server settings: where the model comes from, where to listen, and the limits that keep one
process responsive (input sizes, queue length)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mindtune.engine import EngineError


class SettingsError(EngineError):
    """An impossible server setting (one line naming it; the CLI prints it without a trace)."""


@dataclass
class ServerSettings:
    target: str | None = None  # run dir, merged model dir, or None for the embedded model
    host: str = "127.0.0.1"
    port: int = 7860
    api_key: str | None = None  # Bearer key required on /v1 when set
    locale: str = "US"  # crisis resources for this country code
    log_conversations: Path | None = None  # JSONL of full conversations; off unless set
    fast: bool = False  # merged adapter + StaticDecoder (static KV cache, CUDA graphs on a GPU)
    # -- limits --------------------------------------------------------------------------------
    max_queue: int = 4  # requests waiting behind the one generating; more are answered 429
    max_messages: int = 64  # messages per request (history included)
    max_message_chars: int = 8_000  # characters per message
    max_total_chars: int = 32_000  # characters of all messages together
    max_tokens_limit: int = 1_024  # largest max_tokens a request may ask for
    default_max_tokens: int = 256  # reply length when a request does not say
    max_body_bytes: int = 1_000_000  # request body size on /v1
    compare: bool = True  # "compare" tab (base vs fine-tuned) when the target is a run
    web: bool = True  # the Gradio page at /; False: API only (no gradio import, e.g. a GPU box)
    max_batch: int = 1  # >1: requests waiting together are decoded in one batch (mindtune.batching)

    def __post_init__(self) -> None:
        if self.log_conversations is not None:
            self.log_conversations = Path(self.log_conversations)
        self.validate()

    def validate(self) -> ServerSettings:
        checks = [
            (0 < self.port < 65536 or self.port == 0, "port must be in [1, 65535] (0: any free)"),
            (self.max_queue >= 0, "max_queue must be >= 0"),
            (self.max_messages >= 1, "max_messages must be >= 1"),
            (self.max_message_chars >= 1, "max_message_chars must be >= 1"),
            (self.max_total_chars >= self.max_message_chars,
             "max_total_chars must be >= max_message_chars"),
            (1 <= self.max_tokens_limit <= 4096, "max_tokens_limit must be in [1, 4096]"),
            (1 <= self.default_max_tokens <= self.max_tokens_limit,
             "default_max_tokens must be in [1, max_tokens_limit]"),
            (self.max_body_bytes >= 1_000, "max_body_bytes must be >= 1000"),
            (1 <= self.max_batch <= 64, "max_batch must be in [1, 64]"),
        ]
        for ok, msg in checks:
            if not ok:
                raise SettingsError(msg)
        return self

    @property
    def max_in_flight(self) -> int:
        """Requests admitted at once: the one generating plus the waiting queue."""
        return 1 + self.max_queue
