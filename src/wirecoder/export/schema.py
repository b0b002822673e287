"""JSON Schema of the JSONL contract, derived from the record models (`wirecoder schema`)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from wirecoder.records import (
    Claim,
    Contradiction,
    Event,
    PlaceMention,
    Provenance,
    Quantity,
    TimeExpression,
)

_ITEMS: dict[str, type[BaseModel]] = {
    "time": TimeExpression,
    "place": PlaceMention,
    "claim": Claim,
    "quantity": Quantity,
    "event": Event,
}

_DOCUMENT = {
    "type": "object",
    "properties": {
        "kind": {"const": "document"},
        "doc_id": {"type": "string"},
        "path": {"type": "string"},
        "published": {"type": ["string", "null"], "format": "date"},
        "published_from": {"enum": ["option", "header", "metadata", "filename", None]},
        "title": {"type": ["string", "null"]},
    },
    "required": ["kind", "doc_id", "path", "published", "published_from", "title"],
}


def contract_schema() -> dict[str, Any]:
    """One JSON Schema (draft 2020-12) covering every kind of JSONL contract row."""
    defs: dict[str, Any] = {}
    variants: list[dict[str, Any]] = [_DOCUMENT]
    prov = Provenance.model_json_schema()
    for kind, model in _ITEMS.items():
        schema = model.model_json_schema(ref_template="#/$defs/{model}")
        defs.update(schema.pop("$defs", {}))
        props = dict(schema["properties"])
        props.pop("prov")
        props = {"kind": {"const": kind}, **prov["properties"], **props}
        required = ["kind", *prov["required"], *[r for r in schema.get("required", []) if r != "prov"]]
        variants.append({"type": "object", "properties": props, "required": required})
    cschema = Contradiction.model_json_schema(ref_template="#/$defs/{model}")
    defs.update(cschema.pop("$defs", {}))
    variants.append(
        {
            "type": "object",
            "properties": {"kind": {"const": "contradiction"}, **cschema["properties"]},
            "required": ["kind", *cschema.get("required", [])],
        }
    )
    defs.pop("Provenance", None)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "wirecoder JSONL contract row",
        "oneOf": variants,
        "$defs": defs,
    }
