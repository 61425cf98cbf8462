"""Tests of the event stage (newsmodel.events): lexicon, roles, modes, counts, properties."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

import newsmodel
from newsmodel import ActorKind, CountKind, EventKind, EventMode, RuleError
from newsmodel._events.inflect import inflect_noun, inflect_verb
from newsmodel.events import EventFinder, EventRules, to_records
from newsmodel.model import Actor, Mention, MentionKind, Span
from newsmodel.pipeline import Cast, Context
from newsmodel.rules import load_rules
from newsmodel.segment import Segmenter

FINDER = EventFinder()
SEGMENT = Segmenter()

_COUNTRY = {"Russia": "RUS", "Israel": "ISR", "Syria": "SYR", "France": "FRA", "Egypt": "EGY", "Japan": "JPN"}


def context(text: str, actors: dict[str, tuple[ActorKind, str | None, list[str]]]) -> Context:
    """A Context with a hand-made cast: name -> (kind, country, mention strings, each every occurrence)."""
    cast = []
    for i, (name, (kind, country, words)) in enumerate(actors.items()):
        mentions = []
        for w in words:
            for m in regex.finditer(rf"(?<!\w){regex.escape(w)}(?!\w)", text):
                mentions.append(Mention(span=Span.of(text, m.start(), m.end()), kind=MentionKind.NAME))
        mentions.sort(key=lambda m: m.span.start)
        cast.append(Actor(id=f"a{i}", name=name, kind=kind, country=country, mentions=tuple(mentions)))
    return Context(
        text=text, published=None, headline=None, segments=SEGMENT(text), cast=Cast(actors=tuple(cast))
    )


def countries(text: str, *names: str) -> Context:
    return context(text, {n: (ActorKind.COUNTRY, _COUNTRY.get(n), [n]) for n in names})


def only(events, kind):  # type: ignore[no-untyped-def]
    got = [e for e in events if e.kind is kind]
    assert got, f"no {kind.name} in {events}"
    return got[0]


# -- categories and triggers ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "kind", "trigger"),
    [
        ("Russia accused Israel of lying.", EventKind.ACCUSE, "accused"),
        ("Russia condemned Israel on Monday.", EventKind.ACCUSE, "condemned"),
        ("Russia held talks with Israel.", EventKind.CONSULT, "held talks"),
        ("Russia threatened Israel with sanctions.", EventKind.THREATEN, "threatened"),
        ("Russia rejected an Israel proposal.", EventKind.REJECT, "rejected"),
        ("Russia called on Israel to withdraw.", EventKind.REQUEST, "called on"),
        ("Russia expelled two diplomats from Israel.", EventKind.SANCTION, "expelled"),
        ("Russia arrested three men from Israel.", EventKind.COERCE, "arrested"),
        ("Russia shelled Israel overnight.", EventKind.ASSAULT, "shelled"),
        ("Russia praised Israel for its restraint.", EventKind.SUPPORT, "praised"),
        ("Russia mobilized troops against Israel.", EventKind.MOBILIZE, "mobilized"),
        ("Russia withdrew its troops from Israel.", EventKind.RETREAT, "withdrew"),
        ("Russia agreed to a truce with Israel.", EventKind.AGREE, "agreed"),
    ],
)
def test_category_and_roles(sentence: str, kind: EventKind, trigger: str) -> None:
    events = FINDER(countries(sentence, "Russia", "Israel"))
    e = only(events, kind)
    assert e.trigger.text.startswith(trigger)
    assert [a.name for a in e.sources] == ["Russia"]
    assert [a.name for a in e.targets] == ["Israel"]
    assert e.mode is EventMode.ASSERTED


def test_gapped_phrase() -> None:
    text = "Israel fired dozens of cruise missiles at Syria on Friday."
    e = only(FINDER(countries(text, "Israel", "Syria")), EventKind.ASSAULT)
    assert e.trigger.text == "fired dozens of cruise missiles at"
    assert e.rule == "lexicon:ASSAULT:fire ... at"
    assert [a.name for a in e.targets] == ["Syria"]


def test_fired_alone_is_not_an_attack() -> None:
    text = "Russia fired its finance minister."
    assert not [e for e in FINDER(countries(text, "Russia")) if e.kind is EventKind.ASSAULT]


def test_noun_or_verb_by_context() -> None:
    text = "Syria said the attack on Israel was planned."
    e = only(FINDER(countries(text, "Syria", "Israel")), EventKind.ASSAULT)
    assert e.trigger.text == "attack"
    assert [a.name for a in e.targets] == ["Israel"]
    assert e.sources == ()  # a noun takes no clause subject without a support verb


def test_passive_by_agent() -> None:
    text = "A camp in Syria was attacked by Israel."
    e = only(FINDER(countries(text, "Syria", "Israel")), EventKind.ASSAULT)
    assert [a.name for a in e.sources] == ["Israel"]
    assert "passive" in e.rule


def test_coordinated_sources() -> None:
    text = "France and Egypt agreed on Wednesday to cooperate."
    e = only(FINDER(countries(text, "France", "Egypt")), EventKind.AGREE)
    assert [a.name for a in e.sources] == ["France", "Egypt"]


def test_commas_alone_make_no_list() -> None:
    e = only(
        FINDER(countries("Russia threatened Israel, Syria said.", "Russia", "Israel", "Syria")),
        EventKind.THREATEN,
    )
    assert [a.name for a in e.targets] == ["Israel"]
    e = only(
        FINDER(countries("Russia threatened Israel, Syria and Egypt.", "Russia", "Israel", "Syria", "Egypt")),
        EventKind.THREATEN,
    )
    assert [a.name for a in e.targets] == ["Israel", "Syria", "Egypt"]


def test_noun_source_from_by_or_from() -> None:
    text = "The decision prompted a backlash from Russia."
    e = only(FINDER(countries(text, "Russia")), EventKind.ACCUSE)
    assert [a.name for a in e.sources] == ["Russia"]


def test_place_is_location_not_target() -> None:
    text = "Israel arrested five men in Syria."
    ctx = context(
        text,
        {"Israel": (ActorKind.COUNTRY, "ISR", ["Israel"]), "Syria": (ActorKind.COUNTRY, "SYR", ["Syria"])},
    )
    e = only(FINDER(ctx), EventKind.COERCE)
    assert e.location is not None and e.location.name == "Syria"
    # No target named: the place stands for it, and the rule says so.
    assert e.targets == (e.location,)
    assert e.rule.endswith("+place-target")


def test_named_target_keeps_the_place_apart() -> None:
    text = "Israel shelled Egypt from positions in Syria."
    e = only(FINDER(countries(text, "Israel", "Egypt", "Syria")), EventKind.ASSAULT)
    assert [a.name for a in e.targets] == ["Egypt"]
    assert "place-target" not in e.rule


# -- modes --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "mode"),
    [
        ("Russia did not accuse Israel.", EventMode.NEGATED),
        ("Russia never accused Israel.", EventMode.NEGATED),
        ("Russia didn’t accuse Israel.", EventMode.NEGATED),
        ("Russia won't accuse Israel.", EventMode.NEGATED),
        ("Russia stopped short of accusing Israel.", EventMode.NEGATED),
        ("Russia declined to accuse Israel.", EventMode.NEGATED),
        ("Russia will accuse Israel.", EventMode.FUTURE),
        ("Russia is expected to accuse Israel.", EventMode.FUTURE),
        ("Russia plans to accuse Israel.", EventMode.FUTURE),
        ("Russia could accuse Israel.", EventMode.HYPOTHETICAL),
        ("If pressed, Russia may accuse Israel.", EventMode.HYPOTHETICAL),
        ("Russia accused Israel.", EventMode.ASSERTED),
    ],
)
def test_modes(sentence: str, mode: EventMode) -> None:
    e = only(FINDER(countries(sentence, "Russia", "Israel")), EventKind.ACCUSE)
    assert e.mode is mode


def test_may_the_month_is_not_a_cue() -> None:
    e = only(FINDER(countries("In May Russia accused Israel.", "Russia", "Israel")), EventKind.ACCUSE)
    assert e.mode is EventMode.ASSERTED


def test_intent_recodes_cooperation_as_agree() -> None:
    e = FINDER(countries("Japan will give Egypt a grant of 5 million dollars.", "Japan", "Egypt"))
    assert [x.kind for x in e] == [EventKind.AGREE]
    assert "intent" in e[0].rule


def test_refused_agreement_is_a_rejection() -> None:
    e = only(
        FINDER(countries("Russia won’t accept the offer from Israel.", "Russia", "Israel")), EventKind.REJECT
    )
    assert "refusal" in e.rule
    assert [a.name for a in e.sources] == ["Russia"]


def test_conditional_force_is_a_threat() -> None:
    text = "Russia said it would attack Israel unless the talks resumed."
    e = only(FINDER(countries(text, "Russia", "Israel")), EventKind.THREATEN)
    assert [a.name for a in e.sources] == ["Russia"]  # "it" after "said": the speaker
    assert [a.name for a in e.targets] == ["Israel"]


def test_coordinated_verbs_share_the_subject() -> None:
    text = "Israel killed two men and wounded five others in Syria."
    events = FINDER(countries(text, "Israel", "Syria"))
    assert [e.kind for e in events] == [EventKind.ASSAULT]  # one happening
    assert {c.kind for c in events[0].counts} == {CountKind.KILLED, CountKind.INJURED}


def test_an_object_must_fill_the_gap() -> None:
    assert not FINDER(countries("Russia wants to reach out to Israel.", "Russia", "Israel"))
    e = only(FINDER(countries("Russia wants Israel to withdraw.", "Russia", "Israel")), EventKind.REQUEST)
    assert [a.name for a in e.targets] == ["Israel"]


def test_no_event_phrases_and_needed_targets() -> None:
    assert not FINDER(countries("Russia declined to comment on Israel.", "Russia", "Israel"))
    assert not FINDER(countries("A video released by Russia showed the port.", "Russia"))
    e = only(FINDER(countries("Russia released two men from Israel.", "Russia", "Israel")), EventKind.RETREAT)
    assert [a.name for a in e.targets] == ["Israel"]


def test_object_of_a_demand_is_not_an_event() -> None:
    events = FINDER(countries("Russia demanded a truce with Israel.", "Russia", "Israel"))
    assert [e.kind for e in events] == [EventKind.REQUEST]
    assert [a.name for a in events[0].targets] == ["Israel"]


def test_prepositional_object_stays_an_event() -> None:
    text = "Russia blamed Israel for the attack on Syria."
    kinds = [e.kind for e in FINDER(countries(text, "Russia", "Israel", "Syria"))]
    assert kinds == [EventKind.ACCUSE, EventKind.ASSAULT]


def test_control_verb_absorbs_its_complement() -> None:
    events = FINDER(countries("Russia threatened to attack Israel.", "Russia", "Israel"))
    assert [e.kind for e in events] == [EventKind.THREATEN]
    assert [a.name for a in events[0].targets] == ["Israel"]


def test_counts() -> None:
    text = "Israel shelled a town in Syria, killing at least 70 people and wounding 12 others."
    e = only(FINDER(countries(text, "Israel", "Syria")), EventKind.ASSAULT)
    counts = {c.kind: c.number for e2 in FINDER(countries(text, "Israel", "Syria")) for c in e2.counts}
    assert counts == {CountKind.KILLED: 70, CountKind.INJURED: 12}
    assert e.trigger.text == "shelled"


def test_count_number_first() -> None:
    text = "At least three civilians were killed when Israel shelled Syria."
    counts = [c for e in FINDER(countries(text, "Israel", "Syria")) for c in e.counts]
    assert [(c.kind, c.number, c.span.text) for c in counts] == [
        (CountKind.KILLED, 3, "At least three civilians")
    ]


def test_speaker_of_statement_cue_is_source() -> None:
    from newsmodel.model import Statement, StatementKind

    text = "He accused Israel of lying."
    ctx = countries(text, "Israel")
    russia = Actor(id="r", name="Russia", kind=ActorKind.COUNTRY, country="RUS")
    ctx = Context(
        text=text,
        published=None,
        headline=None,
        segments=ctx.segments,
        cast=Cast(actors=(*ctx.cast.actors, russia)),
        statements=(
            Statement(
                speaker=russia,
                source=Span.of(text, 0, 2),
                cue=Span.of(text, 3, 11),
                content=Span.of(text, 19, 26),
                kind=StatementKind.INDIRECT,
            ),
        ),
    )
    e = only(FINDER(ctx), EventKind.ACCUSE)
    assert e.sources == (russia,)


def test_demand_in_reported_speech() -> None:
    from newsmodel.model import Statement, StatementKind

    text = "Japan argued on Friday that Egypt and Syria must reach an agreement."
    ctx = countries(text, "Japan", "Egypt", "Syria")
    japan = ctx.cast.actors[0]
    content = text.index("Egypt")
    ctx = Context(
        text=text,
        published=None,
        headline=None,
        segments=ctx.segments,
        cast=ctx.cast,
        statements=(
            Statement(
                speaker=japan,
                source=Span.of(text, 0, 5),
                cue=Span.of(text, 6, 12),
                content=Span.of(text, content, len(text) - 1),
                kind=StatementKind.INDIRECT,
            ),
        ),
    )
    e = only(FINDER(ctx), EventKind.REQUEST)
    assert e.trigger.text == "must"
    assert e.rule == "statement:REQUEST:must"
    assert e.sources == (japan,)
    assert [a.name for a in e.targets] == ["Egypt", "Syria"]


def test_rejected_proposal_is_one_event() -> None:
    text = "Egypt rejected an Israeli offer to host a summit in Cairo."
    ctx = context(
        text,
        {
            "Egypt": (ActorKind.COUNTRY, "EGY", ["Egypt"]),
            "Israel": (ActorKind.COUNTRY, "ISR", ["Israeli"]),
            "Cairo": (ActorKind.LOCATION, "EGY", ["Cairo"]),
        },
    )
    events = FINDER(ctx)
    assert [e.kind for e in events] == [EventKind.REJECT]  # the summit was offered, not held
    # Without the rejection, the same offer is an event of its own.
    offered = FINDER(
        context(text.replace("rejected an", "made an"), {"Egypt": (ActorKind.COUNTRY, "EGY", ["Egypt"])})
    )
    assert EventKind.REJECT not in {e.kind for e in offered}
    assert offered


def test_rejected_proposal_absorbs_only_what_it_proposes() -> None:
    text = "Syria rejected an ultimatum to hand over a guard, and Israel attacked Syria."
    kinds = [e.kind for e in FINDER(countries(text, "Syria", "Israel"))]
    assert kinds == [EventKind.REJECT, EventKind.ASSAULT]  # the comma ends the proposal


@pytest.mark.parametrize(
    "text",
    [
        "Egypt met the demands of Israel.",
        "Egypt will not disarm until its demands are met.",
        "Egypt struggled to meet its growth targets.",
    ],
)
def test_meeting_demands_is_no_meeting(text: str) -> None:
    assert EventKind.CONSULT not in {e.kind for e in FINDER(countries(text, "Egypt", "Israel"))}


@pytest.mark.parametrize(
    "text", ["Egypt met Israel in Cairo.", "Egypt met with Israel to discuss its demands."]
)
def test_meeting_is_still_a_meeting(text: str) -> None:
    assert EventKind.CONSULT in {e.kind for e in FINDER(countries(text, "Egypt", "Israel"))}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Egypt accused Israel of attacking Syria.", EventKind.ACCUSE),
        ("Egypt arrested Syria's envoy for supporting Israel.", EventKind.COERCE),
    ],
)
def test_alleged_event_is_no_event_of_its_own(text: str, kind: EventKind) -> None:
    assert [e.kind for e in FINDER(countries(text, "Egypt", "Israel", "Syria"))] == [kind]


def test_condemned_event_still_happened() -> None:
    kinds = {
        e.kind
        for e in FINDER(countries("Egypt condemned Israel for attacking Syria.", "Egypt", "Israel", "Syria"))
    }
    assert EventKind.ASSAULT in kinds


def test_an_act_followed_by_saying_happens_when_the_speaker_speaks() -> None:
    """``X did Y, saying Z``: Y takes the time of the statement its participle cue opens."""
    said = (
        "MOSCOW (Reuters) - Russian Foreign Minister Sergei Lavrov said on Monday that the talks had failed. "
    )
    a = newsmodel.parse(
        said + "He stopped short of accusing Ukraine of the attack, saying he had not seen any evidence.",
        published="2017-04-12",
    )
    e = only(a.events, EventKind.ACCUSE)
    assert e.mode is EventMode.NEGATED and [x.name for x in e.sources] == ["Sergei Lavrov"]
    assert e.time is not None and e.time.value == "2017-04-10"
    # Said in another sentence, the statement lends the act no time.
    a = newsmodel.parse(
        said + "He stopped short of accusing Ukraine of the attack. He said he had not seen any evidence.",
        published="2017-04-12",
    )
    assert only(a.events, EventKind.ACCUSE).time is None


# -- rules ----------------------------------------------------------------------------------------


def test_rules_are_validated() -> None:
    rules = load_rules("events")
    rules["kinds"]["BLAME"] = {"verbs": ["blame"]}
    with pytest.raises(RuleError, match="BLAME"):
        EventFinder(rules)
    rules = load_rules("events")
    rules["kinds"]["ACCUSE"]["verbs"].append("")
    with pytest.raises(RuleError, match=r"kinds\.ACCUSE\.verbs"):
        EventFinder(rules)


def test_the_grammar_of_roles_is_rule_data() -> None:
    """The function words the role finder reads are word lists of the rule set, required there."""
    ctx = countries("Israel was attacked by Syria.", "Israel", "Syria")
    e = only(FINDER(ctx), EventKind.ASSAULT)
    assert [a.name for a in e.sources] == ["Syria"]
    rules = load_rules("events")
    rules["words"]["agent_prepositions"] = ["from"]  # "by" no longer introduces an agent
    e = only(EventFinder(rules)(ctx), EventKind.ASSAULT)
    assert e.sources == () and [a.name for a in e.targets] == ["Israel"]
    del rules["words"]["agent_prepositions"]
    with pytest.raises(RuleError, match=r"words\.agent_prepositions"):
        EventFinder(rules)


def test_event_rules_start_from_the_shipped_ones_and_extend() -> None:
    shipped = EventRules.shipped()
    assert EventRules.shipped() is shipped
    assert EventFinder().rules == shipped == EventFinder(shipped).rules
    mine = shipped.extend({"kinds": {"ACCUSE": {"verbs": ["excoriate"]}}})
    assert mine != shipped and "excoriate" in mine.kinds["ACCUSE"].verbs
    assert "accuse" in mine.kinds["ACCUSE"].verbs  # added to, not replaced
    ctx = countries("Russia excoriated Israel.", "Russia", "Israel")
    assert only(EventFinder(mine)(ctx), EventKind.ACCUSE).rule == "lexicon:ACCUSE:excoriate"
    assert not FINDER(ctx)


def test_event_rules_and_finders_pickle_and_compare_by_their_rules() -> None:
    import pickle

    rules = EventRules.shipped().extend({"kinds": {"ACCUSE": {"verbs": ["excoriate"]}}})
    assert pickle.loads(pickle.dumps(rules)) == rules
    finder = EventFinder(rules)
    again = pickle.loads(pickle.dumps(finder))
    assert again == finder != FINDER
    ctx = countries("Russia excoriated Israel.", "Russia", "Israel")
    assert again(ctx) == finder(ctx) != ()


def test_event_rules_from_a_toml_file_extend_the_shipped_ones(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "mine.toml"
    path.write_text('[kinds.ACCUSE]\nverbs = ["excoriate"]\n[numbers]\n"a score" = 20\n', encoding="utf-8")
    finder = EventFinder(str(path))
    assert finder.rules == EventRules.shipped().extend(path)
    # A table of one's own adds to the table the shipped file fills by reference (@numbers).
    assert finder.lexicon.numbers["a score"] == 20 and finder.lexicon.numbers["seventy"] == 70
    e = only(finder(countries("Russia excoriated Israel.", "Russia", "Israel")), EventKind.ACCUSE)
    assert e.rule == "lexicon:ACCUSE:excoriate"


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"kinds": {"ACCUSE": {"verbs": [7]}}}, r"<mapping>: kinds\.ACCUSE\.verbs\[\d+\]: expected a string"),
        (
            {"kinds": {"ACCUSE": {"nouns": ["two words"]}}},
            r"kinds\.ACCUSE\.nouns: 'two words' has several words",
        ),
        ({"kinds": {"ACCUSE": {"sources": ["x"]}}}, r"kinds\.ACCUSE.*sources"),
        ({"kinds": {"ACCUSE": {"examples": {"excoriate": ["x"]}}}}, r"kinds\.ACCUSE\.examples\.excoriate"),
        ({"count_events": {"KILLED": ["MURDER"]}}, r"count_events\.KILLED: 'MURDER' is not a PLOVER"),
        ({"counts": {"MAIMED": ["maimed"]}}, r"counts\.MAIMED"),
        ({"settings": {"gap": 500}}, r"settings\.gap: expected an integer from 0 to 100"),
        ({"words": {"pronouns": "@pronouns.nonexistent"}}, r"no English word list @pronouns\.nonexistent"),
    ],
)
def test_malformed_event_rules_name_the_file_and_key(extra: dict[str, object], message: str) -> None:
    with pytest.raises(RuleError, match=message):
        EventFinder(EventRules.shipped().extend(extra))


def test_the_inflection_rules_are_data() -> None:
    """Forms are generated by english.toml's suffix rules, with its irregular forms."""
    rules = EventRules.shipped().inflection
    assert set(inflect_verb("carry", rules)) == {"carry", "carries", "carried", "carrying"}
    assert set(inflect_verb("die", rules)) == {"die", "dies", "died", "dying"}
    assert set(inflect_verb("agree", rules)) == {"agree", "agrees", "agreed", "agreeing"}
    assert {"bans", "banned", "banning"} <= set(inflect_verb("ban", rules))
    assert {"goes", "went", "gone"} <= set(inflect_verb("go", rules))
    assert inflect_noun("talk", rules) == ("talk", "talks")
    assert inflect_noun("embargo", rules) == ("embargo", "embargos")  # nouns: no -es after o
    assert inflect_noun("ally", rules) == ("ally", "allies")
    assert "excoriatedd" in inflect_verb("excoriate", rules, {"excoriate": ["excoriatedd"]})


