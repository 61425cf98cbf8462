"""The statement stage: direct quotes, reported speech, speakers, odd input, and the rule set."""

from __future__ import annotations

import pytest
import regex
from hypothesis import assume, given
from hypothesis import strategies as st

import newsmodel
from newsmodel.errors import RuleError
from newsmodel.model import Actor, ActorKind, Mention, MentionKind, Span, StatementKind
from newsmodel.pipeline import Cast, Context
from newsmodel.rules import load_rules
from newsmodel.segment import Segmenter
from newsmodel.statements import StatementFinder, StatementRules

FINDER = StatementFinder()
SEGMENTER = Segmenter()


def context(text: str, actors: dict[str, tuple[str, ActorKind]] | None = None) -> Context:
    """A context for ``text`` with a hand-made cast: each surface form in ``actors`` (a name, a
    pronoun ...) becomes a mention, wherever it occurs as a whole word, of the actor named."""
    built: dict[str, tuple[ActorKind, list[Mention]]] = {}
    for surface, (name, kind) in (actors or {}).items():
        entry = built.setdefault(name, (kind, []))
        for m in regex.finditer(rf"(?<!\w){regex.escape(surface)}(?!\w)", text):
            mk = MentionKind.PRONOUN if surface.lower() in {"he", "she", "who"} else MentionKind.NAME
            entry[1].append(Mention(span=Span.of(text, m.start(), m.end()), kind=mk, rule="test"))
    cast = Cast(
        actors=tuple(
            Actor(
                id=name.lower().replace(" ", "-"),
                name=name,
                kind=kind,
                mentions=sorted(ms, key=lambda m: m.span),
            )
            for name, (kind, ms) in built.items()
        )
    )
    return Context(text=text, published=None, headline=None, segments=SEGMENTER(text), cast=cast)


def find(text: str, actors: dict[str, tuple[str, ActorKind]] | None = None):  # type: ignore[no-untyped-def]
    return FINDER(context(text, actors))


SMITH = {"Jane Smith": ("Jane Smith", ActorKind.PERSON), "Smith": ("Jane Smith", ActorKind.PERSON)}


# -- direct quotes -----------------------------------------------------------------------------------


def test_quote_then_cue_with_time_and_title() -> None:
    text = "“We will not back down,” Smith said on ABC’s “This Week.”"
    (s,) = find(text, SMITH)
    assert s.kind is StatementKind.DIRECT
    assert s.content.text == "We will not back down"
    assert s.source is not None and s.source.text == "Smith"
    assert s.cue is not None and s.cue.text == "said"
    assert s.speaker is not None and s.speaker.name == "Jane Smith"
    assert s.rule == "quote-then-cue"


def test_cue_then_quote() -> None:
    for text in (
        "Jane Smith said: “The plan is dead. We start again.”",
        "Jane Smith said, “The plan is dead.”",
    ):
        (s,) = find(text, SMITH)
        assert s.kind is StatementKind.DIRECT
        assert s.content.text.startswith("The plan is dead")
        assert s.rule == "cue-then-quote"
        assert s.speaker is not None and s.speaker.name == "Jane Smith"


def test_cue_with_colon_closing_its_paragraph() -> None:
    text = "Jane Smith, a voter from Ohio, said:\n\n“Our ideas of success are different, and that is fine.”"
    (s,) = find(text, SMITH)
    assert s.rule == "cue-then-quote"
    assert s.speaker is not None and s.speaker.name == "Jane Smith"
    assert s.content.text == "Our ideas of success are different, and that is fine."


def test_inverted_source() -> None:
    (s,) = find("“It is over,” said Jane Smith, a spokeswoman.", SMITH)
    assert s.content.text == "It is over"
    assert s.source is not None and s.source.text == "Jane Smith"


def test_split_quote_is_one_statement() -> None:
    text = "“The talks failed,” Smith said. “We will try again next year.”"
    (s,) = find(text, SMITH)
    assert s.kind is StatementKind.DIRECT
    assert s.content.text == "The talks failed,” Smith said. “We will try again next year."
    assert s.rule == "quote-then-cue+split"
    assert s.speaker is not None and s.speaker.name == "Jane Smith"


def test_split_quote_within_one_sentence() -> None:
    text = "“The talks failed,” Smith said, “and we will try again next year.”"
    (s,) = find(text, SMITH)
    assert s.content.text == "The talks failed,” Smith said, “and we will try again next year."
    assert s.rule == "quote-then-cue+split"
    assert s.cue is not None and s.cue.text == "said"


def test_quote_continued_in_next_paragraph() -> None:
    text = "Jane Smith said: “The first part of it runs on.\n\n“And the second part ends here.”"
    (s,) = find(text, SMITH)
    assert s.content.text.endswith("the second part ends here.")
    assert s.rule.endswith("+continued")


