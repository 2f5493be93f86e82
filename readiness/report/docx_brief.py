"""The brief's six parts in Word, numbered as the brief PDF numbers them (``BRIEF_SECTIONS``); the schedule is the
table of milestones, without the chart."""

from __future__ import annotations

from readiness.report.docx_parts import PlanDocument
from readiness.report.docx_writer import checkbox
from readiness.report.sections import BRIEF_SECTIONS as S

BLOCKERS_SHOWN = 3


def write_brief(d: PlanDocument) -> None:
    for part in (dashboard, schedule, launch, promotion, kpis, costs):
        part(d)


def dashboard(d: PlanDocument) -> None:
    d.chapter(S["dashboard"], "Where the business stands, what the sponsor decides, and what happens next.")
    d.headline_figures(fit_summary=False, cost=True)
    d.doc.heading(d.t("Decisions for the sponsor"), 2)
    d.decisions()
    d.doc.heading(d.t("Chosen channels and why"), 2)
    d.chosen_channels("Why", lambda c: " ".join(c.reasons[:2]))
    d.doc.heading(d.t("Blocking the launch"), 2)
    blockers = d.plan.open_launch_blockers
    d.doc.items(f"{t.title} · {d.unassigned(t.owner)} · {d.date(t.due)}" for t in blockers[:BLOCKERS_SHOWN])
    if len(blockers) > BLOCKERS_SHOWN:
        more = len(blockers) - BLOCKERS_SHOWN
        d.doc.paragraph(
            d.n(
                "And {count} more: all of them on the launch page.",
                "And {count} more: all of them on the launch page.",
                more,
            )
        )
    if not blockers:
        d.empty("No blocker is open.")
    d.doc.heading(d.t("Next five actions"), 2)
    d.checklist(d.brief.next_actions, brief=True, show_channel=d.several_channels)


def schedule(d: PlanDocument) -> None:
    d.chapter(S["schedule"])
    d.doc.heading(d.t("Milestones"), 2)
    d.milestones()


def launch(d: PlanDocument) -> None:
    plan = d.plan
    d.chapter(S["launch"], "What must be true before going live, and the laws the markets served bring.")
    d.doc.heading(d.t("Launch blockers"), 2)
    if plan.launch_blockers:
        d.checklist(plan.launch_blockers, brief=True, show_channel=d.several_channels)
    else:
        d.empty("No blockers for the chosen channels.")
    if not plan.compliance:
        return
    d.doc.heading(d.t("Rules that apply"), 2)
    rows = []
    for c in plan.compliance:
        due = [t.due for t in c.tasks if t.status.is_open]
        first_due = d.date(min(due)) if due else "—"
        rows.append([f"{c.name} · {c.jurisdiction}", f"{len(due)} / {len(c.tasks)}", first_due])
    d.doc.table([d.t("Rule"), d.t("Open items"), d.t("First due")], rows)
    d.doc.paragraph(plan.compliance_notice)


def promotion(d: PlanDocument) -> None:
    d.chapter(S["promotion"], "Telling customers the chosen channels exist, on every surface the business controls.")
    if not d.plan.promotion:
        d.empty("No promotion surfaces were chosen.")
        return
    rows = []
    for checklist in d.plan.promotion:
        tasks = checklist.tasks
        owners = ", ".join(dict.fromkeys(t.owner for t in tasks if t.owner)) or d.t("to be assigned")
        due = [t.due for t in tasks if t.status.is_open]
        rows.append(
            [
                [checklist.surface_name, checklist.channel_name],
                [f"{checkbox(t.status)} {t.title}" for t in tasks],
                owners,
                d.date(max(due)) if due else d.t("done"),
            ]
        )
    d.doc.table([d.t(h) for h in ("Surface", "What to do", "Owner", "Due")], rows)


def kpis(d: PlanDocument) -> None:
    d.chapter(
        S["kpis"],
        "What will be measured, from what baseline, to what target and by when, and how often it is reviewed.",
    )
    d.kpi_table()
    d.doc.heading(d.t("Refine routine"), 2)
    d.refine_facts()


def costs(d: PlanDocument) -> None:
    d.chapter(S["costs"])
    d.running_cost(total=False)