def test_count_attachment_is_rule_data() -> None:
    """A count goes to the nearest event of the kinds [count_events] names for it."""
    text = "Troops shelled the town and arrested 12 people."
    got = newsmodel.parse(text).events
    assert only(got, EventKind.COERCE).counts and not only(got, EventKind.ASSAULT).counts
    rules = load_rules("events")  # a whole rule set as a mapping: lists are replaced, not added to
    rules["count_events"]["ARRESTED"] = ["ASSAULT"]
    parser = newsmodel.Parser(events=EventFinder(rules))
    got = parser.parse(text).events
    assert [c.number for c in only(got, EventKind.ASSAULT).counts] == [12]


def test_every_category_has_examples_carrying_the_rule_id() -> None:
    examples = list(EventRules.shipped().examples())
    assert {e.rule.split(":")[1] for e in examples} == set(EventKind.__members__)
    for example in examples:
        article = newsmodel.parse(example.text, published=example.published)
        assert example.rule in {e.rule for e in article.events}, example


def test_rules_can_be_extended() -> None:
    rules = load_rules("events")
    rules["kinds"]["ACCUSE"]["verbs"].append("excoriate")
    e = only(EventFinder(rules)(countries("Russia excoriated Israel.", "Russia", "Israel")), EventKind.ACCUSE)
    assert e.rule == "lexicon:ACCUSE:excoriate"
    assert not FINDER(countries("Russia excoriated Israel.", "Russia", "Israel"))