def test_bare_quote_paragraph_continues_previous_speaker() -> None:
    text = "“We are done here,” Smith said.\n\n“Nobody will change that for a long time to come.”"
    (s,) = find(text, SMITH)
    assert s.rule == "quote-then-cue+paragraph"
    assert s.speaker is not None and s.speaker.name == "Jane Smith"
    assert s.content.text.startswith("We are done here")
    assert s.content.text.endswith("Nobody will change that for a long time to come.")


def test_bare_quote_paragraph_after_reported_speech() -> None:
    text = "Jane Smith said the vote was close.\n\n“Nobody will change that for a long time to come.”"
    first, second = find(text, SMITH)
    assert second.rule == "quote-paragraph"
    assert second.speaker is first.speaker is not None
    assert second.content.text == "Nobody will change that for a long time to come."


def test_quote_without_cue_takes_previous_speaker_in_paragraph() -> None:
    text = "Jane Smith said the vote was close. The count took all night. “Every ballot was checked twice.”"
    first, second = find(text, SMITH)
    assert first.kind is StatementKind.INDIRECT
    assert second.rule == "quote-same-paragraph"
    assert second.speaker is first.speaker


def test_he_added_is_previous_speaker() -> None:
    text = "“The talks failed,” Jane Smith said. “We will try again,” he added."
    statements = find(text, SMITH)
    assert [s.cue.text for s in statements if s.cue] == ["said", "added"]
    assert statements[1].source is not None and statements[1].source.text == "he"
    assert statements[1].speaker is statements[0].speaker is not None


def test_scare_quotes_and_titles_are_not_statements() -> None:
    assert find("He had not seen “any hard evidence” of it.") == ()
    assert find("She appeared on the show “Meet the Press” on Sunday.") == ()
    assert find("The film “A Long Way Down From The Hill” opened.") == ()


# -- reported speech ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cue", "content", "rule"),
    [
        ("Jane Smith said that the plan would fail.", "said", "that the plan would fail", "cue-then-clause"),
        ("The plan would fail, Jane Smith said.", "said", "The plan would fail", "clause-then-cue"),
        ("Jane Smith said on Sunday the plan would fail.", "said", "the plan would fail", "cue-then-clause"),
        ("Jane Smith told reporters the plan would fail.", "told", "the plan would fail", "cue-then-clause"),
        ("Jane Smith wrote in a statement that it failed.", "wrote", "that it failed", "cue-then-clause"),
        ("In a statement, Jane Smith said the plan failed.", "said", "the plan failed", "cue-then-clause"),
        (
            "Jane Smith tweeted that the plan had failed.",
            "tweeted",
            "that the plan had failed",
            "cue-then-clause",
        ),
        (
            "Jane Smith has denied she was behind the plan.",
            "denied",
            "she was behind the plan",
            "cue-then-clause",
        ),
        ("Jane Smith warned the plan could fail.", "warned", "the plan could fail", "cue-then-clause"),
        (
            "Jane Smith urged voters to reject the plan.",
            "urged",
            "voters to reject the plan",
            "cue-then-clause",
        ),
        ("According to Jane Smith, the plan failed.", "According to", "the plan failed", "according-to"),
        ("The plan failed, according to Jane Smith.", "according to", "The plan failed", "according-to"),
    ],
)
def test_reported_speech(text: str, cue: str, content: str, rule: str) -> None:
    (s,) = find(text, SMITH)
    assert s.kind is StatementKind.INDIRECT
    assert s.cue is not None and s.cue.text == cue
    assert s.content.text == content
    assert s.rule == rule
    assert s.speaker is not None and s.speaker.name == "Jane Smith"


def test_time_governs_the_saying_not_the_content() -> None:
    import attrs

    from newsmodel.model import TimeExpression, TimeKind

    text = "Jane Smith said on Sunday that the vote of 2013 was rigged."
    times = tuple(
        TimeExpression(span=Span.of(text, text.index(w), text.index(w) + len(w)), kind=TimeKind.DATE, value=v)
        for w, v in (("Sunday", "2017-04-09"), ("2013", "2013"))
    )
    (s,) = FINDER(attrs.evolve(context(text, SMITH), times=times))
    assert s.time is times[0]
    assert s.content.text == "that the vote of 2013 was rigged"


@pytest.mark.parametrize(
    ("text", "rule", "content"),
    [
        (
            "Jane Smith praised the plan and said it would pass easily.",
            "coordinated-clause",
            "it would pass easily",
        ),
        (
            "Jane Smith went on: “The plan will pass, and soon.”",
            "colon-quote",
            "The plan will pass, and soon.",
        ),
        (
            "Other than that, Jane Smith added, “there is no change to our plans” this year.",
            "parenthetical-cue",
            None,
        ),
    ],
)
def test_other_rules(text: str, rule: str, content: str | None) -> None:
    (s,) = find(text, SMITH)
    assert s.rule == rule
    assert s.speaker is not None and s.speaker.name == "Jane Smith"
    if content is not None:
        assert s.content.text == content


