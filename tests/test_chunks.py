"""The shallow chunker (``newsmodel._events.chunks``) and the roles the event stage reads off it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import newsmodel
from newsmodel import Event
from newsmodel._events.chunks import (
    ADV,
    COORD,
    NOUN,
    PREP,
    PUNCT,
    SUB,
    VERB,
    ChunkGrammar,
    Chunks,
    agent_of,
    chunk,
    object_of,
    subject_of,
)
from newsmodel.segment import Segmenter

SEGMENT = Segmenter()
KINDS = {NOUN, VERB, PREP, COORD, SUB, PUNCT, ADV}


def chunks_of(text: str, *verbs: str) -> tuple[Chunks, tuple[str, ...]]:
    """The chunks of a one-sentence text; ``verbs``: words the scan would have found as verb triggers."""
    seg = SEGMENT(text)
    words = seg.lower_words
    hints = {i for i, w in enumerate(words) if w in verbs}
    return chunk(words, 0, len(words), verbs=hints, cased=seg.words), words


def group(ch: Chunks, words: tuple[str, ...], k: int) -> str:
    return " ".join(words[ch.first(k) : ch.end(k)])


def head(ch: Chunks, words: tuple[str, ...], k: int) -> str:
    return words[ch.head(k)]


def verb(ch: Chunks, words: tuple[str, ...], word: str) -> int:
    """The item of the verb group holding ``word``."""
    k = ch.item_of(words.index(word))
    assert ch.kinds[k] == VERB, (word, ch.kinds)
    return k


def subjects(text: str, word: str, *verbs: str) -> list[str]:
    ch, words = chunks_of(text, *verbs)
    return [group(ch, words, k) for k in subject_of(ch, verb(ch, words, word))]


# -- groups and heads --------------------------------------------------------------------------


def test_the_head_of_a_noun_group_is_its_last_content_word() -> None:
    ch, words = chunks_of("Police arrested a U.S. consulate worker in Istanbul.", "arrested")
    k = ch.item_of(words.index("worker"))
    assert ch.kinds[k] == NOUN
    assert group(ch, words, k) == "a u.s. consulate worker"
    assert head(ch, words, k) == "worker"  # not the United States


def test_a_possessive_and_a_hyphen_stay_inside_the_group() -> None:
    ch, words = chunks_of("Turkey's police detained a U.N.-backed official.", "detained")
    assert [group(ch, words, k) for k in range(len(ch)) if ch.kinds[k] == NOUN] == [
        "turkey 's police",
        "a u.n. - backed official",
    ]
    assert [head(ch, words, k) for k in range(len(ch)) if ch.kinds[k] == NOUN] == ["police", "official"]


def test_a_name_link_joins_capitalised_words_but_not_a_noun_phrase() -> None:
    ch, words = chunks_of("The Bank of England criticized the arrest of the minister.", "criticized")
    nouns = [group(ch, words, k) for k in range(len(ch)) if ch.kinds[k] == NOUN]
    assert nouns == ["the bank of england", "the arrest", "the minister"]


def test_verb_groups_hold_auxiliaries_negations_and_adverbs() -> None:
    ch, words = chunks_of("The envoy has not yet been formally expelled.")
    k = verb(ch, words, "expelled")
    assert group(ch, words, k) == "has not yet been formally expelled"
    assert head(ch, words, k) == "expelled"
    assert ch.passive(k)


def test_a_participle_after_a_determiner_is_a_modifier_after_a_noun_a_verb() -> None:
    ch, words = chunks_of("The detained man said a crowd gathered.")
    assert ch.kinds[ch.item_of(words.index("detained"))] == NOUN
    assert ch.kinds[ch.item_of(words.index("gathered"))] == VERB


def test_to_before_a_plain_word_is_the_infinitive_before_a_name_a_preposition() -> None:
    ch, words = chunks_of("They want to storm the station and sent aid to Kenya.")
    assert ch.kinds[ch.item_of(words.index("storm"))] == VERB
    assert ch.kinds[ch.item_of(words.index("to"))] == VERB  # "to storm" is one verb group
    assert ch.kinds[ch.item_of(len(words) - 3)] == PREP  # the second "to"


# -- clause structure --------------------------------------------------------------------------


def test_subject_past_a_prepositional_phrase() -> None:
    assert subjects("Rebels in the north rejected the offer.", "rejected", "rejected") == ["rebels"]


def test_subject_past_a_relative_clause_between_commas() -> None:
    text = "Chile, which has expelled two diplomats this year, summoned a third."
    assert subjects(text, "summoned", "summoned", "expelled") == ["chile"]


def test_subject_past_an_apposition() -> None:
    text = "Norway, a close partner of the alliance, has refused to help."
    assert subjects(text, "refused") == ["norway"]


def test_a_relative_pronoun_stands_for_its_antecedent() -> None:
    assert subjects("The soldiers, who fired at the crowd, were arrested.", "fired", "fired") == [
        "the soldiers"
    ]


def test_coordinated_subjects() -> None:
    assert subjects("Peru, Chile and Colombia vowed to stand with Mexico.", "vowed", "vowed") == [
        "peru",
        "chile",
        "colombia",
    ]


def test_coordinated_verbs_share_the_subject() -> None:
    text = "Soldiers shot two men and wounded a third."
    assert subjects(text, "wounded", "shot", "wounded") == ["soldiers"]


def test_the_complement_of_a_verb_takes_its_subject_or_object() -> None:
    assert subjects("A crowd tried to storm the station.", "storm") == ["a crowd"]
    assert subjects("The ministers urged Spain to free the prisoners.", "free", "urged") == ["spain"]


def test_a_participle_clause_takes_the_main_clause_subject() -> None:
    text = "Police fired teargas, forcing the protesters to flee."
    assert subjects(text, "forcing", "fired") == ["police"]


def test_a_participle_clause_that_opens_the_sentence_takes_the_subject_after_it() -> None:
    assert subjects(
        "Complaining of the tariff, the minister said talks had failed.", "complaining", "complaining"
    ) == ["the minister"]
    assert subjects("While visiting Peru, the envoy praised the court.", "visiting", "praised") == [
        "the envoy"
    ]


def test_a_non_finite_clause_after_a_preposition_takes_the_main_subject() -> None:
    text = "The two nurses were freed, after having been kidnapped by rebels in 2012."
    ch, words = chunks_of(text, "kidnapped", "freed")
    k = verb(ch, words, "kidnapped")
    assert ch.passive(k)
    assert [group(ch, words, j) for j in subject_of(ch, k)] == ["the two nurses"]
    assert [group(ch, words, j) for j in agent_of(ch, k)] == ["rebels"]


def test_no_subject_inside_a_subordinate_clause_opened_without_one() -> None:
    # "that" opens the clause of "banned": what is before it is another clause's.
    ch, words = chunks_of("He said that banned the rallies.", "banned")
    assert subject_of(ch, verb(ch, words, "banned")) == []


def test_objects_direct_prepositional_and_coordinated() -> None:
    ch, words = chunks_of("Police arrested two students and a teacher.", "arrested")
    got, prep = object_of(ch, verb(ch, words, "arrested"), {"against"})
    assert [group(ch, words, k) for k in got] == ["two students", "a teacher"] and prep is None
    ch, words = chunks_of("Protesters marched against the government.", "marched")
    got, prep = object_of(ch, verb(ch, words, "marched"), {"against"})
    assert [group(ch, words, k) for k in got] == ["the government"] and prep == "against"
    got, prep = object_of(ch, verb(ch, words, "marched"), {"with"})
    assert got == [] and prep is None


def test_passive_agent_past_other_phrases() -> None:
    ch, words = chunks_of("The reporter was detained in Cairo on Monday by police.")
    k = verb(ch, words, "detained")
    assert ch.passive(k)
    assert [group(ch, words, j) for j in agent_of(ch, k)] == ["police"]


def test_the_grammar_comes_from_english_toml() -> None:
    g = ChunkGrammar.shipped()
    assert g.codes["the"] == "d" and g.codes["which"] == "R" and g.codes["of"] == "f"
    assert "by" in g.agent and "was" in g.be


# -- properties --------------------------------------------------------------------------------

WORDS = st.sampled_from(
    [
        "the", "a", "police", "Police", "arrested", "was", "were", "by", "to", "storm", ",", "which",
        "who", "and", "or", "said", "saying", "Turkey", "'s", "-", "of", "Bank", "England", "not",
        "quickly", "they", "him", "in", "after", "having", "been", "that", ".", "“", "20",
    ]
)  # fmt: skip


def _check(text: str) -> None:
    seg = SEGMENT(text)
    words = seg.lower_words
    for s in seg.sentences:
        lo = next((i for i, t in enumerate(seg.tokens) if t[0] >= s.start), len(words))
        hi = next((i for i, t in enumerate(seg.tokens) if t[0] >= s.end), len(words))
        hints = set(range(lo, hi, 3))
        ch = chunk(words, lo, hi, verbs=hints, cased=seg.words)
        again = chunk(words, lo, hi, verbs=hints, cased=seg.words)
        assert (ch.kinds, ch.starts, ch.codes) == (again.kinds, again.starts, again.codes)  # deterministic
        assert len(ch.codes) == hi - lo and len(ch.kinds) == len(ch.starts)
        assert set(ch.kinds) <= KINDS
        # The items cover the sentence's tokens, in order, each at least one token long.
        assert ch.starts == sorted(set(ch.starts)) and (not ch.starts or ch.starts[0] == 0)
        for k in range(len(ch)):
            assert lo <= ch.first(k) < ch.end(k) <= hi
            assert ch.first(k) <= ch.head(k) < ch.end(k)  # the head is inside its group
            assert ch.item_of(ch.first(k)) == k and ch.item_of(ch.end(k) - 1) == k
            if ch.kinds[k] == VERB:
                for got in (subject_of(ch, k), object_of(ch, k, {"to", "by"})[0], agent_of(ch, k)):
                    assert all(ch.kinds[j] == NOUN for j in got)
        assert ch.item_of(lo - 1) == -1 and ch.item_of(hi) == -1


@given(st.lists(WORDS, max_size=40).map(" ".join))
def test_chunks_of_news_like_word_salad_hold(text: str) -> None:
    _check(text)


@given(st.text(max_size=300))
def test_chunks_never_raise_on_any_text(text: str) -> None:
    _check(text)


# -- the roles the event stage reads (whole pipeline) --------------------------------------------


def events(text: str) -> list[Event]:
    return list(newsmodel.parse(text, published="2021-05-04").events)


def sides(text: str, trigger: str) -> tuple[list[str], list[str]]:
    e = next(e for e in events(text) if e.trigger.text == trigger)
    return [a.name for a in e.sources], [a.name for a in e.targets]


def test_the_subject_of_a_passive_in_a_clause_after_a_preposition() -> None:
    text = (
        "Maria Lopez and Peter Hahn were freed on Friday, after having been kidnapped by the Taliban in 2019."
    )
    assert sides(text, "kidnapped") == (["Taliban"], ["Maria Lopez", "Peter Hahn"])


def test_the_subject_after_an_opening_participle_clause() -> None:
    text = "Complaining of the tariffs Canada imposes on dairy, Donald Trump said the deal was unfair."
    assert sides(text, "Complaining") == (["Donald Trump"], ["Canada"])


def test_the_subject_of_the_main_clause_is_no_target_of_the_participle() -> None:
    text = "Criticizing the new law, Amnesty International said Egypt had silenced its critics."
    assert sides(text, "Criticizing")[0] == ["Amnesty International"]


def test_the_agent_of_a_passive_is_the_head_of_the_by_phrase() -> None:
    text = (
        "Boris Johnson was swiftly condemned by the European Parliament's chief negotiator Guy Verhofstadt."
    )
    assert sides(text, "condemned") == (["Guy Verhofstadt"], ["Boris Johnson"])


def test_the_target_of_a_noun_is_the_head_of_the_phrase_after_it() -> None:
    text = "Diplomats protested after the arrest of opposition leader Kem Sokha in September."
    assert sides(text, "arrest")[1] == ["Kem Sokha"]


def test_an_object_relative_pronoun_is_no_subject() -> None:
    # "whom officials blame": the officials blame, not the refugees "whom" stands for.
    ch, words = chunks_of("The refugees, whom officials blame for the clash, fled.", "blame", "fled")
    assert [group(ch, words, k) for k in subject_of(ch, verb(ch, words, "blame"))] == ["officials"]


def test_adverbs_without_ly_stay_out_of_noun_groups_and_ly_nouns_stay_in() -> None:
    # "also" is no head of "Police also"; "rally" is a noun, not an adverb.
    ch, words = chunks_of("Police also dispersed a rally in Lima.", "dispersed")
    assert subjects("Police also dispersed a rally in Lima.", "dispersed", "dispersed") == ["police"]
    groups = [group(ch, words, k) for k in range(len(ch)) if ch.kinds[k] == NOUN]
    assert "a rally" in groups


def test_the_subject_of_an_infinitive_after_for() -> None:
    from newsmodel._events.chunks import infinitive_subject

    ch, words = chunks_of("It is time for Chile and Peru to sign a deal.", "sign")
    got = infinitive_subject(ch, verb(ch, words, "sign"))
    assert [group(ch, words, k) for k in got] == ["chile", "peru"]
    ch, words = chunks_of("Chile wants to sign a deal.", "sign", "wants")
    assert infinitive_subject(ch, verb(ch, words, "sign")) == []


def test_an_opening_participle_clause_takes_the_subject_past_an_adverb() -> None:
    text = "Speaking to reporters, he also said the talks had failed."
    assert subjects(text, "speaking", "speaking") == ["he"]
