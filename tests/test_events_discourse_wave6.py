"""Issue 14, wave 6: event discourse and precision: acts forbidden or prevented, the host of a visit
from the dateline, bare definite mentions of an act told before (whole pipeline, sentences written
for the tests)."""

from __future__ import annotations

import pytest

from tests._small_events import by_trigger, events, sides


def kinds(text: str) -> list[tuple[str, str]]:
    return [(e.kind.name, e.trigger.text) for e in events(text)]


# -- acts forbidden or prevented ------------------------------------------------------------------


def test_a_noun_after_a_ban_names_no_act() -> None:
    got = kinds("Police used teargas against protesters defying a government ban on rallies in the capital.")
    # The defiance is the act told; the banned rallies are none. (The ban itself, a noun with no
    # actor named, makes no event since the role finder reads "a government ban" as a noun.)
    assert ("REJECT", "defying") in got
    assert all(kind != "PROTEST" for kind, _ in got)


def test_a_noun_after_a_ban_and_one_modifier_names_no_act() -> None:
    got = kinds("Police defied a ban on opposition rallies in the capital.")
    assert all(kind != "PROTEST" for kind, _ in got)


def test_rallies_held_are_an_act() -> None:
    assert [k for k, _ in kinds("Protesters held rallies in the capital on Sunday.")] == ["PROTEST"]


@pytest.mark.parametrize(
    "text",
    [
        "The court sought to prevent the agency from deporting Iraqis.",
        "The court sought to prevent Immigration and Customs Enforcement (ICE) from deporting Iraqis.",
        "The army was barred from attacking the rebels in the town.",
        "The law stopped the ministry from arresting the journalists.",
    ],
)
def test_a_gerund_after_a_prevention_verb_and_from_names_no_act(text: str) -> None:
    assert [k for k, _ in kinds(text) if k in ("COERCE", "ASSAULT")] == []


@pytest.mark.parametrize(
    "text",
    [
        "The agency began deporting Iraqis on Monday.",
        "The army began attacking the rebels in the town.",
    ],
)
def test_the_same_gerund_without_a_prevention_is_an_act(text: str) -> None:
    assert [k for k, _ in kinds(text) if k in ("COERCE", "ASSAULT")] != []


def test_a_prevention_verb_outside_the_clause_does_not_count() -> None:
    got = kinds("The talks were blocked, and the army moved from attacking the rebels to shelling the town.")
    assert any(kind == "ASSAULT" for kind, _ in got)


# -- the host of a visit --------------------------------------------------------------------------

_VISIT = (
    "PARIS (Reuters) - Canadian Prime Minister Justin Trudeau arrived in Paris on Monday. "
    "Trudeau said after a two-day visit{} that Canada and France would work together."
)


def test_a_visit_with_no_host_is_to_the_dateline_country() -> None:
    visit = by_trigger(events(_VISIT.format("")), "visit")
    assert sides(visit) == (["Justin Trudeau"], ["France"])
    assert visit.rule.endswith("+dateline-host")


def test_a_visit_with_a_named_place_keeps_it() -> None:
    visit = by_trigger(events(_VISIT.format(" to Germany")), "visit")
    assert sides(visit) == (["Justin Trudeau"], ["Germany"])


def test_a_visit_by_the_dateline_country_has_no_host_from_it() -> None:
    text = (
        "PARIS (Reuters) - French President Emmanuel Macron returned to Paris on Monday. "
        "Macron said after a two-day visit that France would work with Canada."
    )
    visit = by_trigger(events(text), "visit")
    assert "France" not in sides(visit)[1]


def test_a_visit_without_a_dateline_has_no_host() -> None:
    text = "Canadian Prime Minister Justin Trudeau arrived in Paris on Monday. Trudeau said after a two-day visit that Canada and France would work together."
    visit = by_trigger(events(text), "visit")
    assert sides(visit)[1] == []


# -- a bare definite mention names the act told before ----------------------------------------------


def test_a_bare_definite_mention_is_the_earlier_act_whatever_its_clause_holds() -> None:
    got = events(
        "Sweden's foreign minister met Norway's prime minister in Oslo on Friday. "
        "Denmark's ambassador also spoke at the meeting."
    )
    assert [(e.kind.name, e.trigger.text) for e in got] == [("CONSULT", "met")]
    assert [m.text for m in got[0].mentions] == ["meeting"]


def test_a_definite_mention_naming_its_party_stays_an_act_of_its_own() -> None:
    got = events(
        "Sweden's foreign minister met Norway's prime minister in Oslo on Friday. "
        "Denmark's ambassador spoke at the meeting with Finland's president."
    )
    assert [e.trigger.text for e in got] == ["met", "meeting with"]
    assert sides(got[1]) == (["Denmark"], ["Finland"])


# -- the state behind an arrest -------------------------------------------------------------------

_ARREST = "ANKARA (Reuters) - Turkey summoned Germany's ambassador{} on Monday. Two German journalists were arrested{} last week."


def test_an_arrest_with_no_agent_is_the_act_of_the_state_of_its_place() -> None:
    arrest = by_trigger(events(_ARREST.format("", " in Istanbul")), "arrested")
    assert sides(arrest) == (["Turkey"], ["German journalists"])
    assert arrest.rule.endswith("+state-agent")


def test_an_arrest_with_no_place_is_the_act_of_the_dateline_state() -> None:
    arrest = by_trigger(events(_ARREST.format(" in Ankara", "")), "arrested")
    assert sides(arrest) == (["Turkey"], ["German journalists"])


def test_an_arrest_in_a_place_of_no_known_country_has_no_agent() -> None:
    arrest = by_trigger(events(_ARREST.format(" in Ankara", " in Paris")), "arrested")
    assert sides(arrest)[0] == []


def test_an_arrest_with_no_dateline_and_no_place_has_no_agent() -> None:
    text = "Turkey summoned Germany's ambassador in Ankara on Monday. Two German journalists were arrested last week."
    assert sides(by_trigger(events(text), "arrested"))[0] == []


def test_a_noun_arrest_takes_the_dateline_state() -> None:
    text = "ANKARA (Reuters) - Turkey summoned Germany's ambassador in Ankara on Monday after the arrest of two German journalists."
    assert sides(by_trigger(events(text), "arrest")) == (["Turkey"], ["German journalists"])