def test_participle_speaker_is_subject_of_main_clause() -> None:
    text = "Jane Smith on Sunday blamed the board, saying it had failed the town."
    (s,) = find(text, SMITH)
    assert s.rule == "participle-clause"
    assert s.cue is not None and s.cue.text == "saying"
    assert s.content.text == "it had failed the town"
    assert s.speaker is not None and s.speaker.name == "Jane Smith"


def test_participle_subject_after_an_opening_phrase() -> None:
    (s,) = find("In Iowa, Jane Smith attacked the plan, saying it would fail.", SMITH)
    assert s.source is not None and s.source.text == "Jane Smith"
    assert s.speaker is not None and s.speaker.name == "Jane Smith"


def test_relative_pronoun_source_takes_antecedent() -> None:
    text = "The move angered Jane Smith, who said it would hurt trade."
    (s,) = find(text, SMITH)
    assert s.source is not None and s.source.text == "who"
    assert s.speaker is not None and s.speaker.name == "Jane Smith"
    assert s.content.text == "it would hurt trade"


def test_mixed_statement() -> None:
    text = "He said he had not seen “any hard evidence” of a plot."
    (s,) = find(text)
    assert s.kind is StatementKind.MIXED
    assert s.content.text == "he had not seen “any hard evidence” of a plot"


def test_quoted_frame_needs_quote_marks() -> None:
    assert find("Jane Smith called her brother in the city.", SMITH) == ()
    (s,) = find("Jane Smith called the plan “a disaster for everyone.”", SMITH)
    assert s.kind is StatementKind.MIXED


def test_capitalised_function_words_inside_names() -> None:
    (s,) = find(
        "Theresa May said the vote would go ahead.", {"Theresa May": ("Theresa May", ActorKind.PERSON)}
    )
    assert s.source is not None and s.source.text == "Theresa May"
    assert s.speaker is not None and s.speaker.name == "Theresa May"


def test_that_frame_needs_that() -> None:
    assert find("Police found the car near the river.") == ()
    (s,) = find("A new poll found that most voters back the plan.")
    assert s.cue is not None and s.cue.text == "found"
    assert s.content.text == "that most voters back the plan"


def test_speaker_unknown_stays_none() -> None:
    (s,) = find("Officials said the road would reopen.")
    assert s.speaker is None
    assert s.source is not None and s.source.text == "Officials"


def test_spokesman_speaks_for_the_actor_before_him() -> None:
    cast = {"Kremlin": ("Russia", ActorKind.COUNTRY)}
    (s,) = find("A Kremlin spokesman said the strikes were illegal.", cast)
    assert s.speaker is not None and s.speaker.name == "Russia"
    (s,) = find("A Kremlin critic said the strikes were illegal.", cast)
    assert s.speaker is None


def test_spokesman_for_an_actor_speaks_for_it() -> None:
    # issue 13: "a spokesman for X" without a name of his own speaks for X
    text = "A spokesman for Jane Smith said the road would reopen."
    (s,) = find(text, SMITH)
    assert s.speaker is not None and s.speaker.name == "Jane Smith"


def test_sentence_opening_said_with_quote() -> None:
    (s,) = find("Said Jane Smith, who grew up nearby, “We were all so proud of him.”", SMITH)
    assert s.kind is StatementKind.DIRECT
    assert s.rule == "cue-then-quote"
    assert s.content.text == "We were all so proud of him."
    assert s.speaker is not None and s.speaker.name == "Jane Smith"


def test_source_with_parenthesis_and_appositive() -> None:
    text = "Sen. Jane Smith (D-Mo.), who backs the bill, said the vote would be close."
    (s,) = find(text, SMITH)
    assert s.source is not None and s.source.text.startswith("Sen. Jane Smith (D-Mo.)")
    assert s.speaker is not None and s.speaker.name == "Jane Smith"
    assert s.content.text == "the vote would be close"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Jane Smith said the plan was sound, adding that it would pass.", "the plan was sound"),
        ("Jane Smith said the plan was sound, while the board disagreed.", "the plan was sound"),
        ("Jane Smith said the plan was sound and said the vote was fair.", "the plan was sound"),
        ("Jane Smith said the plan was sound, Tom Lee said later.", "the plan was sound"),
    ],
)
def test_clause_ends_where_another_statement_or_clause_starts(text: str, content: str) -> None:
    first = find(text, SMITH)[0]
    assert first.content.text == content


def test_unattributed_quotation_has_no_speaker() -> None:
    text = "The hall was full.\n\n“Nobody here has ever seen anything like this crowd.”"
    (s,) = find(text)
    assert s.rule == "quote-unattributed"
    assert s.speaker is None and s.source is None and s.cue is None


