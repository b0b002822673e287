"""wirecoder: war reporting into a sourced, dated, geolocated event record.

Library API:
    process_article(text_or_article, published=...) -> ArticleResult
    Pipeline, open_store(url)

The names are imported when first used (PEP 562), so `import wirecoder` and `wirecoder --help`
do not load spaCy or the store.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"

__all__ = ["Pipeline", "__version__", "open_store", "process_article"]

if TYPE_CHECKING:
    from wirecoder.pipeline import Pipeline, process_article
    from wirecoder.store import open_store


def __getattr__(name: str) -> Any:
    if name in ("Pipeline", "process_article"):
        from wirecoder import pipeline

        return getattr(pipeline, name)
    if name == "open_store":
        from wirecoder.store import open_store

        return open_store
    raise AttributeError(f"module 'wirecoder' has no attribute {name!r}")
