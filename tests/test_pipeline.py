from __future__ import annotations

import pytest

from newsparse.document import Document
from newsparse.pipeline import DEFAULT_ORDER, REGISTRY, Pipeline, PipelineOrderError, Stage, default_pipeline


def test_default_order_is_valid_and_every_stage_declares_fields() -> None:
    pipe = default_pipeline()
    assert [s.name for s in pipe.stages] == list(DEFAULT_ORDER)
    for st in pipe.stages:
        assert st.assigns, f"{st.name} writes nothing"


def test_pipeline_refuses_a_stage_before_what_it_reads() -> None:
    default_pipeline()
    with pytest.raises(PipelineOrderError, match="quotes"):
        Pipeline([REGISTRY["normalize"], REGISTRY["quotes"]])


def test_unknown_stage_is_named() -> None:
    with pytest.raises(KeyError, match="nope"):
        Pipeline.from_names(["normalize", "nope"])


def test_stages_record_timings() -> None:
    doc = default_pipeline()(Document(text="Title\n\nBody line one.\n"))
    assert set(doc.timings) == set(DEFAULT_ORDER)


def test_custom_stage_can_run_after_defaults() -> None:
    seen: list[int] = []
    extra = Stage("count", lambda d: seen.append(len(d.body)), frozenset({"body"}), frozenset({"count"}))
    pipe = Pipeline([*default_pipeline().stages, extra])
    pipe(Document(text="Title\n\nOne.\n\nTwo.\n"))
    assert seen == [2]
