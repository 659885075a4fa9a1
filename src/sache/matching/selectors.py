"""Suggestions, read through the matching engine and filtered by what the viewer may see."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from sache.directory import rules, vocabularies
from sache.directory.enums import CREATIVE_KINDS
from sache.directory.models import Need, Organisation
from sache.directory.regions import region_name
from sache.directory.selectors import organisations_visible_to, records_visible_to
from sache.engine.matching import LocalizedText, MatchQuery, Reason
from sache.engine.matching.text import guess_language
from sache.matching import adapters, index
from sache.matching.models import SuggestionFeedback, Surface


@dataclass(frozen=True)
class Suggestion:
    organisation: Organisation
    rank: int
    score: float
    reasons: list[str]
    subject: str
    verdict: bool | None = None


def _value_labels(reason: Reason) -> list[str]:
    """Codes in a reason become the words people read, in the interface language."""
    language = get_language() or "en"
    if reason.code == "competences":
        return [vocabularies.label(vocabularies.COMPETENCES, code, language) for code in reason.values]
    if reason.code == "sectors":
        return [vocabularies.label_any(code, language) for code in reason.values]
    if reason.code == "region":
        return [region_name(code, language) for code in reason.values]
    if reason.code == "languages":
        names = dict(settings.CONTENT_LANGUAGES)
        return [str(names.get(code, code)) for code in reason.values]
    if reason.code == "kinds":
        return [str(KIND_WORDS.get(code, code)) for code in reason.values]
    return list(reason.values)


KIND_WORDS = {
    "heritage": gettext_lazy("heritage institution"),
    "creative": gettext_lazy("creative firm"),
    "technology": gettext_lazy("technology provider"),
    "support": gettext_lazy("public or civil-society body"),
}


def reason_text(reason: Reason) -> str:
    """The chip's words in the interface language; facts come from both profiles."""
    values = ", ".join(_value_labels(reason)[:4])
    templates = {
        "phrases": _("Matching words: %(values)s"),
        "competences": _("Shared competences: %(values)s"),
        "sectors": _("Same field: %(values)s"),
        "kinds": _("Complementary: %(values)s"),
        "region": _("Same region: %(values)s"),
        "distance": _("%(values)s km away"),
        "languages": _("Common language: %(values)s"),
        "partners": _("Partners in common: %(values)s"),
        "worked_together": _("Worked together before"),
        "tags": _("Same programme: %(values)s"),
    }
    template = templates.get(reason.code)
    return template % {"values": values} if template else reason.text


def exposure_weight() -> float:
    """Strength of exposure control for suggested partners (``SACHE_MATCHING_EXPOSURE_WEIGHT``; 0: off).

    Each organisation shown as a suggestion gains exposure; later suggestions
    subtract ``weight * log(1 + exposure)`` from its score, so the same few
    popular organisations are not suggested to everyone.
    """
    return float(getattr(settings, "SACHE_MATCHING_EXPOSURE_WEIGHT", 0.0))


def _suggestions(subject: str, query, viewer: Any, *, top: int, exclude: set[str]) -> list[Suggestion]:
    state = index.indexes()
    weight = exposure_weight()
    recommendations = state.organisations.rank(
        query, top=top + 10, exclude=exclude, exposure_weight=weight, record_exposure=False
    )
    visible = organisations_visible_to(viewer).filter(
        pk__in=[int(r.org_id) for r in recommendations], publication="published"
    ).in_bulk()
    verdicts = verdicts_of(viewer, subject)
    suggestions = []
    for recommendation in recommendations:
        organisation = visible.get(int(recommendation.org_id))
        if organisation is None:
            continue
        suggestions.append(
            Suggestion(
                organisation=organisation,
                rank=len(suggestions) + 1,
                score=recommendation.score,
                reasons=[reason_text(reason) for reason in recommendation.reasons],
                subject=subject,
                verdict=verdicts.get(organisation.pk),
            )
        )
        if len(suggestions) == top:
            break
    if weight:
        # Only what was shown counts as exposure.
        state.organisations.record_exposure([str(s.organisation.pk) for s in suggestions])
    return suggestions


