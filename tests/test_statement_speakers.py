"""How a source resolves to a speaker (issue 13, "every source resolves"): nominal and organisation
sources, spokespeople, joint sources, pronoun gender, and the addressee of "told"."""

from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st

import newsmodel
from newsmodel.model import ActorKind, StatementKind
from newsmodel.rules import load_rules

from .test_statements import CLAUSES, NAMES, QUOTES, context, find

FIRST = load_rules("actors_people")
FEMALE = set(FIRST["female"]) - set(FIRST["male"]) - set(FIRST["either"])

P = ActorKind.PERSON
ORG = ActorKind.ORGANIZATION
C = ActorKind.COUNTRY


def speakers(text: str, cast: dict[str, tuple[str, ActorKind]]) -> list[str | None]:
    return [s.speaker.name if s.speaker is not None else None for s in find(text, cast)]


# -- the addressee of "told" ----------------------------------------------------------------------


def test_told_addressee_is_never_the_speaker() -> None:
    text = (
        "“We arrested him on a tip-off,” Shani Abeywardana, director at the police criminal "
        "investigations division (CID), told Reuters."
    )
    cast = {"Shani Abeywardana": ("Shani Abeywardana", P), "CID": ("CID", ORG), "Reuters": ("Reuters", ORG)}
    (s,) = find(text, cast)
    assert s.content.text == "We arrested him on a tip-off"
    assert s.speaker is not None and s.speaker.name == "Shani Abeywardana"
    assert s.source is not None and s.source.text.startswith("Shani Abeywardana, director")


def test_told_with_no_source_before_gives_no_speaker_after() -> None:
    cast = {"Reuters": ("Reuters", ORG)}
    assert all(name != "Reuters" for name in speakers("“The deal is off,” told Reuters.", cast))


def test_appositive_with_parenthesis_before_told() -> None:
    text = (
        "Ivan Velasquez, head of the International Commission Against Impunity in Guatemala "
        "(CICIG), told reporters there was evidence."
    )
    cast = {"Ivan Velasquez": ("Ivan Velasquez", P), "CICIG": ("CICIG", ORG)}
    assert speakers(text, cast) == ["Ivan Velasquez"]


def test_agent_of_a_participle_is_not_the_speaker() -> None:
    (s,) = find("Economists polled by Reuters said that M-1 should rise.", {"Reuters": ("Reuters", ORG)})
    assert s.source is not None and s.source.text == "Economists polled by Reuters"
    assert s.speaker is None


@given(q=QUOTES, n=NAMES, to=st.sampled_from(["Reuters", "The Associated Press", "Jane Roe"]))
def test_property_told_addressee_never_speaks(q: str, n: str, to: str) -> None:
    cast = {n: (n, P), to: (to, ORG)}
    text = f"“{q},” {n}, director at the national police division (NPD), told {to}."
    (s,) = find(text, cast)
    assert s.speaker is not None and s.speaker.name == n


# -- pronouns: gender and distance ----------------------------------------------------------------


def test_he_does_not_resolve_to_a_woman() -> None:
    text = "Hillary Clinton says it is night. “That was the trap,” he said."
    assert speakers(text, {"Hillary Clinton": ("Hillary Clinton", P)}) == ["Hillary Clinton", None]


def test_courtesy_title_tells_the_gender() -> None:
    text = "Ms. Roe said the plan had failed. “That was the trap,” he said."
    assert speakers(text, {"Roe": ("Jane Roe", P)}) == ["Jane Roe", None]
    text = "Mr. Roe said the plan had failed. “That was the trap,” he said."
    assert speakers(text, {"Roe": ("John Roe", P)}) == ["John Roe", "John Roe"]


def test_pronoun_passes_over_the_other_gender() -> None:
    text = "Mary Adams said the plan had failed. Ms. Cole said it had not. “It failed,” Mr. Dunn said. “It did not,” she said."
    cast = {"Mary Adams": ("Mary Adams", P), "Cole": ("Ann Cole", P), "Dunn": ("Tom Dunn", P)}
    assert speakers(text, cast)[-1] == "Ann Cole"


def test_pronoun_sentences_after_its_antecedent() -> None:
    text = (
        "Jane Roe said the plan had failed. The vote came late. Many were angry. "
        "“That was the trap,” she said."
    )
    assert speakers(text, {"Jane Roe": ("Jane Roe", P)}) == ["Jane Roe", "Jane Roe"]


def test_cast_pronoun_of_the_other_gender_is_not_taken() -> None:
    # the cast (wrongly) resolves "he" to a woman the text calls Ms.: the speaker is not her
    text = "Ms. Roe said the plan had failed. “That was the trap,” he said."
    cast = {"Roe": ("Jane Roe", P), "he": ("Jane Roe", P)}
    assert speakers(text, cast)[-1] is None


