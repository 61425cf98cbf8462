"""Issue 14, wave 5: event targets the role finder reads from clause structure (small sentences)."""

from __future__ import annotations

from ._small_events import by_trigger, events, sides


def test_the_subject_of_a_verb_of_receiving_is_the_target_of_the_noun_event() -> None:
    e = by_trigger(events("Jordan receives $2 billion in U.S. military aid every year."), "military aid")
    assert e.kind.name == "AID"
    assert sides(e) == (["United States"], ["Jordan"])


def test_the_source_of_received_aid_may_follow_in_a_from_phrase() -> None:
    e = by_trigger(events("Chile has secured humanitarian aid from Japan."), "humanitarian aid")
    assert sides(e) == (["Japan"], ["Chile"])


def test_a_participle_clause_of_receiving_takes_the_main_clause_subject() -> None:
    # Not "Moscow", the possessor inside the predicate before the comma.
    got = events("Belarus is one of Moscow's closest partners, receiving $1 billion in Russian economic aid.")
    e = by_trigger(got, "economic aid")
    assert sides(e)[1] == ["Belarus"]


def test_a_noun_event_under_another_verb_keeps_no_recipient() -> None:
    # "announced" is no verb of receiving: nobody is named as the one aided.
    e = by_trigger(events("Japan announced humanitarian aid on Monday."), "humanitarian aid")
    assert sides(e)[1] == []


def test_a_received_accusation_is_not_aimed_at_its_receiver() -> None:
    # Complaints received by an office are about others: ACCUSE is no kind of receiving.
    got = events("Ombudsman Ana Ruiz said her office had received 300 complaints of abuse.")
    assert all("Ana Ruiz" not in sides(e)[1] for e in got)


def test_a_verb_of_receiving_past_a_comma_governs_nothing() -> None:
    # "received in London" modifies the agency; the offensive is not aimed at it.
    got = events("The agency Tass, received in London, said the offensive began before dawn.")
    assert all("Tass" not in sides(e)[1] for e in got)


def test_won_concessions_from_is_aimed_at_the_winner() -> None:
    e = by_trigger(events("Chile won major concessions from Peru in the talks."), "concessions")
    assert e.kind.name == "CONCEDE"
    assert sides(e) == (["Peru"], ["Chile"])


def test_a_coercion_ordered_of_an_object_is_the_orderers_act_upon_it() -> None:
    got = events("Peru's government ordered the opposition newspaper El Sol to suspend publication.")
    e = by_trigger(got, "suspend")
    assert e.kind.name == "COERCE"
    assert sides(e) == (["Peruvian government"], ["El Sol"])  # "Peru's government": a body of Peru


def test_a_retreat_forced_on_an_object_stays_the_objects_act() -> None:
    # "forced Soto to back down": Soto concedes; the causer is not the one who concedes.
    got = events("The president said Chile would force President Juan Soto to back down.")
    e = by_trigger(got, "back down")
    assert sides(e)[0] == ["Juan Soto"]
