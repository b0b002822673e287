"""wirecoder: war reporting into a sourced, dated, geolocated event record.

Library API:
    process_article(text_or_article, published=...) -> ArticleResult
    Pipeline, open_store(url)
"""

from __future__ import annotations

__version__ = "0.2.0"

from wirecoder.pipeline import Pipeline, process_article  # noqa: E402
from wirecoder.store import open_store  # noqa: E402

__all__ = ["Pipeline", "__version__", "open_store", "process_article"]
