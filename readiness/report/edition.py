"""The plan's two editions: a brief a sponsor reads in five minutes, and the full plan the team works from."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from readiness.core.i18n import _

if TYPE_CHECKING:
    from readiness.core.plan.model import Plan  # the UI imports this module at start-up: no content models then


BRIEF_PAGES = 6
"""The most pages a brief runs to: one for each of its parts."""
BRIEF_FITS = (0, 1, 2)
"""How tightly the brief is set: as designed, then smaller type and tighter rows, then smaller still (``fit-N``)."""


class Edition(StrEnum):
    BRIEF = "brief"
    """At most six pages: dashboard, schedule, launch blockers and compliance, promotion, KPI targets."""
    FULL = "full"
    """Every chapter, with a table of contents."""


def edition_title(plan: Plan, edition: Edition) -> str:
    """The document's title in the plan's language: the edition and the organisation."""
    lang, organisation = plan.header.language, plan.header.organisation
    if edition is Edition.BRIEF:
        return _("Messaging rollout plan in brief — {organisation}", lang, organisation=organisation)
    return _("Messaging rollout plan — {organisation}", lang, organisation=organisation)
