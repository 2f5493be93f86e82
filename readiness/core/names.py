"""One translatable name for each fixed concept: steps, task statuses, fit levels, milestones, vocabularies.

The UI, the plan and the CLI all name these through this module, so a concept reads the same everywhere.
The names are msgids marked with ``N_``; ``name(TABLE, key, lang)`` translates one.
"""

from __future__ import annotations

from collections.abc import Mapping

from readiness.core.i18n import N_, _
from readiness.core.lang import Lang

STEP_NAMES = {
    "identify": N_("Identify"),
    "open": N_("Open"),
    "promote": N_("Promote"),
    "refine": N_("Refine"),
}

REASON_NAMES = {
    "speed": N_("Speed"),
    "familiarity": N_("Familiarity"),
    "convenience": N_("Convenience"),
    "industry_forces": N_("Industry forces"),
}

DIMENSION_NAMES = {**STEP_NAMES, **REASON_NAMES}
"""Every scored dimension: the four steps and the four reasons."""

TASK_STATUS_NAMES = {
    "todo": N_("to do"),
    "doing": N_("in progress"),
    "done": N_("done"),
    "dropped": N_("dropped"),
}

TASK_KIND_NAMES = {
    "action": N_("action"),
    "blocker": N_("launch blocker"),
    "day_one": N_("day one"),
    "promotion": N_("promotion"),
    "training": N_("training"),
    "compliance": N_("compliance"),
}

WORKSTREAM_NAMES = {
    "set_up": N_("Channel set-up"),
    "team": N_("Team and bot"),
    "compliance": N_("Compliance"),
    "promotion": N_("Promotion"),
    "measurement": N_("Measurement"),
}

ASSESSMENT_STATUS_NAMES = {
    "draft": N_("In progress"),
    "complete": N_("Complete"),
}

CHANNEL_ROLE_NAMES = {
    "primary": N_("Primary"),
    "secondary": N_("Secondary"),
}

GAP_STATE_NAMES = {
    "closed": N_("Closed"),
    "new": N_("New"),
    "open": N_("Still open"),
    "improved": N_("Still open, measured better"),
    "worsened": N_("Still open, measured worse"),
}
"""A gap of the baseline assessment set beside the re-assessment's register, and how its measured figure moved."""

FIT_NAMES = {
    "strong": N_("Strong fit for messaging"),
    "good": N_("Good fit for messaging"),
    "partial": N_("Partial fit for messaging"),
    "weak": N_("Weak fit for messaging"),
    "unknown": N_("Fit not yet known"),
}

SCORING_METHOD_NAMES = {
    "weighted_mean": N_(
        "Each question scores 0 to 100 from the option chosen (several options add up, to at most 100) or from the "
        "band a number falls in. A dimension's score is Σ(weight × score) ÷ Σ weight over its answered, scored "
        "questions; the overall score does the same over every question."
    ),
    "mean_of_steps": N_(
        "Each question scores 0 to 100 from the option chosen or from the band a number falls in. A dimension's "
        "score is Σ(weight × score) ÷ Σ weight over its answered, scored questions; the overall score is the plain "
        "mean of the step scores."
    ),
}

YES_NO_NAMES = {"yes": N_("Yes"), "no": N_("No")}

MILESTONE_NAMES = {
    "start": N_("Plan starts"),
    "blockers": N_("All launch blockers cleared"),
    "training": N_("Team training complete"),
    "launch": N_("Launch"),
    "promotion": N_("Promotion checklist complete"),
    "first_review": N_("First transcript review"),
    "kpi_review": N_("First KPI review"),
    "kpi_deadline": N_("KPI targets due"),
    "reassessment": N_("Re-assessment"),
}

VOCABULARIES: dict[str, dict[str, str]] = {
    "frequency": {
        "rare": N_("rare"),
        "monthly": N_("monthly"),
        "weekly": N_("weekly"),
        "daily": N_("daily"),
        "constant": N_("constant"),
    },
    "severity": {"low": N_("low"), "medium": N_("medium"), "high": N_("high"), "critical": N_("critical")},
    "touchpoint": {
        "sales": N_("sales"),
        "support": N_("support"),
        "billing": N_("billing"),
        "delivery": N_("delivery"),
        "marketing": N_("marketing"),
    },
    "audience": {"b2c": N_("consumers (B2C)"), "b2b": N_("businesses (B2B)")},
    "cadence": {
        "daily": N_("daily"),
        "weekly": N_("weekly"),
        "monthly": N_("monthly"),
        "quarterly": N_("quarterly"),
    },
    "direction": {"lower_is_better": N_("lower is better"), "higher_is_better": N_("higher is better")},
}


def name(table: Mapping[str, str], key: str, lang: Lang | str) -> str:
    """The translated name of ``key`` in one of this module's tables."""
    return _(table[str(key)], lang)


def label(vocabulary: str, value: str, lang: Lang | str) -> str:
    """The name of a fixed vocabulary value, e.g. label("severity", "high", "es") is "alta"."""
    return name(VOCABULARIES[vocabulary], value, lang)