@given(q=CLAUSES, r=QUOTES, first=st.sampled_from(sorted(FEMALE)), last=NAMES.map(lambda n: n.split()[1]))
def test_property_he_never_resolves_to_a_female_name(q: str, r: str, first: str, last: str) -> None:
    name = f"{first} {last}"
    said = find(f"{name} said {q}. “{r},” he said.", {name: (name, P)})
    assert said[0].speaker is not None and said[0].speaker.name == name
    assert all(s.speaker is None for s in said[1:])


# -- "it", organisations and nominal sources ------------------------------------------------------


def test_it_is_the_organisation_that_spoke() -> None:
    text = "The Interior Ministry said the law was bad. It said the police would act."
    assert speakers(text, {"Interior Ministry": ("Interior Ministry", ORG)}) == ["Interior Ministry"] * 2


def test_it_follows_the_speaker_over_the_nearest_organisation() -> None:
    text = (
        "Many trusts were affected, the National Audit Office said on Friday. "
        "No trust paid the ransom but the government does not know what it cost the NHS, it said."
    )
    cast = {
        "National Audit Office": ("National Audit Office", ORG),
        "NHS": ("National Health Service", ORG),
        "it": ("National Health Service", ORG),
    }
    assert speakers(text, cast) == ["National Audit Office"] * 2


def test_body_speaks_for_the_actor_that_modifies_it() -> None:
    assert speakers("Cairo’s foreign ministry said the law was bad.", {"Cairo": ("Egypt", C)}) == ["Egypt"]
    text = "The Congolese electoral commission said the vote could not take place."
    assert speakers(text, {"Congolese": ("Democratic Republic of Congo", C)}) == [
        "Democratic Republic of Congo"
    ]
    assert speakers("Smith’s office said the plan was dead.", {"Smith": ("Jane Smith", P)}) == ["Jane Smith"]


def test_other_heads_do_not_speak_for_their_modifier() -> None:
    assert speakers("A Kremlin critic said the strikes were illegal.", {"Kremlin": ("Russia", C)}) == [None]
    assert speakers("Trump supporters said the vote was rigged.", {"Trump": ("Donald Trump", P)}) == [None]


def test_spokesperson_named_or_for_an_actor() -> None:
    cast = {"Interior Ministry": ("Interior Ministry", ORG), "Brian Fallon": ("Brian Fallon", P)}
    text = "A spokeswoman for the Interior Ministry said the law was bad."
    assert speakers(text, cast) == ["Interior Ministry"]
    text = "Brian Fallon, a spokesman for the Interior Ministry, said the law was bad."
    assert speakers(text, cast) == ["Brian Fallon"]
    assert speakers("Lawyers for Kem Sokha said he should be freed.", {"Kem Sokha": ("Kem Sokha", P)}) == [
        "Kem Sokha"
    ]


def test_described_speaker_then_name() -> None:
    text = "“The parliament is a co-legislator,” said the delegation’s chairman, Werner Langen, a member of the CDU."
    (s,) = find(text, {"Werner Langen": ("Werner Langen", P), "CDU": ("CDU", ORG)})
    assert s.kind is StatementKind.DIRECT
    assert s.speaker is not None and s.speaker.name == "Werner Langen"


def test_relative_after_an_appositive() -> None:
    text = (
        "It was backed by Senator Marco Rubio, a member of the Senate Foreign Relations Committee, "
        "who said the law was terrible."
    )
    cast = {
        "Marco Rubio": ("Marco Rubio", P),
        "Senate Foreign Relations Committee": ("Senate Foreign Relations Committee", ORG),
    }
    assert speakers(text, cast) == ["Marco Rubio"]


# -- joint sources --------------------------------------------------------------------------------


def test_joint_source_first_named_speaks_others_findable() -> None:
    text = "Senators John McCain and Lindsey Graham said the law was bad."
    cast = {"John McCain": ("John McCain", P), "Lindsey Graham": ("Lindsey Graham", P)}
    ctx = context(text, cast)
    (s,) = find(text, cast)
    assert s.source is not None and s.source.text == "Senators John McCain and Lindsey Graham"
    assert s.speaker is not None and s.speaker.name == "John McCain"
    assert [a.name for a in ctx.cast.actors_in(s.source.start, s.source.end)] == [
        "John McCain",
        "Lindsey Graham",
    ]


def _lexicon_words() -> frozenset[str]:
    from newsmodel._statements.lexicon import compile_cues
    from newsmodel.statements import StatementRules

    return compile_cues(StatementRules.shipped()).known


