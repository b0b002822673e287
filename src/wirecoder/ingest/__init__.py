"""Read articles (text, JSON/JSONL, HTML, directories, stdin) into Article records."""

from wirecoder.ingest._headers import parse_date
from wirecoder.ingest.readers import InputResult, doc_id_for, read_inputs, read_record, read_text

__all__ = ["InputResult", "doc_id_for", "parse_date", "read_inputs", "read_record", "read_text"]
