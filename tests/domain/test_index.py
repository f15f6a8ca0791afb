"""The packaged index is the compiled form of the current knowledge files."""

from __future__ import annotations

from knotwork.domain import index


def test_compiled_index_is_in_step_with_kb_data() -> None:
    with open(index.INDEX_FILE, encoding="utf-8") as f:
        shipped = f.read()
    assert shipped == index.compiled_text(), "run `make kb` after editing kb/data"
