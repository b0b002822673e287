"""Score records shared by the scorers."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, computed_field


class KindScore(BaseModel):
    """True/false positives and negatives for one kind of item, with what missed and what matched nothing."""

    model_config = ConfigDict(extra="forbid")

    kind: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    missed: list[str] = []
    unmatched: list[str] = []
    notes: list[str] = []

    @computed_field  # type: ignore[prop-decorator]
    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self) -> str:
        return (
            f"{self.kind:<15} P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}"
            f"   (tp {self.tp}, fp {self.fp}, fn {self.fn})"
        )
