"""Where results are kept: an embedded SQLite file by default, PostgreSQL by URL."""

from wirecoder.config import db_url
from wirecoder.store.base import EventQuery, SaveOutcome, Store
from wirecoder.store.sql import SqlStore


def open_store(url: str = "sqlite:///wirecoder.db") -> SqlStore:
    """Open (creating or upgrading the schema if needed) the store at a URL or SQLite file path.

    Example:
        >>> store = open_store("results.db")
    Raises:
        StoreError: the database cannot be opened or migrated.
    """
    return SqlStore(db_url(url))


__all__ = ["EventQuery", "SaveOutcome", "SqlStore", "Store", "open_store"]
