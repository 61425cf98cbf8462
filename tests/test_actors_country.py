"""How an actor's country is found: the words around a name, Phoenix, the article's country.

Each rule is tested on sentences written for it; the rule that placed an actor is appended to
the rule of its first mention (``title-name+country-role``).
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pycountry
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsmodel
from newsmodel import Actor, ActorKind, Article, MentionKind

_ISO = frozenset(c.alpha_3 for c in pycountry.countries) | {"XKX"}


def _actor(article: Article, name: str) -> Actor:
    found = [a for a in article.actors if a.name == name]
    assert found, f"no actor named {name!r} in {[a.name for a in article.actors]}"
    return found[0]


def _placed_by(actor: Actor) -> str:
    """The rule that placed the actor (after the "+" of its first mention's rule), or ""."""
    return actor.mentions[0].rule.partition("+")[2]


@pytest.mark.parametrize(
    ("text", "name", "country", "rule"),
    [
        # A nationality, a country or its possessive in the role before the name (a nationality
        # right before a description is read by the name grammar itself: no placing rule).
        (
            "Hungarian prime minister Viktor Orbanyi said on Monday he would stay.",
            "Viktor Orbanyi",
            "HUN",
            "",
        ),
        (
            "Pakistan's Minister of State Talal Chaudhryx told reporters the talks would go on.",
            "Talal Chaudhryx",
            "PAK",
            "country-role",
        ),
        # Wire copy that lost its apostrophes: "Lebanon s Foreign Minister".
        (
            "Lebanon s Foreign Minister Gebran Bassilo said the vote was wrong.",
            "Gebran Bassilo",
            "LBN",
            "country-role",
        ),
        (
            "U.S. Ambassador to the United Nations Nikki Halewood visited a camp.",
            "Nikki Halewood",
            "USA",
            "country-role",
        ),
        # A role word right before a comma and the name.
        (
            "Her Canadian husband, Joshua Boylston, was freed on Friday.",
            "Joshua Boylston",
            "CAN",
            "country-role",
        ),
        # An apposition after the name.
        (
            "Werner Langenberg, a German member of the European Parliament, said the vote was a warning.",
            "Werner Langenberg",
            "DEU",
            "country-apposition",
        ),
        (
            "Daniel Lemischka, acting U.S. Attorney for the district, called it extraordinary.",
            "Daniel Lemischka",
            "USA",
            "country-apposition",
        ),
    ],
)
def test_country_from_the_words_around_a_name(text: str, name: str, country: str, rule: str) -> None:
    actor = _actor(newsmodel.parse(text), name)
    assert actor.kind is ActorKind.PERSON
    assert actor.country == country
    assert _placed_by(actor) == rule


def test_a_country_after_to_is_not_the_persons() -> None:
    """An ambassador to Russia is not Russian, and an ambassador's post does not make the
    article's country his."""
    article = newsmodel.parse(
        "MOSCOW (Reuters) - Ambassador to Russia Jon Huntsmore met officials on Monday."
    )
    assert _actor(article, "Jon Huntsmore").country is None


def test_domestic_office_takes_the_datelines_country() -> None:
    article = newsmodel.parse(
        "NAIROBI (Reuters) - County Commissioner Josephine Onungu said officers opened fire."
    )
    onungu = _actor(article, "Josephine Onungu")
    assert onungu.country == "KEN"
    assert _placed_by(onungu) == "country-of-article"


def test_domestic_office_takes_the_country_named_before_in_its_sentence() -> None:
    text = "WASHINGTON (Reuters) - In Egypt's response, foreign ministry spokesman Ahmed Abu Zeidan said it was wrong."
    zeidan = _actor(newsmodel.parse(text), "Ahmed Abu Zeidan")
    assert zeidan.country == "EGY"
    assert _placed_by(zeidan) == "country-of-sentence"


def test_without_a_dateline_the_most_named_country_is_the_articles() -> None:
    text = (
        "Cambodia's government rejected the report. Cambodia has denied it before. "
        "President Hun Senno said the opposition lied. A Thai official disagreed."
    )
    assert _actor(newsmodel.parse(text), "Hun Senno").country == "KHM"


def test_no_fixed_default_country() -> None:
    """With no dateline and no country named, a senator or a court stays without a country."""
    article = newsmodel.parse("Senator Joe Blotnik said the Supreme Court would rule on Monday.")
    assert _actor(article, "Joe Blotnik").country is None
    assert _actor(article, "Supreme Court").country is None


def test_a_domestic_body_takes_the_articles_country_unless_its_owner_is_written() -> None:
    article = newsmodel.parse("PHNOM PENH (Reuters) - The Supreme Court rejected the appeal on Tuesday.")
    court = _actor(article, "Supreme Court")
    assert court.country == "KHM"
    assert _placed_by(court) == "country-of-article"
    owned = newsmodel.parse("PHNOM PENH (Reuters) - Kenya's Supreme Court rejected the appeal on Tuesday.")
    assert _actor(owned, "Supreme Court").country == "KEN"


def test_a_domestic_group_is_not_placed_where_someone_travelled() -> None:
    text = (
        "NAIROBI (Reuters) - Opposition leader Raila Odingo spoke during a visit to London. "
        "He said protesters had a right to demonstrate."
    )
    protesters = _actor(newsmodel.parse(text), "protesters")
    assert protesters.country == "KEN"


def test_a_bare_group_noun_refers_back_to_the_group_named_before() -> None:
    article = newsmodel.parse("Kenyan police shot dead two people. Police also used teargas in Kisumu.")
    police = [a for a in article.actors if a.name.endswith("police")]
    assert len(police) == 1
    assert [m.span.text for m in police[0].mentions] == ["Kenyan police", "Police"]


def test_phoenix_places_a_known_person_on_the_date() -> None:
    text = "She met with President Salva Kiir on Thursday."
    kiir = _actor(newsmodel.parse(text, published=date(2017, 10, 27)), "Salva Kiir")
    assert kiir.country == "SSD"  # of Sudan until 2011, of South Sudan since
    assert _placed_by(kiir) == "country-phoenix"


def test_import_does_not_load_the_phoenix_dictionary() -> None:
    code = "import sys, newsmodel; print('newsmodel.rules.phoenix' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_datelines_agency_is_no_actor_unless_the_body_names_it() -> None:
    quiet = newsmodel.parse(
        "LONDON (Reuters) - Britain said on Friday it believed North Korea was behind it."
    )
    assert not [a for a in quiet.actors if a.name == "Reuters"]
    named = newsmodel.parse("LONDON (Reuters) - Ben Wallace told Reuters on Friday that it was North Korea.")
    (reuters,) = [a for a in named.actors if a.name == "Reuters"]
    names = [m.span.start for m in reuters.mentions if m.kind is MentionKind.NAME]
    assert names == [named.text.index("Reuters", 20)]


# -- properties --------------------------------------------------------------------------------

_WORDS = st.sampled_from(
    [
        "President",
        "Hungarian",
        "prime",
        "minister",
        "Viktor",
        "Orban",
        ",",
        "a",
        "the",
        "German",
        "member",
        "of",
        "Pakistan's",
        "U.S.",
        "ambassador",
        "to",
        "Russia",
        "said",
        "Supreme",
        "Court",
        "protesters",
        "police",
        "Kenyan",
        "NAIROBI",
        "(Reuters)",
        "-",
        "Reuters",
        "told",
        "he",
        ".",
        "Salva",
        "Kiir",
        "s",
        "Foreign",
        "Minister",
        "Lebanon",
        "in",
        "Kenya",
        "spokesman",
    ]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=40))