LEXICON_WORDS = _lexicon_words()


@given(a=NAMES, b=NAMES, q=CLAUSES)
def test_property_joint_source_gives_the_first(a: str, b: str, q: str) -> None:
    # Names, not function words capitalised as one ("Did Aaa" opens a question).
    assume(a != b and not any(w.lower() in LEXICON_WORDS for w in f"{a} {b}".split()))
    (s,) = find(f"{a} and {b} said {q}.", {a: (a, P), b: (b, P)})
    assert s.speaker is not None and s.speaker.name == a


# -- cues -----------------------------------------------------------------------------------------


def test_participle_after_a_determiner_is_no_cue() -> None:
    text = "An estimated 19,000 appointments were affected, the National Audit Office said on Friday."
    (s,) = find(text, {"National Audit Office": ("National Audit Office", ORG)})
    assert s.cue is not None and s.cue.text == "said"
    assert s.speaker is not None and s.speaker.name == "National Audit Office"


def test_time_with_late_between_source_and_cue() -> None:
    # the time stage finds "Saturday"; the source stops before "late on"
    text = "Arab foreign ministers late on Saturday urged the United States to drop its plan."
    (s,) = newsmodel.parse(text).statements
    assert s.source is not None and s.source.text == "Arab foreign ministers"


def test_relative_without_comma_after_a_person() -> None:
    text = (
        "He was condemned by negotiator Guy Verhofstadt who said on Twitter: “Yet more abhorrent comments.”"
    )
    (s,) = find(text, {"Guy Verhofstadt": ("Guy Verhofstadt", P)})
    assert s.kind is StatementKind.DIRECT and s.content.text.startswith("Yet more abhorrent")
    assert s.speaker is not None and s.speaker.name == "Guy Verhofstadt"
    # after a word that names no person, a relative is no source
    assert all(
        s.source is None or s.source.text != "who" for s in find("They backed the plan who said it.", {})
    )


def test_joint_source_with_a_relative_clause_between() -> None:
    text = "McCain, who is chairman of the Senate Armed Services Committee, and Graham said the law was bad."
    cast = {
        "McCain": ("John McCain", P),
        "Graham": ("Lindsey Graham", P),
        "Senate Armed Services Committee": ("Senate Armed Services Committee", ORG),
    }
    (s,) = find(text, cast)
    assert s.source is not None and s.source.text.startswith("McCain, who is chairman")
    assert s.speaker is not None and s.speaker.name == "John McCain"


def test_the_statement_speaks_for_its_author() -> None:
    text = (
        "In a statement, the Interior Ministry said the law was bad. The statement said the police would act."
    )
    assert speakers(text, {"Interior Ministry": ("Interior Ministry", ORG)}) == ["Interior Ministry"] * 2
    # a new paragraph two paragraphs on: too far back
    text = "The Interior Ministry said the law was bad.\n\nIt rained.\n\nThe vote came.\n\nThe statement said the police would act."
    assert speakers(text, {"Interior Ministry": ("Interior Ministry", ORG)}) == ["Interior Ministry", None]


def test_it_is_the_organisation_named_in_the_narrative() -> None:
    # the nearest organisation is the subject of a narrative sentence, not reported speech
    text = "Acme Corp said sales rose. Rival Globex, meanwhile, cut its prices. It said the cuts would last."
    cast = {"Acme Corp": ("Acme Corp", ORG), "Globex": ("Globex", ORG), "It": ("Globex", ORG)}
    assert speakers(text, cast) == ["Acme Corp", "Globex"]


# -- wave 3: spokespeople named by a noun, nouns after prepositions, "answered" ---------------------


def _spoken(text: str) -> list[tuple[str | None, str | None, str]]:
    article = newsmodel.parse(text)
    return [
        (s.source.text if s.source else None, s.speaker.name if s.speaker else None, s.content.text)
        for s in article.statements
    ]


def test_a_pronoun_after_a_spokeswoman_speaks_for_her_principal() -> None:
    text = (
        "Prime Minister Jane Roe spoke in Zorbury on Monday. Foreign Secretary Tom Brel said the plan was fine. "
        "But Roe’s spokeswoman played down the row. “He was making a point about trade,” she said."
    )
    # The spokeswoman is an actor of the cast (the actor stage's agents, issue 13 wave 3), named
    # for her principal, as the whole-article gold names her: "spokeswoman for Jane Roe".
    assert ("she", "spokeswoman for Jane Roe", "He was making a point about trade") in _spoken(text)


