"""The HTTP API and the web page of `wirecoder serve` (FastAPI), thin over the library."""

from wirecoder.api.app import create_app

__all__ = ["create_app"]
