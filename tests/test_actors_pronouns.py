"""Pronouns and their antecedents: the window of mentions a pronoun reads (its sentence, then the
two before for he and she), the first compatible actor in text order, and resolved pronouns
joining the candidates of the next ones."""

from __future__ import annotations

import newsmodel
from newsmodel import Article, MentionKind


def pronouns_of(article: Article) -> dict[str, list[str]]:
    """Each actor's name and the pronouns that refer to it, in text order."""
    return {
        a.name: [m.span.text for m in a.mentions if m.kind is MentionKind.PRONOUN] for a in article.actors
    }


def test_he_takes_the_first_person_of_the_sentence_before() -> None:
    found = pronouns_of(newsmodel.parse("Zorvan Kelmeth and Tarik Obenwe met on Monday. Later he left."))
    assert found["Zorvan Kelmeth"] == ["he"]
    assert found["Tarik Obenwe"] == []


def test_a_pronoun_resolved_before_tells_the_gender_of_its_actor() -> None:
    # "she" makes Mara Obenwe a woman, so "he" skips her for the person of the sentence before.
    article = newsmodel.parse(
        "Zorvan Kelmeth met reporters. Mara Obenwe arrived on Monday and she said he had left."
    )
    found = pronouns_of(article)
    assert found["Mara Obenwe"] == ["she"]
    assert found["Zorvan Kelmeth"] == ["he"]


def test_he_looks_back_two_sentences_and_no_further() -> None:
    two = "Zorvan Kelmeth spoke. The rain fell. He left."
    three = "Zorvan Kelmeth spoke. The rain fell. The wind rose. He left."
    assert pronouns_of(newsmodel.parse(two))["Zorvan Kelmeth"] == ["He"]
    assert pronouns_of(newsmodel.parse(three))["Zorvan Kelmeth"] == []


def test_it_needs_a_single_organisation_before_it_in_its_sentence() -> None:
    one = newsmodel.parse("Zorland Airways said on Monday that it would sue Kelmeth Bank.")
    assert pronouns_of(one) == {"Zorland Airways": ["it"], "Kelmeth Bank": []}
    two = newsmodel.parse("Zorland Airways told Kelmeth Bank on Monday that it would sue.")
    assert pronouns_of(two) == {"Zorland Airways": [], "Kelmeth Bank": []}


def test_it_said_again_joins_no_second_organisation() -> None:
    # The first "it" links to the only organisation; the second, in a sentence with the same
    # organisation named again, still has one actor to refer to.
    article = newsmodel.parse("Zorland Airways said it would sue. Zorland Airways said it would win.")
    assert pronouns_of(article) == {"Zorland Airways": ["it", "it"]}