def suggested_partners_for_organisation(organisation: Organisation, viewer: Any, *, top: int = 6) -> list[Suggestion]:
    """Partners for the organisation as a whole; never itself."""
    return _suggestions(
        f"organisation:{organisation.pk}", adapters.organisation_query(organisation), viewer, top=top, exclude={str(organisation.pk)}
    )


def suggested_partners_for_need(need: Need, viewer: Any, *, top: int = 6) -> list[Suggestion]:
    """Organisations that could answer the need; never the organisation that posted it."""
    return _suggestions(f"need:{need.pk}", adapters.need_query(need), viewer, top=top, exclude={str(need.organisation_id)})


@dataclass(frozen=True)
class NeedSuggestion:
    need: Need
    rank: int
    reasons: list[str]
    score: float = 0.0
    subject: str = ""
    verdict: bool | None = None


def needs_you_could_answer(organisation: Organisation, viewer: Any, *, top: int = 6) -> list[NeedSuggestion]:
    """Open needs of other organisations that fit what a creative or technology organisation does."""
    if organisation.kind not in CREATIVE_KINDS:
        return []
    state = index.indexes()
    (record,) = adapters.organisation_records([organisation])
    own = {str(pk) for pk in organisation.needs.values_list("pk", flat=True)}
    recommendations = state.needs.rank(adapters.offering_query(organisation, record), top=top + 10, exclude=own)
    visible = records_visible_to("need", viewer).filter(pk__in=[int(r.org_id) for r in recommendations]).in_bulk()
    subject = f"organisation:{organisation.pk}"
    verdicts = verdicts_of(viewer, subject, needs=True)
    result = []
    for recommendation in recommendations:
        need = visible.get(int(recommendation.org_id))
        if need is None or need.organisation_id == organisation.pk:
            continue
        result.append(
            NeedSuggestion(
                need, len(result) + 1, [reason_text(r) for r in recommendation.reasons],
                score=recommendation.score, subject=subject, verdict=verdicts.get(need.pk),
            )
        )
        if len(result) == top:
            break
    return result


def verdicts_of(viewer: Any, subject: str, *, needs: bool = False) -> dict[int, bool]:
    """The verdicts ``viewer`` gave on suggestions for ``subject``: suggested organisation (or need) id to useful."""
    if not getattr(viewer, "is_authenticated", False):
        return {}
    field = "suggested_need_id" if needs else "suggested_id"
    return dict(
        SuggestionFeedback.objects.filter(user=viewer, subject=subject, **{f"{field}__isnull": False}).values_list(field, "useful")
    )


class UnknownSuggestion(Exception):  # noqa: N818 (reads as what went wrong, like Http404)
    """The suggested organisation or need is not one the subject's suggestions could hold."""


@dataclass(frozen=True)
class VerdictTarget:
    """A suggestion that a person may give a verdict on: for ``subject``, an organisation or a need."""

    subject: str
    surface: str
    organisation: Organisation | None = None
    need: Need | None = None