def test_property_countries_are_iso_and_sides_are_actors(words: list[str]) -> None:
    article = newsmodel.parse(" ".join(words), published=date(2017, 10, 1))
    actors = set(article.actors)
    for a in article.actors:
        assert a.country is None or a.country in _ISO, a
    for s in article.statements:
        assert s.speaker is None or s.speaker in actors
    for e in article.events:
        for side in (*e.sources, *e.targets):
            assert side in actors


def test_a_bare_institution_is_the_articles_or_the_one_named_before() -> None:
    board = newsmodel.parse("NAIROBI (Reuters) - The election board said the polls would go ahead.")
    (actor,) = [a for a in board.actors if a.name == "election board"]
    assert (actor.kind, actor.country) == (ActorKind.ORGANIZATION, "KEN")
    assert _placed_by(actor) == "country-of-article"
    text = "The Kenyan government denied it. On Monday the government said talks would go on."
    governments = [a for a in newsmodel.parse(text).actors if a.name.endswith("government")]
    assert len(governments) == 1
    names = [m.span.text for m in governments[0].mentions if m.kind is not MentionKind.PRONOUN]
    assert names == ["Kenyan government", "government"]


def test_a_short_name_two_states_share_is_the_one_the_article_names_in_full() -> None:
    text = "Haley visited the Democratic Republic of Congo. Violence in Congo has displaced thousands."
    congo = [a for a in newsmodel.parse(text).actors if a.kind is ActorKind.COUNTRY]
    assert [(a.country, [m.span.text for m in a.mentions]) for a in congo] == [
        ("COD", ["Democratic Republic of Congo", "Congo"])
    ]
    alone = newsmodel.parse("Violence in Congo has displaced thousands.")
    # Named only as where things happen, Congo is a place of that country (countries_as_places).
    assert [(a.kind, a.country) for a in alone.actors] == [(ActorKind.LOCATION, "COG")]


def test_a_bare_group_named_before_its_qualified_form_is_one_actor() -> None:
    text = "Prosecutors said on Wednesday he spied. Hungarian prosecutors charged him in May."
    groups = [a for a in newsmodel.parse(text).actors if a.name.endswith(("prosecutors", "Prosecutors"))]
    assert [(a.name, a.country, [m.span.text for m in a.mentions]) for a in groups] == [
        ("Hungarian prosecutors", "HUN", ["Prosecutors", "Hungarian prosecutors"])
    ]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("He is head of the International Commission Against Impunity, officials said.", "Commission"),
        ("He was condemned by the chief Brexit negotiator Guy Verhofstadt on Monday.", "Brexit"),
    ],
)
def test_a_word_after_a_title_is_a_person_only_with_evidence(text: str, word: str) -> None:
    article = newsmodel.parse(text)
    assert not [a for a in article.actors if a.kind is ActorKind.PERSON and a.name == word]


def test_a_dateline_of_two_places_gives_the_one_the_article_names_most() -> None:
    text = (
        "WASHINGTON/CAIRO (Reuters) - Egypt defended a new law. Egypt said critics were wrong, "
        "and Egyptian lawmakers agreed. Spokesman Ahmed Abu Zeidan said it was needed."
    )
    assert _actor(newsmodel.parse(text), "Ahmed Abu Zeidan").country == "EGY"


def test_a_person_joined_by_and_to_a_placed_one_shares_the_country() -> None:
    text = "CAIRO (Reuters) - Senators John McCain and Lindsey Grahamson said in a statement it was wrong."
    article = newsmodel.parse(text)
    graham = _actor(article, "Lindsey Grahamson")
    assert graham.country == "USA"
    assert _placed_by(graham) == "country-coordinated"
    assert not [a for a in article.actors if a.name == "Reuters"]  # no pronoun refers to the agency
