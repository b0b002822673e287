"""What `wirecoder watch` keeps between polls, on both backends: feed validators, and each URL
with what came of fetching it."""

from __future__ import annotations

from wirecoder.store import open_store


def test_feed_validators_are_kept_and_not_lost_on_a_304(store_url: str) -> None:
    store = open_store(store_url)
    assert store.feed_validators("http://x/rss") == (None, None)
    store.save_feed_poll("http://x/rss", etag='"v1"', last_modified="Mon, 01 May 2023 00:00:00 GMT", status="ok", links=20)
    store.save_feed_poll("http://x/rss", etag=None, last_modified=None, status="not modified", links=None)
    assert store.feed_validators("http://x/rss") == ('"v1"', "Mon, 01 May 2023 00:00:00 GMT")
    store.close()


def test_fetched_urls_remember_their_outcome_and_attempts(store_url: str) -> None:
    store = open_store(store_url)
    store.record_fetch("http://x/a", status="stored", doc_id="d1")
    store.record_fetch("http://x/b", status="failed", error="timed out (20 s)")
    store.record_fetch("http://x/c", status="gone", error="HTTP 404 Not Found")
    assert store.retry_urls(3) == ["http://x/b"]
    store.record_fetch("http://x/b", status="failed", error="timed out (20 s)")
    store.record_fetch("http://x/b", status="failed", error="timed out (20 s)")
    assert store.retry_urls(3) == []  # three attempts: given up
    record = store.fetch_record(["http://x/a", "http://x/b", "http://x/c", "http://x/new"])
    assert record == {"http://x/a": ("stored", 1), "http://x/b": ("failed", 3), "http://x/c": ("gone", 1)}
    store.close()