def test_a_pronoun_after_a_spokesman_for_a_body_speaks_for_the_body() -> None:
    text = (
        "A spokesman for the Interior Ministry declined to name the suspects. "
        "“They are known to us,” he said."
    )
    found = {content: speaker for _, speaker, content in _spoken(text)}
    assert found["They are known to us"] == "spokesman for Interior Ministry"  # an agent of the body


def test_a_spokesperson_of_the_other_gender_or_a_person_named_since_is_passed_over() -> None:
    cast = {"Roe": ("Jane Roe", P), "Mary Quelton": ("Mary Quelton", P)}
    quote = " “We will see,” she said."
    assert speakers("Roe’s spokeswoman declined to comment." + quote, cast) == ["Jane Roe"]
    assert speakers("Roe’s spokesman declined to comment." + quote, cast) == [None]
    named_since = "Roe’s spokeswoman declined to comment, and Mary Quelton met bankers."
    assert speakers(named_since + quote, cast) == [None]


def test_a_spokesperson_after_a_surname_the_cast_did_not_link() -> None:
    text = "Jane Roe spoke on Monday. Roe’s spokeswoman declined to comment. “We will see,” she said."
    assert speakers(text, {"Jane Roe": ("Jane Roe", P)}) == ["Jane Roe"]
    two = {"Jane Roe": ("Jane Roe", P), "Ann Roe": ("Ann Roe", P)}
    assert speakers("Jane Roe and Ann Roe spoke. " + text.split(". ", 1)[1], two) == [None]


def test_answered_is_a_cue_of_quotations() -> None:
    text = "Foreign Secretary Tom Brel spoke in Zorbury. “That is not the way forward,” Brel answered."
    assert ("Brel", "Tom Brel", "That is not the way forward") in _spoken(text)


def test_a_cue_form_after_a_preposition_is_a_noun() -> None:
    text = (
        "Tom Brel answered a question on remarks made earlier by an aide to Prime Minister Jane Roe "
        "who said Zorland should not expect a better deal."
    )
    spoken = _spoken(text)
    assert all(src != "on" for src, _, _ in spoken)
    assert [content for _, _, content in spoken] == ["Zorland should not expect a better deal"]


def test_a_definite_noun_phrase_refers_to_the_actor_its_head_names() -> None:
    org = {"Zorland Embassy": ("Zorland Embassy", ORG), "Quelton Fund": ("Quelton Fund", ORG)}
    text = "The Zorland Embassy closed on Monday. The embassy said the staff were safe."
    assert speakers(text, org) == ["Zorland Embassy"]
    # The most recent actor whose name holds the head.
    both = "The Zorland Embassy and the Quelton Fund met on Monday. The fund said rates would rise."
    assert speakers(both, org) == ["Quelton Fund"]


def test_a_definite_noun_phrase_refers_to_a_person_by_role() -> None:
    text = (
        "Secretary-General Jan Brel arrived in Zorbury on Monday. "
        "The secretary-general said the talks would go on."
    )
    assert [speaker for _, speaker, _ in _spoken(text)] == ["Jan Brel"]


def test_a_body_noun_is_the_latest_organisation_that_spoke() -> None:
    cast = {"Quelton Mining": ("Quelton Mining", ORG), "Jane Roe": ("Jane Roe", P)}
    org_first = "Quelton Mining said profits rose. The company said it would hire."
    assert speakers(org_first, cast) == ["Quelton Mining", "Quelton Mining"]
    person_first = "Jane Roe said profits rose. The company said it would hire."
    assert speakers(person_first, cast) == ["Jane Roe", None]


def test_a_passive_participle_is_no_cue() -> None:
    text = (
        "The embassy said claims that the clerk had links to Jan Brel, a cleric blamed by "
        "Zorland for the coup, were baseless."
    )
    (s,) = find(text)
    assert s.content.text.endswith("were baseless")


def test_they_after_plural_spokespeople_speaks_for_their_principal() -> None:
    cast = {"Jane Roe": ("Jane Roe", P)}
    text = "Lawyers for Jane Roe filed papers on Monday. They argued that the video was private."
    assert speakers(text, cast) == ["Jane Roe"]
    # A singular spokesperson is no antecedent of "they", nor a plural one of "she".
    assert speakers("A lawyer for Jane Roe filed papers. They argued that it was private.", cast) == [None]
    assert speakers("Lawyers for Jane Roe filed papers. She argued that it was private.", cast) != [
        "Jane Roe"
    ]


def test_they_after_a_group_of_the_cast_is_that_group() -> None:
    cast = {"Zorland officials": ("Zorland officials", ActorKind.GROUP)}
    text = "Zorland officials met bankers on Monday. They said rates would rise."
    assert speakers(text, cast) == ["Zorland officials"]