# -- records ----------------------------------------------------------------------------------------


def test_to_records_from_a_parsed_article(seed_article) -> None:  # type: ignore[no-untyped-def]
    records = to_records(seed_article, article_id="seed")
    assert len(records) == len(seed_article.events)
    for r, e in zip(records, seed_article.events, strict=True):
        assert r["event"] == e.kind.name
        assert seed_article.text[r["start"] : r["end"]] == r["eventText"]
        assert [s["name"] for s in r["source"]] == [a.name for a in e.sources]


# -- properties -------------------------------------------------------------------------------------

NAMES = st.sampled_from(sorted(_COUNTRY))


@given(
    n1=NAMES,
    n2=NAMES,
    rest=st.sampled_from(["lying", "spying", "aggression", "war crimes"]),
    neg=st.booleans(),
)
def test_generated_accusation(n1: str, n2: str, rest: str, neg: bool) -> None:
    if n1 == n2:
        return
    text = f"{n1} {'did not accuse' if neg else 'accused'} {n2} of {rest}."
    e = only(FINDER(countries(text, n1, n2)), EventKind.ACCUSE)
    assert [a.name for a in e.sources] == [n1]
    assert [a.name for a in e.targets] == [n2]
    assert e.mode is (EventMode.NEGATED if neg else EventMode.ASSERTED)