def verdict_target(user: Any, subject: str, *, organisation_id: int | None = None, need_id: int | None = None) -> VerdictTarget:
    """Check that ``user`` acts for ``subject`` and find the suggestion a verdict is given on.

    Subjects are ``organisation:<id>`` (partners for an organisation, or needs it
    could answer with ``need_id``), ``need:<id>`` (partners for a need) and
    ``registration:<id>`` (participants to meet at an event). Only people who may
    edit the organisation (its members, operators), or members of the registered
    organisation, act for a subject: anything else, including a subject that does
    not exist, raises ``PermissionDenied``. A suggestion the subject's list could
    not hold (the subject's own organisation, an organisation or need the user
    cannot see, a non-participant of the event) raises :class:`UnknownSuggestion`.
    """
    kind, _colon, raw_id = subject.partition(":")
    if not raw_id.isdigit():
        raise PermissionDenied
    pk = int(raw_id)
    if (organisation_id is None) == (need_id is None):
        raise UnknownSuggestion
    if kind == "registration":
        from sache.events.selectors import approved_participant, own_approved_registration  # noqa: PLC0415

        registration = own_approved_registration(user, pk)
        if registration is None:
            raise PermissionDenied
        partner = approved_participant(registration, organisation_id) if organisation_id is not None else None
        if partner is None:
            raise UnknownSuggestion
        return VerdictTarget(subject, Surface.EVENT, organisation=partner)
    if kind == "organisation":
        owner = organisations_visible_to(user).filter(pk=pk).first()
        surface = Surface.ORGANISATION
    elif kind == "need":
        need = records_visible_to("need", user).filter(pk=pk).first()
        owner = need.organisation if need is not None else None
        surface = Surface.NEED
    else:
        raise PermissionDenied
    if owner is None or not rules.can_edit_organisation(user, owner):
        raise PermissionDenied
    if need_id is not None:
        suggested_need = None
        if kind == "organisation":
            suggested_need = records_visible_to("need", user).filter(pk=need_id).exclude(organisation=owner).first()
        if suggested_need is None:
            raise UnknownSuggestion
        return VerdictTarget(subject, Surface.NEEDS, need=suggested_need)
    suggested = organisations_visible_to(user).filter(pk=organisation_id).exclude(pk=owner.pk).first()
    if suggested is None:
        raise UnknownSuggestion
    return VerdictTarget(subject, surface, organisation=suggested)


def rank_among(
    organisation: Organisation, candidates: list[Organisation], *, top: int = 6
) -> list[tuple[Organisation, float, list[str]]]:
    """Rank a small set of ``candidates`` (an event's participants) as partners for ``organisation``.

    Uses an index over the candidates and ``organisation`` built with this
    process's encoder (whose vector cache already holds their texts, so nothing
    is re-encoded) and kept for the next participant who ranks the same set.
    Candidates with no signal in common are left out.
    """
    if not candidates:
        return []
    members = {member.pk: member for member in [organisation, *candidates]}
    small = index.small_index(list(members.values()))
    by_id = {str(candidate.pk): candidate for candidate in candidates}
    result = []
    for recommendation in small.rank(adapters.organisation_query(organisation), top=top, exclude={str(organisation.pk)}):
        if recommendation.org_id in by_id and recommendation.reasons:
            result.append((by_id[recommendation.org_id], recommendation.score, [reason_text(r) for r in recommendation.reasons]))
    return result


def reviewer_affinities(texts: Sequence[str], reviewers: Sequence[Any]) -> np.ndarray:
    """Expertise affinity of every reviewer for every text (an application), in [0, 1].

    The matching engine ranks the reviewers as if they were organisations:
    each reviewer's record holds their role and skills and what their
    organisations do (:func:`adapters.reviewer_records`), each text is a
    query; the engine's combined score (BM25, multilingual dense similarity,
    shared competences, ...) is scaled to [0, 1] over the whole table, so
    affinities stay comparable across applications. Returns a ``len(texts)``
    by ``len(reviewers)`` array (zeros when every score is the same).
    """
    from sache.engine.matching import MatchingIndex  # noqa: PLC0415 (kept lazy like rank_among)

    table = np.zeros((len(texts), len(reviewers)))
    if not len(texts) or not len(reviewers):
        return table
    reviewer_index = MatchingIndex(index.shared_encoder_for_settings())
    reviewer_index.add_many(adapters.reviewer_records(reviewers))
    row_ids = reviewer_index.row_ids()
    columns = [row_ids.index(str(reviewer.pk)) for reviewer in reviewers]
    for position, text in enumerate(texts):
        query = MatchQuery(f"text:{position}", texts=(LocalizedText(text, guess_language(text)),))
        table[position] = reviewer_index.score(query)[columns]
    finite = np.isfinite(table)
    if not finite.any():
        return np.zeros_like(table)
    low, high = float(table[finite].min()), float(table[finite].max())
    if high - low <= 1e-12:
        return np.zeros_like(table)
    return np.where(finite, (table - low) / (high - low), 0.0)
