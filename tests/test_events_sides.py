"""Issue 14, wave 3: event sides (places standing for countries, a source's seat)."""

from __future__ import annotations

import newsmodel
from newsmodel import Event


def events(text: str) -> list[Event]:
    return list(newsmodel.parse(text, published="2020-03-04").events)


def roles(e: Event) -> tuple[str, list[str], list[str]]:
    return e.kind.name, [a.name for a in e.sources], [a.name for a in e.targets]


def by_trigger(got: list[Event], word: str) -> Event:
    return next(e for e in got if e.trigger.text == word)


def test_a_city_as_target_is_its_country_when_the_article_names_it() -> None:
    got = events(
        "Kenya and Japan signed a fisheries pact last year. "
        "President Mark Dolan of Ireland visited Nairobi on Monday."
    )
    e = by_trigger(got, "visited")
    assert e.kind.name == "CONSULT"
    assert [a.name for a in e.targets] == ["Kenya"]


def test_a_city_stays_the_target_when_its_country_is_the_source() -> None:
    # (not "Kenya's army": that is the Kenyan army, a body, as "the Kenyan army" is)
    got = events("Kenya and Japan signed a pact. Kenya shelled Mombasa on Monday.")
    e = by_trigger(got, "shelled")
    assert all(a.name != "Kenya" for a in e.targets)


def test_the_seat_of_the_source_is_not_the_target() -> None:
    # "in Lisbon" says where the embassy is, not what it rejected.
    got = events("The Brazilian Embassy in Lisbon has rejected any suggestion of meddling.")
    e = by_trigger(got, "rejected")
    assert e.kind.name == "REJECT"
    assert [a.name for a in e.targets] == []


def test_a_gerund_after_a_subordinator_shares_the_main_subject() -> None:
    got = events("Prime Minister Lena Holm returned to Oslo on Friday after visiting Austria.")
    e = by_trigger(got, "visiting")
    assert roles(e) == ("CONSULT", ["Lena Holm"], ["Austria"])


def test_a_name_after_a_title_with_a_preposition_is_the_subject() -> None:
    # "to" governs "the European Union", the title's complement, not the name after it.
    got = events("Envoy to the European Union Marta Ruiz met Chinese officials after visiting Peru.")
    e = by_trigger(got, "visiting")
    assert [a.name for a in e.sources] == ["Marta Ruiz"]


def test_a_purpose_clause_after_a_verb_holds_no_target_of_it() -> None:
    # "to examine a Chilean proposal": Chile is no party to the talks.
    got = events("Bolivia and Peru negotiated for hours to examine a Chilean proposal.")
    e = by_trigger(got, "negotiated")
    assert e.kind.name == "CONSULT"
    assert all(a.country != "CHL" for a in e.targets)


def test_the_object_before_a_purpose_clause_is_still_the_target() -> None:
    got = events("Bolivia met Chile on Monday to examine a Peruvian proposal.")
    e = by_trigger(got, "met")
    assert [a.name for a in e.targets] == ["Chile"]


def test_a_place_in_an_opening_prepositional_phrase_is_not_the_subject() -> None:
    # "In a speech in Lima": where, not who defended.
    got = events("Chile recalled its envoy. In a speech in Lima, Vargas defended Chile's decision.")
    e = by_trigger(got, "defended")
    assert all(a.name != "Lima" for a in e.sources)


def test_a_place_in_an_opening_noun_phrase_still_stands_for_the_subject() -> None:
    got = events("Rebels in the Ivory Coast dismissed the offer from France.")
    e = by_trigger(got, "dismissed")
    assert [a.name for a in e.sources] == ["Ivory Coast"]


def test_the_subject_is_before_an_adverbial_phrase_set_off_by_commas() -> None:
    got = events("Chile and Peru, after weeks of talks, signed an accord with Bolivia.")
    e = by_trigger(got, "signed an accord")
    assert [a.name for a in e.sources] == ["Chile", "Peru"]
    assert [a.name for a in e.targets] == ["Bolivia"]


def test_a_subject_right_before_the_verb_is_kept_after_an_opening_phrase() -> None:
    got = events("In Lima, after weeks of talks, Chile signed an accord with Bolivia.")
    e = by_trigger(got, "signed an accord")
    assert [a.name for a in e.sources] == ["Chile"]