WORDS = st.sampled_from(
    [
        "Russia",
        "Israel",
        "accused",
        "attack",
        "talks",
        "with",
        "not",
        "will",
        "the",
        "by",
        "was",
        "killed",
        "at least",
        "70",
        "people",
        ".",
        ",",
        "“",
        "”",
        "fired",
        "at",
        "and",
        "in",
        "Syria",
        "said",
        "\n\n",
        "to",
    ]
)


@given(st.lists(WORDS, max_size=40).map(" ".join) | st.text(max_size=300))
def test_never_raises_and_spans_hold(text: str) -> None:
    ctx = countries(text, "Russia", "Israel", "Syria")
    events = FINDER(ctx)
    assert events == FINDER(ctx)  # deterministic
    held = {id(a) for a in ctx.cast.actors}
    for e in events:
        assert text[e.trigger.start : e.trigger.end] == e.trigger.text
        assert e.sentence.start <= e.trigger.start and e.trigger.end <= e.sentence.end
        for a in (*e.sources, *e.targets, *((e.location,) if e.location else ())):
            assert id(a) in held
        for c in e.counts:
            assert text[c.span.start : c.span.end] == c.span.text
    assert [e.trigger.start for e in events] == sorted(e.trigger.start for e in events)


@given(st.text(max_size=500))
def test_parse_never_raises_and_actors_are_held(text: str) -> None:
    try:
        article = newsmodel.parse(text)
    except RuleError:  # another stage's rules mid-edit; not this stage's fault
        pytest.skip("another stage's rule file does not load")
    held = {id(a) for a in article.actors}
    for e in article.events:
        assert all(id(a) in held for a in (*e.sources, *e.targets))
        assert e.trigger in e.sentence