def timed(text: str, words: dict[str, tuple[str, str]]) -> list:  # type: ignore[type-arg]
    """The statements of ``text`` with a hand-made cast (Smith, she, Jones) and hand-made times:
    each key of ``words`` (its first occurrence) is a time expression of the (kind, value) given."""
    import attrs

    from newsmodel.model import TimeExpression, TimeKind

    times = tuple(
        sorted(
            (
                TimeExpression(
                    span=Span.of(text, text.index(w), text.index(w) + len(w)), kind=TimeKind[k], value=v
                )
                for w, (k, v) in words.items()
            ),
            key=lambda t: t.span.start,
        )
    )
    cast = {**SMITH, "she": ("Jane Smith", ActorKind.PERSON), "Jones": ("Tom Jones", ActorKind.PERSON)}
    return list(FINDER(attrs.evolve(context(text, cast), times=times)))


def test_later_statement_inherits_the_speakers_time() -> None:
    text = (
        "Smith said on Sunday the plan had failed.\n\n"
        "Smith is expected in Paris this week for talks.\n\n"
        "“We will try again,” she added."
    )
    first, second = timed(text, {"Sunday": ("DATE", "2017-04-09"), "this week": ("DATE", "2017-W15")})
    assert first.time is not None and first.time.span.text == "Sunday"
    assert second.time is first.time  # a week-level date in between does not move the narrative


@pytest.mark.parametrize(
    "middle",
    [
        "The council met on Monday.",  # another day in between
        "Jones said on Monday the plan was fine.",  # a statement with another time of its own
        "A.\n\nB.\n\nC.",  # too many paragraphs back
    ],
)
def test_time_is_not_inherited_across_another_time_or_far_back(middle: str) -> None:
    text = f"Smith said on Sunday the plan had failed.\n\n{middle}\n\n“We will try again,” Smith added."
    words = {"Sunday": ("DATE", "2017-04-09"), "Monday": ("DATE", "2017-04-10")}
    statements = timed(text, {w: v for w, v in words.items() if w in text})
    last = statements[-1]
    assert last.cue is not None and last.cue.text == "added" and last.time is None


def test_time_is_not_inherited_from_another_speaker() -> None:
    text = "Jones said on Sunday the plan had failed. “We will try again,” Smith said."
    statements = timed(text, {"Sunday": ("DATE", "2017-04-09")})
    assert [s.time is None for s in statements] == [False, True]


@pytest.mark.parametrize(
    "text",
    [
        "“Why would we wait for them?” Smith said.",
        "“We will never give up!” Smith said on Monday.",
        "“Why would we wait for them?” asked Smith.",
    ],
)
def test_question_or_exclamation_then_cue(text: str) -> None:
    # The segmenter ends a sentence at ?” and !”; the cue sentence after it claims the quotation.
    (s,) = find(text, SMITH)
    assert s.kind is StatementKind.DIRECT and s.rule == "quote-then-cue"
    assert s.content.text.endswith(("?", "!"))
    assert s.source is not None and s.source.text == "Smith"
    assert s.speaker is not None and s.speaker.name == "Jane Smith"


def test_question_in_earlier_paragraph_is_not_glued() -> None:
    text = "“Why would we wait for them?”\n\nSmith said the vote was delayed."
    statements = find(text, SMITH)
    assert all(s.content.text != "Why would we wait for them?" or s.source is None for s in statements)


def test_inverted_source_with_party_parenthesis_and_appositive() -> None:
    text = "“The vote is a disgrace,” said Rep. Jane Smith (D-Mo.), head of the panel."
    (s,) = find(text, SMITH)
    assert s.rule == "quote-then-cue" and s.content.text == "The vote is a disgrace"
    assert s.source is not None and "Jane Smith" in s.source.text
    assert s.speaker is not None and s.speaker.name == "Jane Smith"


def test_name_ending_the_sentence_is_no_addressee() -> None:
    (s,) = find("“Where are the buses going?” asked Jane Smith.", SMITH)
    assert s.source is not None and s.source.text == "Jane Smith"
    (t,) = find("Jane Smith asked Mayor Tom Brown whether the buses would run.", SMITH)
    assert t.content.text == "whether the buses would run"


def test_split_quote_joined_by_but() -> None:
    text = "“I like the mayor,” Smith said, but “on taxes he has been wrong for years.”"
    (s,) = find(text, SMITH)
    assert s.kind is StatementKind.DIRECT and s.rule == "quote-then-cue+split"
    assert s.content.text.startswith("I like the mayor") and s.content.text.endswith("for years.")


def test_two_sentences_in_quote_marks_are_no_title() -> None:
    text = "“Here comes the boss,” Smith said, waving. “The boss. Right on time.”"
    (s,) = find(text, SMITH)
    assert s.content.text.endswith("Right on time.")


