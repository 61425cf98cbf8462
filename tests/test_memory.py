"""Memory on a big input (issue 12 item 14): peak allocation stays under 100 times the input size.

Counted with tracemalloc (Python allocations, deterministic for a given input), not timed.
"""

from __future__ import annotations

import tracemalloc

import newsmodel


def test_peak_memory_is_under_100_times_the_input(seed_text: str) -> None:
    text = "\n\n".join([seed_text] * 25)  # about 50 KB of real copy: every stage has work to do
    newsmodel.parse("Rules loaded and patterns compiled before counting.")
    tracemalloc.start()
    try:
        article = newsmodel.parse(text, published="2017-04-09")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(article.statements) >= 25 * 6
    assert peak < 100 * len(text), f"peak {peak / len(text):.0f} times the input"