# -- end to end, through newsmodel.parse (needs the time, actor and statement stages) ----------------


def _event(article, kind: str, trigger: str):  # type: ignore[no-untyped-def]
    got = [e for e in article.events if e.kind.name == kind and trigger in e.trigger.text]
    assert got, f"no {kind} {trigger!r} in {article.events}"
    return got[0]


def test_seed_tillerson_blames_russia(seed_article) -> None:  # type: ignore[no-untyped-def]
    e = _event(seed_article, "ACCUSE", "blamed")
    assert [a.name for a in e.sources] == ["Rex Tillerson"]
    assert [a.name for a in e.targets] == ["Russia"]
    assert e.mode is EventMode.ASSERTED
    assert e.time is not None and e.time.value == "2017-04-09"


def test_seed_talks_are_future(seed_article) -> None:  # type: ignore[no-untyped-def]
    e = _event(seed_article, "CONSULT", "talks")
    assert [a.name for a in e.sources] == ["Rex Tillerson"]
    assert [a.name for a in e.targets] == ["Russian officials"]
    assert e.mode is EventMode.FUTURE
    assert e.time is not None and e.time.value == "2017-W15"


def test_seed_accusation_not_made(seed_article) -> None:  # type: ignore[no-untyped-def]
    e = _event(seed_article, "ACCUSE", "accusing")
    assert e.mode is EventMode.NEGATED
    assert [a.name for a in e.targets] == ["Russia"]


