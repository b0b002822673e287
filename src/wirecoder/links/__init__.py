"""Across claims and documents: contradictions, cross-document event linking, timelines."""

from wirecoder.links.contradictions import claim_from_row, find_contradictions, find_cross_contradictions

__all__ = ["claim_from_row", "find_contradictions", "find_cross_contradictions"]