def test_unattributed_quote_after_a_quotation_spanning_sentences() -> None:
    # The sentence holding the second quotation opens inside the first one: its "subject" is
    # quoted words, so the second quotation stands alone, with no source.
    text = (
        "“We tried everything. The plan failed,” Smith said, quoting a memo that called it "
        "“a project doomed from the very start by the cost of everything.”"
    )
    first, second = find(text, SMITH)
    assert first.source is not None and first.source.text == "Smith"
    assert second.rule == "quote-unattributed" and second.source is None and second.speaker is None
    assert second.content.text.startswith("a project doomed")


def test_quote_after_comma_cue_leaves_the_writers_clause_out() -> None:
    text = "Smith opened the door and repeatedly says, “Don’t you touch it,” until the guards arrive."
    (s,) = [s for s in find(text, SMITH) if s.cue is not None and s.cue.text == "says"]
    assert s.kind is StatementKind.DIRECT and s.content.text == "Don’t you touch it"
    # Without the introducing comma the quoted words are part of a clause: a MIXED statement.
    (t,) = find("Smith said “the plan” is a problem for the city.", SMITH)
    assert t.kind is StatementKind.MIXED and t.content.text == "“the plan” is a problem for the city"


def test_quote_only_verb_takes_the_quotation() -> None:
    (s,) = find("Smith chanted “Not one more day!” and kept marching.", SMITH)
    assert s.rule == "cue-then-quote" and s.content.text == "Not one more day!"
    assert s.source is not None and s.source.text == "Smith"


def test_horizontal_bar_ends_a_reported_clause() -> None:
    text = (
        "Critics said Smith paid no tax for years ― as records from the 1990s show ― Smith boasted, "
        "“That makes me smart.”"
    )
    contents = [s.content.text for s in find(text, SMITH)]
    assert contents == ["Smith paid no tax for years", "That makes me smart."]


def test_quotations_signed_with_a_dash() -> None:
    text = (
        "Readers wrote in.\n\n“He is not fit to lead this country. Nobody should vote for him.” ― Jane Smith\n"
        "“I have never seen anything like this debate in my whole life.” — Tom Jones, 34, Ohio\n\nThe end."
    )
    cast = {**SMITH, "Tom Jones": ("Tom Jones", ActorKind.PERSON)}
    first, second = find(text, cast)
    assert first.rule == second.rule == "quote-dash-signed"
    assert (
        first.cue is not None and first.cue.text == "―" and second.cue is not None and second.cue.text == "—"
    )
    assert first.speaker is not None and first.speaker.name == "Jane Smith"
    assert second.speaker is not None and second.speaker.name == "Tom Jones"
    assert second.content.text.startswith("I have never seen")


def test_dash_before_a_clause_is_no_signature() -> None:
    (s,) = find("“We will win this state by a lot,” Smith said -- and the crowd cheered.", SMITH)
    assert s.rule == "quote-then-cue"
    assert all(
        s.rule != "quote-dash-signed" for s in find("“We will win this state” — the slogan was everywhere.")
    )


def test_characterisation_verbs_need_quoted_words() -> None:
    (s,) = find("Smith blasted the new budget as “a disgrace to the city.”", SMITH)
    assert s.kind is StatementKind.MIXED and s.cue is not None and s.cue.text == "blasted"
    assert s.content.text == "the new budget as “a disgrace to the city.”"
    assert find("Smith blasted the ball over the fence.", SMITH) == ()
    (t,) = find("Smith called on the council to “stop the cuts now” and to vote again.", SMITH)
    assert t.cue is not None and t.cue.text == "called on"
    assert t.content.text.startswith("the council to “stop the cuts now”")


def test_possessive_time_after_a_cue_belongs_to_the_clause() -> None:
    import attrs

    from newsmodel.model import TimeExpression, TimeKind

    text = "Smith called Friday’s ruling “a huge win for the voters.”"
    start = text.index("Friday")
    times = (TimeExpression(span=Span.of(text, start, start + 6), kind=TimeKind.DATE, value="2016-09-23"),)
    (s,) = FINDER(attrs.evolve(context(text, SMITH), times=times))
    assert s.content.text == "Friday’s ruling “a huge win for the voters.”"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Smith told voters she would take it as “a personal insult” if they stayed home, "
            "implicitly putting her name on the ballot.",
            "she would take it as “a personal insult” if they stayed home",
        ),
        (
            "Smith spoke on Monday, saying that “race still matters” in America, including in schools.",
            "that “race still matters” in America, including in schools",
        ),
    ],
)
def test_clause_end_around_participles(text: str, content: str) -> None:
    assert [s.content.text for s in find(text, SMITH)] == [content]


def test_no_clause_opens_with_a_closing_quote_mark() -> None:
    text = (
        '"This is a big year for all of us!" Smith\'s niece, Del. Jane "JJ" Price (D-Va.), shouted to '
        'the crowd. "The nation is watching us."'
    )
    statements = find(text, SMITH)
    assert statements and all(s.content.text[:1] not in '"”' for s in statements)


def test_verb_phrase_is_not_a_source() -> None:
    assert find("Tensions had fueled fears that the talks would fail.") == ()