def test_seed_united_states_strikes_syria(seed_article) -> None:  # type: ignore[no-untyped-def]
    e = _event(seed_article, "ASSAULT", "fired")
    assert "United States" in [a.name for a in e.sources]
    assert [a.name for a in e.targets] == ["Syria"]
    assert e.mode is EventMode.ASSERTED


def test_seed_events_hold_together(seed_article) -> None:  # type: ignore[no-untyped-def]
    held = {id(a) for a in seed_article.actors}
    assert seed_article.events
    for e in seed_article.events:
        assert e.trigger in e.sentence
        assert all(id(a) in held for a in (*e.sources, *e.targets))
        assert e.location is None or id(e.location) in held


COUNTRY_NAMES = st.sampled_from(["France", "Germany", "Japan", "Egypt", "Brazil", "Kenya", "Canada", "India"])


@given(
    n1=COUNTRY_NAMES,
    n2=COUNTRY_NAMES,
    rest=st.sampled_from(["spying", "lying", "aggression"]),
    neg=st.booleans(),
)
def test_generated_accusation_end_to_end(n1: str, n2: str, rest: str, neg: bool) -> None:
    if n1 == n2:
        return
    article = newsmodel.parse(f"{n1} {'did not accuse' if neg else 'accused'} {n2} of {rest}.")
    e = only(article.events, EventKind.ACCUSE)
    assert [a.name for a in e.sources] == [n1]
    assert [a.name for a in e.targets] == [n2]
    assert e.mode is (EventMode.NEGATED if neg else EventMode.ASSERTED)
    held = {id(a) for a in article.actors}
    assert all(id(a) in held for a in (*e.sources, *e.targets))


@pytest.mark.parametrize(
    "text",
    [
        "Russia did not attack Ukraine.",
        "Russian troops did not attack Ukraine with artillery.",
        "Russia will not attack Ukraine.",
    ],
)
def test_a_negated_verb_is_read_as_a_verb(text: str) -> None:
    """ "did not attack": the negation is looked past, so "attack" is the verb with its actors."""
    events = newsmodel.parse(text).events
    assert [(e.kind.name, e.mode.name) for e in events] == [("ASSAULT", "NEGATED")]
    assert [a.country for a in events[0].sources] == ["RUS"]
    assert [a.name for a in events[0].targets] == ["Ukraine"]
