"""Stages and the pipeline that runs them in order.

A stage is a plain function over a :class:`~newsparse.document.Document`, registered by name with the
fields it reads (``requires``) and the fields it writes (``assigns``). Building a :class:`Pipeline`
checks that every field a stage reads was written by an earlier stage (or is given with the input),
so the order of stages is checked, not remembered.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from . import rx
from .document import Document

# Fields a fresh Document carries before any stage runs.
INPUT_FIELDS = frozenset({"text", "reference_date_given"})

StageFunc = Callable[[Document], None]


@dataclass(frozen=True)
class Stage:
    name: str
    func: StageFunc
    requires: frozenset[str]
    assigns: frozenset[str]

    def __call__(self, doc: Document) -> None:
        self.func(doc)


REGISTRY: dict[str, Stage] = {}


def stage(name: str, *, requires: Iterable[str] = (), assigns: Iterable[str] = ()) -> Callable[[StageFunc], StageFunc]:
    """Register ``func`` as the stage ``name``; the function stays callable as it was."""

    def register(func: StageFunc) -> StageFunc:
        REGISTRY[name] = Stage(name, func, frozenset(requires), frozenset(assigns))
        return func

    return register


class PipelineOrderError(ValueError):
    """A stage reads a field that no earlier stage writes."""


class Pipeline:
    """An ordered, checked sequence of stages."""

    def __init__(self, stages: Sequence[Stage]) -> None:
        available = set(INPUT_FIELDS)
        for st in stages:
            missing = st.requires - available
            if missing:
                raise PipelineOrderError(
                    f"stage {st.name!r} reads {sorted(missing)} but no earlier stage writes them"
                )
            available |= st.assigns
        self.stages = tuple(stages)

    @classmethod
    def from_names(cls, names: Iterable[str]) -> Pipeline:
        _load_stages()
        unknown = [n for n in names if n not in REGISTRY]
        if unknown:
            raise KeyError(f"unknown stage(s): {', '.join(unknown)}; known: {', '.join(sorted(REGISTRY))}")
        return cls([REGISTRY[n] for n in names])

    def __call__(self, doc: Document) -> Document:
        for st in self.stages:
            rx.check_deadline()
            t0 = time.perf_counter()
            st(doc)
            doc.timings[st.name] = doc.timings.get(st.name, 0.0) + time.perf_counter() - t0
        return doc


DEFAULT_ORDER = ("normalize", "boilerplate", "header", "authors", "body", "dates", "quotes")


def _load_stages() -> None:
    """Import the stage modules so that their ``@stage`` decorators register them."""
    from .stages import authors, body, boilerplate, dates, header, normalize, quotes  # noqa: F401


_default: Pipeline | None = None


def default_pipeline() -> Pipeline:
    global _default
    if _default is None:
        _default = Pipeline.from_names(DEFAULT_ORDER)
    return _default