def test_long_adversarial_input_is_handled() -> None:
    import time

    for unit in ("according to officials, ", "“We won,” he said. “More,” ", "said, said “said” he said "):
        text = unit * 4000
        started = time.process_time()  # CPU time: a loaded machine does not fail it
        statements = FINDER(context(text))
        assert time.process_time() - started < 20
        assert all(text[s.content.start : s.content.end] == s.content.text for s in statements)


# -- odd input ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "“",
        "” said he",
        "He said “the plan, and then “more said",
        'The board is 12" wide and 3" deep, he said.',
        "said said said, said. According to",
        "\n\n“\n\n” he said\n\n“",
    ],
)
def test_odd_input_does_not_raise(text: str) -> None:
    for s in FINDER(context(text)):
        assert text[s.content.start : s.content.end] == s.content.text


def test_stripped_quote_marks_fall_back_to_reported_speech() -> None:
    (s,) = find("The plan will fail, Smith said on Monday.", SMITH)
    assert s.kind is StatementKind.INDIRECT
    assert s.content.text == "The plan will fail"


# -- properties --------------------------------------------------------------------------------------

NAMES = st.from_regex(r"[A-Z][a-z]{2,8} [A-Z][a-z]{2,10}", fullmatch=True)
QUOTES = (
    st.text(
        alphabet=st.characters(
            blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="“”\"‘’'\n\r"
        ),
        min_size=1,
        max_size=80,
    )
    .map(str.strip)
    .filter(lambda q: any(c.isalnum() for c in q) and not q.endswith(","))
)
_LEX = load_rules("statements")
_CUE_WORDS = {f.split()[0] for v in _LEX["verb"] for f in v["forms"]} | {"according"}
WORDS = st.from_regex(r"[a-z]{1,8}", fullmatch=True).filter(
    lambda w: w not in _CUE_WORDS and w not in _LEX["not_clause"]
)
CLAUSES = st.lists(WORDS, min_size=2, max_size=12).map(" ".join)


def person(name: str) -> dict[str, tuple[str, ActorKind]]:
    return {name: (name, ActorKind.PERSON)}


@given(q=QUOTES, n=NAMES)
def test_property_quote_then_name_said(q: str, n: str) -> None:
    (s,) = find(f"“{q},” {n} said.", person(n))
    assert s.kind is StatementKind.DIRECT
    assert s.content.text == q
    assert s.speaker is not None and s.speaker.name == n


@given(q=CLAUSES, n=NAMES)
def test_property_name_said_clause(q: str, n: str) -> None:
    (s,) = find(f"{n} said {q}.", person(n))
    assert s.kind is StatementKind.INDIRECT
    assert s.content.text == q
    assert s.speaker is not None and s.speaker.name == n


@given(q=QUOTES, r=QUOTES, n=NAMES)
def test_property_he_added_follows_name(q: str, r: str, n: str) -> None:
    # "he" never resolves to a woman the text names (a female given name)
    female = set(load_rules("actors_people")["female"]) - set(load_rules("actors_people")["male"])
    assume(n.split()[0] not in female)
    statements = find(f"“{q},” {n} said. “{r},” he added.", person(n))
    assert len(statements) == 2
    assert statements[1].content.text == r
    assert statements[1].speaker is not None and statements[1].speaker.name == n


@given(text=st.text(max_size=300))
def test_property_never_raises_and_spans_index_text(text: str) -> None:
    ctx = context(text)
    first = FINDER(ctx)
    assert first == FINDER(ctx)  # deterministic
    for s in first:
        for span in (s.content, s.source, s.cue):
            if span is not None:
                assert text[span.start : span.end] == span.text
        assert s.kind in StatementKind


QUOTEY = st.text(alphabet=st.sampled_from(list("“”\"'‘’ ,.:\nab said he according to")), max_size=200)


@given(text=QUOTEY)
def test_property_quote_soup_never_raises(text: str) -> None:
    for s in FINDER(context(text, {"he": ("He", ActorKind.PERSON)})):
        assert text[s.content.start : s.content.end] == s.content.text


# -- rules -------------------------------------------------------------------------------------------


def test_bad_rules_raise_rule_error_naming_the_entry() -> None:
    rules = load_rules("statements")
    rules["verb"][0]["frames"] = ["quote", "shout"]
    with pytest.raises(RuleError, match=r"<mapping>: verb\[0\].*shout"):
        StatementFinder(rules)
    rules = load_rules("statements")
    rules["adjuncts"].append("(unclosed")
    with pytest.raises(RuleError, match="adjuncts"):
        StatementFinder(rules)


def test_added_cue_word_is_used() -> None:
    text = "Jane Smith mused that the plan would fail."
    assert find(text, SMITH) == ()
    rules = load_rules("statements")
    rules["verb"].append({"forms": ["muse", "muses", "mused", "musing"], "frames": ["clause", "postposed"]})
    (s,) = StatementFinder(rules)(context(text, SMITH))
    assert s.cue is not None and s.cue.text == "mused"


