"""The speakers of a finished scan resolved again through a refined cast, the rest kept.

When :mod:`.refine` adds mentions to the cast (a government speaker's quoted ``we``), a speaker
may resolve differently (``the ministry said`` refers back to the actor named last, which may now
be the country). What the cues and quotations found (sources, cues, contents, kinds, rules) does
not depend on the added mentions: they lie inside quotations, where no cue is read and no source
phrase reaches. So instead of finding every statement again, :func:`respeak` replays the scan's
log (:attr:`~newsmodel._statements.state.Scan.log`): each draft is added again in the order it
first came, with the content and time it had then, its speaker resolved through the new cast with
the same drafts in view; then the statements are finished as before. A draft that the first run
kept or dropped by whether it had a speaker (a commitment needs an actor) is the one decision of
structure a speaker makes: when the new speaker would change it, :func:`respeak` gives up and the
caller finds the statements again.
"""

from __future__ import annotations

from ..model import Statement
from ..pipeline import Cast
from .speakers import finish, speaker_by
from .state import ADDED, DROPPED_SPEAKERLESS, INSERTED, KEPT_SPEAKERLESS, MERGED, POPPED, SORTED, Scan

__all__ = ["respeak"]


def respeak(st: Scan, cast: Cast) -> tuple[Statement, ...] | None:
    """The statements of ``st`` (a scan :func:`~newsmodel._statements.speakers.finish` has
    finished) with their speakers resolved through ``cast``; ``None`` when a changed speaker
    would change which statements there are."""
    log = st.log
    st.cast, st.genders, st.head_words, st.log = cast, {}, None, []
    st.drafts, st.keys, st.by_quote = [], [], {}
    drafts = st.drafts
    for event, draft, content, time, recipe in log:
        if event in (ADDED, INSERTED):
            assert draft is not None and content is not None
            draft.content, draft.time = content, time
            if recipe is not None:
                draft.speaker = speaker_by(st, recipe)
            if event == ADDED:
                drafts.append(draft)
            else:
                st.insert(draft)
        elif event == POPPED:
            drafts.pop()
        elif event == SORTED:
            st.sort_drafts()
            drafts = st.drafts
        elif event == MERGED:
            assert draft is not None and content is not None
            draft.content = content
        elif (drafts[-1].speaker is None) != (event == DROPPED_SPEAKERLESS):
            return None  # the first run kept (dropped) it for its speaker, which has changed
        elif event == DROPPED_SPEAKERLESS:
            drafts.pop()
        else:
            assert event == KEPT_SPEAKERLESS
    return finish(st)