def test_a_name_before_a_place_or_adjunct_is_the_speaker() -> None:
    cast = {"Quelton Bank": ("Quelton Bank", ORG), "London": ("London", ActorKind.LOCATION)}
    assert speakers("Quelton Bank in London said rates would rise.", cast) == ["Quelton Bank"]


def test_an_organisations_document_speaks_for_it() -> None:
    cast = {"Quelton Mining": ("Quelton Mining", ORG)}
    text = "Quelton Mining said profits rose. A company statement said it would hire."
    assert speakers(text, cast) == ["Quelton Mining", "Quelton Mining"]
    assert (
        speakers("Quelton Mining said profits rose. A court statement said it would rule.", cast)[1] is None
    )


def test_a_cue_with_a_clause_after_a_closed_quotation_reports_the_clause() -> None:
    text = (
        "Tom Brel said the arrest showed “there is something cooking. How did they get in?” "
        "He said Jane Roe, who is due to leave, had been making farewell visits."
    )
    found = [
        (s.content.text, s.rule) for s in find(text, {"Tom Brel": ("Tom Brel", P), "He": ("Tom Brel", P)})
    ]
    assert ("Jane Roe, who is due to leave, had been making farewell visits", "cue-then-clause") in found
    # A cue that may take an addressee keeps the quotation: “...?” he asked the workers as ...
    asked = "“Now they can’t see me, can they?” he asked the workers as he hid the machine."
    (q,) = find(asked, {"he": ("Tom Brel", P)})
    assert (q.content.text, q.rule) == ("Now they can’t see me, can they?", "quote-then-cue")
    # A quotation closed by a comma keeps its attribution: “...,” he said on Monday.
    (s,) = find("“The deal is dead,” he said after the talks in Zorbury ended.", {"he": ("Tom Brel", P)})
    assert s.content.text == "The deal is dead"


def test_a_long_spokesperson_phrase_is_a_source() -> None:
    cast = {"Zorland prosecutors": ("Zorland prosecutors", ActorKind.GROUP)}
    (s,) = find("The foreign state was Quelton, a spokeswoman for the prosecutor’s office said.", cast)
    assert s.source is not None and s.source.text == "a spokeswoman for the prosecutor’s office"
    assert s.content.text == "The foreign state was Quelton"


def test_a_gloss_in_brackets_before_an_inverted_cue_is_no_source() -> None:
    text = (
        "The houses were used by the fighters (Zorland Front guerrillas), said a member of the "
        "Zorland Front, who asked not to be identified. No leaders were in the area, he added."
    )
    front = {"Zorland Front": ("Zorland Front", ORG)}
    found = [
        (s.source.text if s.source else None, s.speaker.name if s.speaker else None)
        for s in find(text, front)
    ]
    # the member speaks (for the Front), "who asked not to be identified" reports nothing, and
    # "he" is the member: a spokesperson noun, "member", before it
    assert found == [("a member of the Zorland Front", "Zorland Front"), ("he", "Zorland Front")]


def test_the_leader_of_a_named_country_is_its_person_with_a_role() -> None:
    text = (
        "Mexican President Jan Brel met Tom Roe on Monday. Roe said the meeting went well. "
        "The Mexican leader said the talks would go on."
    )
    assert ("The Mexican leader", "Jan Brel", "the talks would go on") in _spoken(text)


def test_a_subordinate_clause_after_a_comma_stays_in_the_statement() -> None:
    cast = {"Tom Roe": ("Tom Roe", P), "Jan Brel": ("Jan Brel", P)}
    text = (
        "Tom Roe said he spoke with Jan Brel on Thursday, when the Zorland leader announced he would resign."
    )
    (s,) = find(text, cast)
    assert s.content.text.endswith("announced he would resign")
    assert s.speaker is not None and s.speaker.name == "Tom Roe"


def test_a_first_person_source_speaks_with_the_voice_around_it() -> None:
    cast = {"Jan Brel": ("Jan Brel", P)}
    lost_marks = (
        "As far as we are concerned, the ruling stands, Jan Brel said on Monday. "
        "What we are demanding is that the commission should respect the court."
    )
    found = {s.content.text: (s.source.text if s.source else None, s.speaker) for s in find(lost_marks, cast)}
    src, speaker = found["is that the commission should respect the court"]
    assert src == "we" and speaker is not None and speaker.name == "Jan Brel"
    # With no statement before it, a first-person source stays unresolved.
    (alone,) = find("What we are demanding is that the commission should respect the court.", cast)
    assert alone.speaker is None
