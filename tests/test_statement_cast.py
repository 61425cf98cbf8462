"""The statement stage refines the actor stage's cast (issue 11: speaker attribution happens in
the statement stage): a government speaker's ``we`` is his country, and the Parser carries the
refined cast into the later stages and the Article."""

from __future__ import annotations

import attrs
import pytest

import newsmodel
from newsmodel.model import Actor, ActorKind, Mention, MentionKind, Span, Statement
from newsmodel.pipeline import Cast, CastRefiningStage, Context
from newsmodel.statements import StatementFinder

BREL = (
    "“We will not retreat,” Foreign Minister Jan Brel of Belgium said. "
    "Brel added, “our position is clear.” “We are tired,” said one villager."
)


def _named(article: newsmodel.Article, name: str) -> Actor:
    (actor,) = article.actors_named(name)
    return actor


def test_we_in_a_government_persons_quote_is_the_country() -> None:
    article = newsmodel.parse(BREL)
    belgium = _named(article, "Belgium")
    pronouns = [m for m in belgium.mentions if m.kind is MentionKind.PRONOUN]
    assert [(m.span.text, m.rule) for m in pronouns] == [
        ("We", "quote-we-country"),
        ("our", "quote-we-country"),
    ]
    villager_we = BREL.rindex("We")
    assert article.mention_at(villager_we) is None


def test_the_actor_stage_alone_leaves_we_unresolved() -> None:
    parser = newsmodel.Parser()
    segments = parser.segmenter(BREL)
    cast = parser.actors(Context(text=BREL, published=None, headline=None, segments=segments))
    assert all(m.rule != "quote-we-country" for a in cast.actors for m in a.mentions)


def test_a_country_the_article_does_not_name_joins_the_cast() -> None:
    text = "“We will not retreat,” Russian Foreign Minister Sergei Lavrov said on Monday."
    article = newsmodel.parse(text, published="2017-04-10")
    lavrov = _named(article, "Sergei Lavrov")
    assert (lavrov.country, lavrov.sector) == ("RUS", "GOV")
    (russia,) = [a for a in article.actors if a.kind is ActorKind.COUNTRY]
    assert (russia.id, russia.name, russia.country) == ("russia", "Russia", "RUS")
    assert [m.span.text for m in russia.mentions] == ["We"]
    assert [a.id for a in article.actors] == ["russia", "sergei-lavrov"]  # by first mention


def test_seed_our_is_the_united_states(seed_article: newsmodel.Article, seed_text: str) -> None:
    our = seed_text.index("our military posture")
    found = seed_article.mention_at(our)
    assert found is not None and found[0] is _named(seed_article, "United States")


def test_speakers_and_event_actors_are_the_refined_actors(seed_article: newsmodel.Article) -> None:
    held = {id(a) for a in seed_article.actors}
    assert all(s.speaker is None or id(s.speaker) in held for s in seed_article.statements)
    assert all(id(a) in held for e in seed_article.events for a in (*e.sources, *e.targets))


def test_the_statement_finder_is_a_cast_refining_stage() -> None:
    finder = StatementFinder()
    assert isinstance(finder, CastRefiningStage)
    parser = newsmodel.Parser()
    segments = parser.segmenter(BREL)
    ctx = Context(text=BREL, published=None, headline=None, segments=segments)
    ctx = attrs.evolve(ctx, cast=parser.actors(ctx))
    statements, cast = finder.refine(ctx)
    assert cast is not ctx.cast and len(cast.actors) >= len(ctx.cast.actors)
    held = {id(a) for a in cast.actors}
    assert statements and all(s.speaker is None or id(s.speaker) in held for s in statements)
    # Called alone, the finder resolves through the cast it is given.
    alone = finder(ctx)
    assert [s.content for s in alone] == [s.content for s in statements]


def test_a_stage_returning_a_tuple_still_works() -> None:
    finder = StatementFinder()

    def plain(context: Context) -> tuple[Statement, ...]:
        return finder(context)

    assert not isinstance(plain, CastRefiningStage)
    article = newsmodel.Parser(statements=plain).parse(BREL)
    assert article.statements
    assert not article.actors_named("Belgium") or all(
        m.rule != "quote-we-country" for m in _named(article, "Belgium").mentions
    )


# -- Cast.with_mentions -----------------------------------------------------------------------------


def _mention(text: str, start: int, end: int, kind: MentionKind = MentionKind.NAME) -> Mention:
    return Mention(span=Span.of(text, start, end), kind=kind, rule="test")


def test_with_mentions_adds_in_text_order_and_keeps_ids() -> None:
    text = "Jan Brel spoke. We agree, Brel said. Belgium."
    brel = Actor(id="jan-brel", name="Jan Brel", kind=ActorKind.PERSON, mentions=(_mention(text, 0, 8),))
    cast = Cast(actors=(brel,), country_names={"BEL": "Belgium"})
    later = text.index("Brel said")
    belgium = Actor(id="", name=cast.country_name("BEL"), kind=ActorKind.COUNTRY, country="BEL")
    we = text.index("We")
    refined = cast.with_mentions(
        [(brel, _mention(text, later, later + 4)), (belgium, _mention(text, we, we + 2, MentionKind.PRONOUN))]
    )
    assert [a.id for a in refined.actors] == ["jan-brel", "belgium"]
    assert [m.span.text for m in refined.actors[0].mentions] == ["Jan Brel", "Brel"]
    assert refined.actor_at(we) is refined.actors[1]
    assert cast.actors == (brel,)  # the cast itself is unchanged


def test_with_mentions_leaves_out_overlaps_and_numbers_a_clashing_id() -> None:
    text = "Belgium said Belgium."
    place = Actor(id="belgium", name="Belgium", kind=ActorKind.LOCATION, mentions=(_mention(text, 0, 7),))
    cast = Cast(actors=(place,))
    country = Actor(id="", name="Belgium", kind=ActorKind.COUNTRY, country="BEL")
    refined = cast.with_mentions(
        [
            (country, _mention(text, 2, 5)),
            (country, _mention(text, 13, 20)),
            (country, _mention(text, 14, 16)),
        ]
    )
    assert [a.id for a in refined.actors] == ["belgium", "belgium-2"]
    assert [m.span.text for m in refined.actors[1].mentions] == ["Belgium"]
    assert cast.with_mentions([]) is cast


@pytest.mark.parametrize(("code", "name"), [("BEL", "Belgium"), ("XXX", "XXX")])
def test_country_name_without_the_actor_stages_names(code: str, name: str) -> None:
    assert Cast().country_name(code) == name


def test_we_follows_the_statements_own_speaker() -> None:
    # The speaker is the statement's, however it is attributed: here a cue and a time before a colon.
    text = "Russian Foreign Minister Sergei Lavrov said on Monday: “We will not accept our isolation.”"
    article = newsmodel.parse(text, published="2017-04-10")
    (statement,) = article.statements
    assert statement.speaker is not None and statement.speaker.name == "Sergei Lavrov"
    russia = _named(article, "Russia")
    assert [(m.span.text, m.rule) for m in russia.mentions] == [
        ("We", "quote-we-country"),
        ("our", "quote-we-country"),
    ]
    # A speaker who is no government person gives no country.
    plain = newsmodel.parse("“We will not accept it,” said Jan Brel, a farmer.")
    assert all(m.rule != "quote-we-country" for a in plain.actors for m in a.mentions)
