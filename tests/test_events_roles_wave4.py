"""Issue 14, wave 4: event sources and targets from clause structure (small sentences)."""

from __future__ import annotations

from ._small_events import by_trigger, events, sides


def test_a_pronoun_opening_a_reported_clause_past_a_time_is_the_reporter() -> None:
    # "on Sunday night" stands between "said" and "it": "it" is still the embassy.
    got = events("The U.S. embassy said on Sunday night it was suspending visa services.")
    e = by_trigger(got, "suspending")
    assert e.kind.name == "SANCTION"
    assert sides(e)[0] == ["U.S. embassy"]


def test_a_pronoun_for_a_speaker_the_statements_do_not_resolve_is_the_reporters_subject() -> None:
    got = events(
        "Peru's top prosecutor and a U.N.-backed panel said they will investigate President Ana Ruiz."
    )
    e = by_trigger(got, "investigate")
    assert e.kind.name == "ACCUSE"
    assert sides(e) == (["United Nations"], ["Ana Ruiz"])


def test_a_pronoun_after_an_unrelated_clause_is_not_the_reporter() -> None:
    # "because" opens another clause: "they" is not who said it.
    got = events("Chile said on Friday because they attacked Peru nothing changed.")
    e = by_trigger(got, "attacked")
    assert sides(e)[0] != ["Chile"]


def test_a_name_after_a_capitalised_title_complement_is_the_subject() -> None:
    # "for" governs "Human Rights", the complement of the title, not the name.
    got = events("UN Envoy for Human Rights Marta Ruiz condemned Chile on Friday.")
    e = by_trigger(got, "condemned")
    assert sides(e) == (["Marta Ruiz"], ["Chile"])


def test_a_name_governed_by_a_plain_preposition_is_not_the_subject() -> None:
    got = events("After talks with Marta Ruiz, Chile condemned Peru on Friday.")
    e = by_trigger(got, "condemned")
    assert sides(e)[0] == ["Chile"]


def test_the_subject_of_a_reporting_clause_after_a_comma_is_no_object() -> None:
    # "officials said" closes the sentence: nobody shelled the officials.
    got = events("Rebels shelled the town on Monday, officials in Lima said.")
    e = by_trigger(got, "shelled")
    assert e.kind.name == "ASSAULT"
    assert all(a.name != "officials" for a in e.targets)
    got = events("Chile shelled a village in Peru, Bolivian officials said.")
    assert sides(by_trigger(got, "shelled")) == (["Chile"], ["Peru"])


def test_an_object_before_a_comma_and_a_reporting_verb_stays_the_target() -> None:
    got = events("Chile attacked Peru, officials said.")
    assert sides(by_trigger(got, "attacked")) == (["Chile"], ["Peru"])


def test_a_participle_after_a_governed_noun_is_a_reduced_passive_relative() -> None:
    # "Chilean soldiers killed by Peruvian troops": the soldiers are killed, the troops kill.
    got = events("Relatives mourned the deaths of Chilean soldiers killed by Peruvian troops.")
    e = by_trigger(got, "killed")
    assert sides(e) == (["Peruvian troops"], ["Chilean soldiers"])
    # Not the place where they were detained.
    got = events("A judge halted the deportation of all Chilean nationals detained during raids across Peru.")
    assert sides(by_trigger(got, "detained"))[1] == ["Chilean nationals"]


def test_a_past_form_with_an_object_or_opening_the_clause_is_the_clauses_verb() -> None:
    got = events("In Lima police detained 20 Chilean nationals on Monday.")
    assert sides(by_trigger(got, "detained"))[0] == ["police"]
    got = events("Up to 100 ethnic Albanians demonstrated on Tuesday in Serbia.")
    assert sides(by_trigger(got, "demonstrated"))[0] == ["Albanians"]


def test_the_possessor_of_an_object_that_names_no_actor_is_the_target() -> None:
    got = events("Maria Lopez met officials in Lima. Chile rejected her request on Monday.")
    assert sides(by_trigger(got, "rejected")) == (["Chile"], ["Maria Lopez"])


def test_the_subjects_own_possessive_is_no_target() -> None:
    got = events("Chile praised its own record on Monday.")
    assert sides(by_trigger(got, "praised")) == (["Chile"], [])


def test_coordinated_verbs_of_one_kind_share_the_object_of_the_second() -> None:
    got = events("Maria Lopez met officials in Lima. Chile did not reject and will not reject her request.")
    e = by_trigger(got, "reject")
    assert sides(e) == (["Chile"], ["Maria Lopez"])


def test_the_subject_of_an_infinitive_follows_for() -> None:
    # Not "it", nor the speaker: the noun groups between "for" and "to".
    got = events("Ana Ruiz said it was time for Chile and Peru to sign a free trade deal.")
    assert sides(by_trigger(got, "sign"))[0] == ["Chile", "Peru"]
    got = events("Chile signed a pact in May, and it said it was time for Bolivia to sign a free trade deal.")
    assert sides(by_trigger(got, "sign a free"))[0] == ["Bolivia"]


def test_a_clause_after_a_subordinating_preposition_is_no_reduced_relative() -> None:
    # "after Peru met": Peru meets; "after they refused": they refuse.
    got = events("The talks began after Peru met in Lima with President Ana Ruiz of Chile.")
    assert sides(by_trigger(got, "met"))[0] == ["Peru"]
    got = events("U.S. officials meeting with other nations in Paris agreed that the dollar had dropped.")
    assert sides(by_trigger(got, "agreed"))[0] == ["U.S. officials"]


def test_an_expletive_before_a_passive_is_no_reporter() -> None:
    got = events("Chile's trade minister Ana Ruiz said in a speech it was decided to lift the ban on Peru.")
    assert all(a.name != "Ana Ruiz" for e in got for a in e.targets)


def test_a_reported_pronoun_is_no_subject_past_another_noun_phrase() -> None:
    # "it believes the executive did not accuse": the executive's act, not the embassy's.
    got = events("The U.S. embassy said on Sunday it believes the executive did not accuse Chile of spying.")
    assert sides(by_trigger(got, "accuse"))[0] == []


def test_a_name_after_a_title_governed_by_a_preposition_is_no_subject() -> None:
    # "to" governs "Secretary of State Ana Ruiz" whole: she is asked, she does not ask.
    got = events("Senator Tom Hale sent a letter to Secretary of State Ana Ruiz asking her to appear.")
    e = by_trigger(got, "asking")
    assert "Ana Ruiz" not in sides(e)[0]


def test_a_name_after_a_common_noun_opens_a_contact_relative_not_a_reduced_one() -> None:
    # "the kind of wall Trump promised": Trump promised; nothing was promised to Trump.
    got = events("Congress won't fund the kind of wall Ana Ruiz promised, and Chile won't pay for it.")
    e = by_trigger(got, "promised")
    assert "+passive" not in e.rule
    assert "Ana Ruiz" not in sides(e)[1]