def test_rules_from_a_toml_file_extend_the_shipped_ones(tmp_path: pytest.TempPathFactory) -> None:
    path = tmp_path / "mine.toml"  # type: ignore[operator]
    path.write_text(
        '[[verb]]\nforms = ["muse", "mused"]\nframes = ["clause", "postposed"]\n', encoding="utf-8"
    )
    finder = StatementFinder(str(path))
    assert finder.rules == StatementRules.shipped().extend(path)
    assert finder.rules != StatementRules.shipped()
    assert len(finder.rules.verb) == len(StatementRules.shipped().verb) + 1
    (s,) = finder(context("Jane Smith mused that the plan would fail.", SMITH))
    assert s.cue is not None and s.cue.text == "mused"
    assert s.rule == "cue-then-clause"


def test_a_bad_rule_file_is_named_with_the_key_path(tmp_path: pytest.TempPathFactory) -> None:
    path = tmp_path / "bad.toml"  # type: ignore[operator]
    path.write_text('[[verb]]\nforms = ["muse"]\nframes = "clause"\n', encoding="utf-8")
    with pytest.raises(RuleError, match=r"bad\.toml: verb\[\d+\]\.frames: expected a list"):
        StatementRules.shipped().extend(path)
    with pytest.raises(RuleError, match=r"scare_quote_words: expected a non-negative integer"):
        StatementRules.shipped().extend({"scare_quote_words": -1})
    with pytest.raises(RuleError, match=r"time_inheritance_paragraphs: expected an integer"):
        StatementRules.shipped().extend({"time_inheritance_paragraphs": "two"})
    with pytest.raises(RuleError, match=r"forms: expected at least one form"):
        StatementRules.shipped().extend({"verb": [{"forms": [], "frames": ["clause"]}]})
    with pytest.raises(RuleError, match=r"unknown_key|extra|not expected"):
        StatementRules.shipped().extend({"verbs": []})


def test_rules_compare_by_content_and_pickle() -> None:
    import pickle

    shipped = StatementRules.shipped()
    files = {**load_rules("statements"), "first_names": load_rules("actors_people")}
    assert StatementRules.load(files) == shipped
    again = pickle.loads(pickle.dumps(shipped))
    assert again == shipped and hash(again) == hash(shipped)
    assert StatementFinder(again) == StatementFinder()
    assert shipped.extend({"according": ["as told by"]}) != shipped


def test_shared_words_come_from_english_toml() -> None:
    from newsmodel.rules._schema import english

    rules = StatementRules.shipped()
    pronouns = english()["pronouns"]
    assert set(rules.relatives) == set(pronouns["relative"])
    assert set(rules.subject_pronouns) == set(pronouns["subject"])
    assert set(rules.pronouns) == {*pronouns["subject"], "it", "you", "who"}
    assert rules.gerund_suffixes == ("ing",)
    # A reference to a list english.toml does not have is a RuleError naming it.
    with pytest.raises(RuleError, match="@pronouns.nonexistent"):
        StatementRules.shipped().extend({"relatives": "@pronouns.nonexistent"})


def test_every_pattern_has_examples_with_its_rule_id() -> None:
    rules = StatementRules.shipped()
    examples = list(rules.examples())
    ids = {p.id for p in (*rules.pattern, *rules.refinement)}
    assert {e.rule for e in examples} <= ids
    assert "quote-we-country" in {e.rule for e in examples}
    for rule in ("quote-then-cue", "cue-then-quote", "cue-then-clause", "clause-then-cue", "according-to"):
        assert rule in {e.rule for e in examples}
    # Extending a pattern by its id replaces it.
    mine = rules.extend(
        {"pattern": [{"id": "according-to", "examples": ["The fire began at dawn, according to police."]}]}
    )
    assert [e.text for e in mine.examples() if e.rule == "according-to"] == [
        "The fire began at dawn, according to police."
    ]


def test_the_possessive_list_is_read_from_the_rules() -> None:
    """A time owning the next noun belongs to the clause: ``’s`` is rule data, not code."""
    text = "Anna Kowalski called Friday’s ruling “a disgrace to the court.”"
    shipped = newsmodel.parse(text, published="2017-04-07")
    assert [s.content.text for s in shipped.statements] == ["Friday’s ruling “a disgrace to the court.”"]
    data = load_rules("statements")
    data["possessives"] = []
    parser = newsmodel.Parser(statements=StatementFinder(StatementRules.load(data)))
    assert parser.parse(text, published="2017-04-07").statements == ()


# -- the seed ----------------------------------------------------------------------------------------

