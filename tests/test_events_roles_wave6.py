"""Issue 14, wave 6: who is the source and who the target of a trigger (small sentences)."""

from __future__ import annotations

from ._small_events import by_trigger, events, sides


def test_officers_who_report_a_passive_act_of_their_office_did_it() -> None:
    e = by_trigger(events("John Smith has been charged with fraud, prosecutors said on Monday."), "charged")
    assert sides(e) == (["prosecutors"], ["John Smith"])
    assert e.rule.endswith("+reporter")


def test_police_reporting_an_arrest_made_the_arrest() -> None:
    e = by_trigger(events("Officials said Mary Jones was arrested at her home on Sunday."), "arrested")
    assert sides(e) == (["officials"], ["Mary Jones"])


def test_a_lawyer_reporting_a_detention_did_not_detain() -> None:
    got = events("Mary Jones was detained last week, the activists said.")
    assert sides(by_trigger(got, "detained"))[0] == []


def test_no_reporter_source_for_a_modal_or_relative_passive() -> None:
    got = events("John Smith could be charged with fraud, prosecutors said.")
    assert all(not e.rule.endswith("+reporter") for e in got)
    got = events("John Smith, who was arrested in May, is a banker, police said.")
    assert all(not e.rule.endswith("+reporter") for e in got)


def test_no_reporter_source_for_an_act_in_another_country() -> None:
    got = events("Jane Doe was detained in Turkey, the German foreign ministry said.")
    assert all(not e.rule.endswith("+reporter") for e in got)


def test_a_verb_form_after_an_article_and_a_modifier_is_a_noun() -> None:
    # The protesters defied the ban; they did not ban anything.
    got = events("The protesters defied a government ban on rallies.")
    assert all(sides(e)[0] != ["protesters"] for e in got if e.trigger.text == "ban")


def test_a_noun_read_verb_form_takes_its_modifier_as_source() -> None:
    e = by_trigger(events("Kenya criticised the Ugandan ban on imports."), "ban")
    assert sides(e)[0] == ["Uganda"]


def test_a_base_form_after_a_plural_subject_stays_a_verb() -> None:
    e = by_trigger(events("The police arrest protesters every week."), "arrest")
    assert sides(e) == (["police"], ["protesters"])


def test_the_subject_past_a_restrictive_relative_clause_is_its_antecedent() -> None:
    got = events(
        "A Hungarian lawmaker who belongs to the opposition Jobbik party has been charged with spying."
    )
    e = by_trigger(got, "charged")
    assert sides(e)[1] == ["Hungarian lawmaker"]


def test_the_object_of_a_restrictive_relative_clause_is_not_the_main_subject() -> None:
    got = events("The ministers who met Erdogan condemned the attack.")
    assert all(sides(e)[0] != ["Recep Tayyip Erdogan"] for e in got if e.trigger.text == "condemned")


def test_a_reported_clause_inside_a_relative_clause_keeps_its_own_subject() -> None:
    got = events("Swiss banks are criticised by churches who say they are lending support to Pretoria.")
    e = by_trigger(got, "support")
    assert sides(e)[0] == ["Swiss banks"]


def test_the_outlet_of_an_interview_is_not_the_target() -> None:
    e = by_trigger(events("Merkel praised the agreement in an interview with Reuters."), "praised")
    assert sides(e) == (["Angela Merkel"], [])


def test_a_named_object_is_still_the_target_of_a_verb_of_speaking() -> None:
    e = by_trigger(events("Erdogan accused Reuters of bias."), "accused")
    assert sides(e)[1] == ["Reuters"]


def test_an_infinitive_after_a_control_verb_skips_the_subjects_apposition() -> None:
    got = events("Norway, a key U.S. ally, has refused to sanction Iran.")
    e = by_trigger(got, "sanction")
    assert sides(e)[0] == ["Norway"]


def test_an_infinitive_after_a_control_verb_skips_the_subjects_relative_clause() -> None:
    got = events("Sudan, which owes the IMF 450 mln dlrs, is scheduled to hold talks with the Fund.")
    e = by_trigger(got, "hold")
    assert sides(e)[0] == ["Sudan"]
