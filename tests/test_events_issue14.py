"""Issue 14: sources through statements, one event per act, and event times (whole pipeline)."""

from __future__ import annotations

import newsmodel
from newsmodel import Event


def events(text: str) -> list[Event]:
    return list(newsmodel.parse(text, published="2020-03-04").events)


def roles(e: Event) -> tuple[str, list[str], list[str]]:
    return e.kind.name, [a.name for a in e.sources], [a.name for a in e.targets]


def test_verb_coordinated_with_a_reporting_verb_takes_the_speaker() -> None:
    # After the statement's content, "and accused" shares the subject of "said".
    (e,) = events(
        "Prime Minister Ahmet Kaya said the new tariffs had hurt farmers in both countries, "
        "and accused Germany of acting in bad faith."
    )
    assert roles(e) == ("ACCUSE", ["Ahmet Kaya"], ["Germany"])


def test_noun_in_the_reporting_clause_takes_the_speaker() -> None:
    got = events("“We will not yield,” President Ana Silva told a news conference during a visit to Chile.")
    visit = next(e for e in got if e.trigger.text == "visit")
    assert roles(visit) == ("CONSULT", ["Ana Silva"], ["Chile"])


def test_inside_the_content_the_speaker_is_not_the_subject() -> None:
    # "arrested" lies in what Nauert said: Turkey arrests, not Nauert.
    got = events(
        "Heather Nauert said Turkey, which has arrested two local staff members this year, summoned a third."
    )
    arrested = next(e for e in got if e.trigger.text == "arrested")
    assert [a.name for a in arrested.sources] == ["Turkey"]


def test_one_act_with_auxiliaries_coordinated_is_one_event() -> None:
    got = events("Poland did not accept and will not accept the proposal from Germany.")
    assert [e.kind.name for e in got] == ["REJECT"]


def test_two_acts_of_one_kind_stay_two_without_coordination() -> None:
    got = events("Poland rejected the plan. Hungary rejected the plan too.")
    assert [e.kind.name for e in got] == ["REJECT", "REJECT"]


def test_a_duration_is_not_an_event_time() -> None:
    (e,) = events("Russia shelled the town for three days.")
    assert e.time is None
    (e,) = events("Russia shelled the town on Monday for three days.")
    assert e.time is not None and e.time.value == "2020-03-02"


def test_a_later_definite_mention_is_the_same_act() -> None:
    got = events(
        "Russia arrested two Georgian journalists on Monday. "
        "Georgia protested after Monday's arrest of the Georgian journalists by Russia."
    )
    assert [e.kind.name for e in got] == ["COERCE", "PROTEST"]
    assert got[0].trigger.text == "arrested"  # the first mention carries the event


def test_a_verb_placed_in_a_later_mention_is_the_same_act() -> None:
    got = events(
        "Russia attacked Georgia on Monday. Five soldiers were killed in Monday's attack, Georgia said."
    )
    assert [(e.kind.name, e.trigger.text) for e in got] == [("ASSAULT", "attacked")]


def test_other_actors_or_an_indefinite_noun_make_another_act() -> None:
    got = events(
        "Russia arrested two Georgian journalists on Monday. The arrest of a French diplomat by Poland followed."
    )
    assert [e.trigger.text for e in got] == ["arrested", "arrest"]
    got = events("Russia attacked Georgia. An attack on Armenia followed.")
    assert [e.trigger.text for e in got] == ["attacked", "attack"]


def test_should_in_reported_speech_is_a_demand_of_its_subject() -> None:
    got = events("Foreign Minister Anna Berg said Russia should release the detained sailors.")
    assert [(roles(e), e.rule) for e in got] == [
        (("REQUEST", ["Anna Berg"], ["Russia"]), "statement:REQUEST:should")
    ]
    assert events("Anna Berg said the weather should improve.") == []


def test_a_response_is_aimed_at_the_author_of_what_it_answers() -> None:
    got = events("Canada brushed off an attack by Russia on Ukraine.")
    assert [roles(e) for e in got] == [("REJECT", ["Canada"], ["Russia"])]


def test_a_verb_used_as_a_noun_is_no_coordinated_subject() -> None:
    got = events("Hungary criticized the EU embargo on Russia and meets annually with Vladimir Putin.")
    meets = next(e for e in got if e.kind.name == "CONSULT")
    assert roles(meets) == ("CONSULT", ["Hungary"], ["Vladimir Putin"])


def test_an_act_in_the_reporting_clause_has_the_statements_time() -> None:
    got = events(
        "President Tayyip Erdogan said on Tuesday that the ambassador had acted alone. "
        "“We will not accept it,” Erdogan told a news conference during a visit to Belgrade."
    )
    visit = next(e for e in got if e.trigger.text == "visit")
    assert visit.time is not None and visit.time.value == "2020-03-03"


def test_a_speech_act_without_a_time_is_made_at_its_sources_last_dated_act() -> None:
    got = events(
        "Russia expelled two British diplomats on Monday. Russia also demanded that Britain apologise for the incident."
    )
    demanded = next(e for e in got if e.kind.name == "REQUEST")
    assert demanded.time is not None and demanded.time.value == "2020-03-02"
    # Not an act that is not a speech act: "Russia attacked ..." keeps no time (outside the lead
    # paragraph, whose time an event with none of its own takes).
    got = events("Russia expelled two British diplomats on Monday.\n\nRussia attacked a Ukrainian ship.")
    assert next(e for e in got if e.kind.name == "ASSAULT").time is None


def test_a_response_to_a_definite_act_answers_its_author() -> None:
    got = events("Russia seized two Ukrainian ships on Monday. Germany condemned the move.")
    assert [(roles(e), e.rule) for e in got][1] == (
        ("ACCUSE", ["Germany"], ["Russia"]),
        "lexicon:ACCUSE:condemn+answer",
    )
    # The responder's own act before it: what it answers is not known.
    got = events("Germany praised France on Monday. Germany later condemned the decision.")
    assert roles(got[1]) == ("ACCUSE", ["Germany"], [])
    # An indefinite object names something new, not an act reported before.
    got = events("Russia seized two Ukrainian ships on Monday. Germany condemned a new law.")
    assert roles(got[1]) == ("ACCUSE", ["Germany"], [])


def test_a_first_person_subject_after_a_conjunction_is_the_speaker() -> None:
    (e,) = events(
        "“But our ministers will not accept the offer from Peru,” President Ana Silva told reporters."
    )
    assert (e.kind.name, [a.name for a in e.sources]) == ("REJECT", ["Ana Silva"])
    assert e.rule.endswith("+speaker+refusal")


def test_the_subject_is_before_a_relative_clause() -> None:
    got = events(
        "Germany, which has expelled two Russian diplomats this year, summoned the Russian ambassador."
    )
    assert [roles(e)[:2] for e in got] == [("SANCTION", ["Germany"]), ("ACCUSE", ["Germany"])]


def test_a_place_in_a_closed_relative_clause_is_not_the_events() -> None:
    (e,) = events(
        "John Bass, who is due to leave the country to take up a posting in Afghanistan, "
        "had been making farewell visits to government offices."
    )
    assert roles(e) == ("CONSULT", ["John Bass"], [])
    assert e.location is None


def test_the_reporting_clause_reaches_past_a_boundary_word_after_the_cue() -> None:
    got = events("“We will not yield,” President Ana Silva said after a two-day visit to Chile.")
    visit = next(e for e in got if e.trigger.text == "visit")
    assert roles(visit) == ("CONSULT", ["Ana Silva"], ["Chile"])
