"""Across claims and documents: contradictions now; event linking and timelines in issue #8."""

from wirecoder.links.contradictions import find_contradictions

__all__ = ["find_contradictions"]