SEED_CAST = {
    "U.S.": ("United States", ActorKind.COUNTRY),
    "Rex Tillerson": ("Rex Tillerson", ActorKind.PERSON),
    "Tillerson": ("Rex Tillerson", ActorKind.PERSON),
    "Syrian government": ("Syrian government", ActorKind.ORGANIZATION),
    "Vladimir Putin": ("Vladimir Putin", ActorKind.PERSON),
}


def test_seed_statements_with_hand_made_cast(seed_text: str, seed_gold: dict) -> None:  # type: ignore[type-arg]
    found = FINDER(context(seed_text, SEED_CAST))
    assert len(found) == len(seed_gold["statements"]) == 8
    for s, g in zip(found, seed_gold["statements"], strict=True):
        assert s.content.text.strip("“”.") == g["content"].strip("“”.")
        assert s.kind.name == g["kind"]
        assert s.cue is not None and s.cue.text == g["cue"]
        assert s.speaker is not None and g["speaker"] in s.speaker.name


def test_seed_end_to_end(seed_article: newsmodel.Article, seed_gold: dict) -> None:  # type: ignore[type-arg]
    found = {s.content.text.strip("“”."): s for s in seed_article.statements}
    for g in seed_gold["statements"]:
        s = found[g["content"].strip("“”.")]
        assert s.kind.name == g["kind"]
        assert s.speaker is None or s.speaker in seed_article.actors


@pytest.mark.parametrize(
    ("text", "content", "when"),
    [
        (
            "Anna Kowalski said on March 3, 2017: “We expect a clear answer.”",
            "We expect a clear answer.",
            "March 3, 2017",
        ),
        (
            "Anna Kowalski said in 2013 the border would remain closed.",
            "the border would remain closed",
            "2013",
        ),
        (
            "Anna Kowalski said in August 2015 the border would remain closed.",
            "the border would remain closed",
            "August 2015",
        ),
    ],
)
def test_a_dated_preposition_between_cue_and_content(text: str, content: str, when: str) -> None:
    """ "said on March 3, 2017: ...", "said in 2013 the ...": the time is the saying's, not a source or content."""
    a = newsmodel.parse(text, published="2017-04-09")
    assert len(a.statements) == 1
    s = a.statements[0]
    assert s.speaker is not None and s.speaker.name == "Anna Kowalski"
    assert s.content.text.rstrip(".") == content.rstrip(".")
    assert s.time is not None and s.time.span.text == when


def test_an_infinitive_is_the_content_of_a_commissive_cue() -> None:
    countries = {"Zorland": ("Zorland", ActorKind.COUNTRY), "Quelton": ("Quelton", ActorKind.COUNTRY)}
    found = [
        (s.content.text, s.rule) for s in find("Zorland and Quelton vowed to stand with Marnock.", countries)
    ]
    assert found == [("to stand with Marnock", "cue-then-clause")]
    # A commitment needs an actor: "the new sanctions threaten to ban ..." is no statement.
    assert find("The new sanctions threaten to ban anyone from trading.") == ()
    (s,) = find(
        "He threatened to slap taxes on imports if talks failed.", {"He": ("Jan Brel", ActorKind.PERSON)}
    )
    assert s.content.text == "to slap taxes on imports if talks failed"
    assert s.speaker is not None and s.speaker.name == "Jan Brel"
    # "to" before a determiner is a preposition; "said" takes no infinitive.
    assert find("He promised to the voters a new deal.") == ()
    assert find("The plan is said to be dead.") == ()


def test_a_cue_followed_only_by_its_addressee_reports_the_clause_before() -> None:
    text = "The hearing seems fake, Jan Brel, a lawyer for Tom Roe, told the court."
    (s,) = find(text, {"Jan Brel": ("Jan Brel", ActorKind.PERSON)})
    assert (s.content.text, s.rule) == ("The hearing seems fake", "clause-then-cue")
    assert s.speaker is not None and s.speaker.name == "Jan Brel"
    # with a clause after the addressee, the clause is the content
    (s,) = find("Jan Brel told the court the hearing was fake.")
    assert s.content.text == "the hearing was fake"


def test_it_after_a_prepositional_phrase_opens_the_reported_clause() -> None:
    (s,) = find("Zorland diplomats say in private it would be hard to agree.")
    assert (s.content.text, s.rule) == ("it would be hard to agree", "cue-then-clause")


def test_token_indices_are_kept_only_up_to_a_bound() -> None:
    """The list of indices the scans select tokens from is kept between articles, but one huge
    text does not leave a huge list behind: past the bound a ``range`` is returned."""
    from newsmodel._statements import state

    small = state.indices(10)
    assert list(small[:10]) == list(range(10))
    big = state.indices(state._MAX_KEPT + 5)
    assert isinstance(big, range) and len(big) == state._MAX_KEPT + 5
    assert len(state._INDICES[0]) <= state._MAX_KEPT
    assert list(state.indices(state._MAX_KEPT)[-3:]) == [
        state._MAX_KEPT - 3,
        state._MAX_KEPT - 2,
        state._MAX_KEPT - 1,
    ]
