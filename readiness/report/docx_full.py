"""The full plan's chapters in Word, in the order and with the numbers of the PDF (``PLAN_SECTIONS``); the
charts are left out, their figures are in the tables."""

from __future__ import annotations

from dataclasses import replace

from readiness.core.i18n import N_
from readiness.core.names import STEP_NAMES, label
from readiness.core.plan.readiness import ScoreLine
from readiness.core.plan.schedule import LAUNCH_BUFFER_WORKING_DAYS
from readiness.report.docx_appendix import appendix
from readiness.report.docx_parts import PlanDocument
from readiness.report.docx_writer import Cells
from readiness.report.sections import PLAN_SECTIONS as S


def write_full(d: PlanDocument) -> None:
    cover(d)
    d.doc.contents(
        d.t("Contents"),
        d.t(N_("Word fills in this table of contents when it opens the file; elsewhere, update the fields.")),
    )
    for chapter in (summary, readiness, gaps, channels, team, launch, promotion, kpis, timeline, actions, appendix):
        chapter(d)


def cover(d: PlanDocument) -> None:
    """The cover's facts: when the plan was assessed and issued, by whom, for which markets and launch."""
    h = d.plan.header
    audience = ", ".join(label("audience", a, d.lang) for a in h.audience)
    launch = d.date(h.launch_date, "long")
    if h.launch_date_assumed:
        launch += f" ({d.t('assumed: no date was set')})"
    facts = [(d.t("Assessed"), d.date(h.created, "long"))]
    if h.facilitator:
        facts.append((d.t("Facilitator"), h.facilitator))
    if h.participants:
        facts.append((d.t("Participants"), ", ".join(h.participants)))
    facts += [
        (d.t("Markets"), f"{d.fmt.countries(h.countries)} · {audience}"),
        (d.t("Launch"), launch),
        (d.t("Questionnaire"), f"{h.questionnaire} · v{h.questionnaire_version}"),
    ]
    d.doc.facts(facts)
    note = "Confidential — prepared for {organisation}: share within the team that will carry out this plan."
    d.doc.paragraph(d.t(note, organisation=h.organisation))


def summary(d: PlanDocument) -> None:
    plan = d.plan
    d.chapter(S["summary"], "Where the business stands, what it will open, and how success will be measured.")
    d.headline_figures(fit_summary=True)
    for sentence in d.brief.in_short:
        d.doc.paragraph(sentence)
    d.doc.heading(d.t("Decisions for the sponsor"), 2)
    d.decisions()
    d.doc.heading(d.t("Chosen channels"), 2)
    d.chosen_channels("Lead time", lambda c: d.working_days(c.lead_time_days))
    d.doc.heading(d.t("Monthly running cost"), 2)
    d.running_cost(total=True)
    d.doc.heading(d.t("Top communication gaps"), 2)
    if plan.gaps:
        d.doc.items(
            (
                f"{g.type_name} — {g.touchpoint}{f', {g.current_channel}' if g.current_channel else ''}"
                f" · {d.t('Priority')} {d.fmt.number(g.priority)}"
                for g in plan.gaps[:3]
            ),
            numbered=True,
        )
    else:
        d.empty("No gaps were recorded.")
    d.doc.heading(d.t("Next five actions"), 2)
    d.checklist(d.brief.next_actions, brief=True, show_channel=d.several_channels)
    d.doc.heading(d.t("Headline targets"), 2)
    if plan.kpis:
        headers = [d.t(h) for h in ("KPI", "Baseline", "Target", "By")]
        rows = [
            [k.name, d.baseline(k.baseline, k.unit), d.fmt.quantity(k.target, k.unit), d.date(k.deadline)]
            for k in plan.kpis[:4]
        ]
        d.doc.table(headers, rows)
    else:
        d.empty("No KPI targets were set.")


def readiness(d: PlanDocument) -> None:
    r = d.plan.readiness
    d.chapter(
        S["readiness"],
        "Scores from 0 to 100 for each step of the method and each reason for messaging, with the band each falls in.",
    )
    headers = [d.t(h) for h in ("Dimension", "Score", "Band", "Scored", "N/A", "Open items")]
    overall = replace(r.overall, label=d.t("Overall"), description="")
    for caption, lines in (("By step", r.steps), ("By reason for messaging", (*r.reasons, overall))):
        d.doc.heading(d.t(caption), 2)
        d.doc.table(headers, [_score_row(d, line) for line in lines])
    d.doc.paragraph(" · ".join(f"{b.label} ≥ {d.fmt.number(b.min, 0)}" for b in r.bands), label=d.t("Bands"))
    d.doc.paragraph(
        d.t(
            "Each score is the weighted mean of the answered questions; questions marked N/A or skipped leave the "
            "calculation, and unanswered ones are listed, not counted as zero. The appendix shows every answer and "
            "every formula."
        )
    )
    d.cycle_comparison()
    flagged = [a for a in d.plan.answers if a.flagged]
    open_items = [a for a in d.plan.answers if a.status == "unanswered"]
    if flagged or open_items:
        d.doc.heading(d.t("Needs attention"), 2)
        d.doc.items(
            f"{d.t(flag)} · {d.t('Question {number}', number=a.number)} — {a.text}"
            for flag, answers in (("To review", flagged), ("Unanswered", open_items))
            for a in answers
        )


def _score_row(d: PlanDocument, line: ScoreLine) -> Cells:
    counts = (line.scored, line.not_applicable, line.unanswered)
    return [[line.label, line.description], d.fmt.score(line.score), line.band_label, *(str(n) for n in counts)]


def gaps(d: PlanDocument) -> None:
    d.chapter(
        S["gaps"],
        "Where communication with customers breaks today, ranked by frequency, severity and measured figures.",
    )
    if not d.plan.gaps:
        d.empty("No gaps were recorded. Walk a day in the customer's shoes and record where the conversation breaks.")
        return
    headers = ["#", *(d.t(h) for h in ("Gap", "Where", "Frequency", "Severity", "Measured", "Priority"))]
    rows = [
        [
            str(g.rank),
            g.type_name,
            [g.touchpoint, g.current_channel or ""],
            g.frequency,
            g.severity,
            "—" if g.measured_value is None else d.fmt.quantity(g.measured_value, g.unit),
            d.fmt.number(g.priority),
        ]
        for g in d.plan.gaps
    ]
    d.doc.table(headers, rows)
    d.doc.heading(d.t("Each gap in detail"), 2)
    for g in d.plan.gaps:
        d.doc.heading(f"{g.rank} {g.type_name} · {g.touchpoint}", 3)
        d.doc.paragraph(" ".join(g.explanation), label=d.t("Why this rank"))
        d.doc.paragraph(" ".join((g.benchmark, *g.benchmark_notes)), label=d.t("Benchmark"))
        d.labelled((("Evidence", g.evidence), ("Notes", g.notes)))
        if g.closing_actions:
            d.doc.paragraph("", label=d.t("How to close it"))
            d.doc.items(g.closing_actions)
        d.labelled((("Channels that close it", ", ".join(g.closing_channels)),))


def channels(d: PlanDocument) -> None:
    plan = d.plan
    d.chapter(
        S["channels"], "The channels chosen, why they fit this business, and what must be true before they go live."
    )
    for c in plan.chosen_channels:
        d.doc.heading(f"{d.role(c)}: {c.name} · {d.t('Fit score')} {d.fmt.number(c.score)} · #{c.rank}", 2)
        if c.choice_note:
            d.doc.paragraph(c.choice_note)
        d.doc.paragraph("", label=d.t("Why it fits"))
        d.doc.items(c.reasons)
        d.doc.paragraph("", label=d.t("Constraints"))
        d.doc.items(c.constraints or (d.t("No constraints for this profile."),))
        facts = [
            (d.t("Lead time"), d.working_days(c.lead_time_days)),
            (d.t("Who starts"), c.initiation),
            (d.t("Service window"), c.service_window),
            (d.t("Opt-in"), c.opt_in),
            (d.t("Pricing"), c.pricing),
        ]
        if c.prices:
            prices = (f"{p.text} ({d.t('read {date}', date=d.date(p.as_of))})" for p in c.prices)
            facts.append((d.t("In your markets"), "; ".join(prices)))
        d.doc.facts(facts)
    if not plan.chosen_channels:
        d.empty("No channel has been chosen yet.")
    if plan.retired_channels_in_use:
        d.doc.heading(d.t("Retired channels still in use"), 2)
        d.doc.items(
            d.t(
                "{name} ended on {date}. {replacement}",
                name=r.name,
                date=d.date(r.discontinued_on),
                replacement=r.replacement,
            )
            for r in plan.retired_channels_in_use
        )
    d.doc.heading(d.t("All candidate channels, ranked"), 2)
    headers = ["#", d.t("Channel"), d.t("Fit score"), d.t("Reasons and constraints")]
    rows = [
        [
            str(c.rank),
            [c.name, d.role(c) if c.chosen else ""],
            d.fmt.score(c.score),
            " ".join((*c.reasons, *c.constraints)),
        ]
        for c in plan.channels
    ]
    d.doc.table(headers, rows)


def team(d: PlanDocument) -> None:
    t = d.plan.team
    d.chapter(S["team"], "Who owns the channel, who answers, when, how fast, and what the bot may do.")
    facts = [
        (d.t("Executive sponsor"), d.unassigned(t.executive_sponsor)),
        (d.t("Channel owner"), d.unassigned(t.channel_owner)),
        (d.t("Staffed hours"), t.coverage),
    ]
    if t.business_hours != t.coverage:
        facts.append((d.t("Business hours"), t.business_hours))
    facts.append((d.t("Reply-time promise"), t.response_promise))
    if t.live_agents_required_by:
        facts.append((d.t("Live agents required by"), ", ".join(t.live_agents_required_by)))
    d.doc.facts(facts)
    d.doc.heading(d.t("Roles"), 2)
    headers = [d.t("Role"), d.t("Person"), d.t("Responsibilities")]
    d.doc.table(headers, [[r.label, d.unassigned(r.name), r.responsibilities] for r in t.roles])
    d.doc.heading(d.t("Training"), 2)
    d.checklist_or(t.training, "No training sessions were planned.")
    d.doc.heading(d.t("Bot"), 2)
    if t.bot_enabled:
        d.doc.facts([(d.t("Scope"), t.bot_scope), (d.t("Hand-off to a person"), t.bot_handoff)])
        d.doc.paragraph("", label=d.t("Rules for the bot"))
        d.doc.items(t.bot_rules)
    else:
        d.empty("No bot: every conversation is answered by a person.")


def launch(d: PlanDocument) -> None:
    plan = d.plan
    d.chapter(
        S["launch"], "What must be true before going live, the rules that apply, and what has to work on day one."
    )
    d.doc.heading(d.t("Launch blockers"), 2)
    d.doc.paragraph(
        d.t(
            "Do not go live until every blocker is ticked. Each is due at least {buffer} before launch (earlier when "
            "another blocker waits for it), so a late review or a rejected submission can still be fixed; the line "
            "under it says when to start. Items marked 'late start' should already have started: start them now or "
            "move the launch date.",
            buffer=d.working_days(LAUNCH_BUFFER_WORKING_DAYS),
        )
    )
    d.checklist_or(plan.launch_blockers, "No blockers for the chosen channels.", show_channel=d.several_channels)
    if plan.compliance:
        d.doc.heading(d.t("Rules that apply"), 2)
        d.doc.paragraph(plan.compliance_notice)
    for c in plan.compliance:
        d.doc.heading(f"{c.name} · {c.jurisdiction}", 3)
        d.doc.paragraph(c.summary)
        d.labelled((("Penalties", c.penalties),))
        if c.markets:
            d.doc.paragraph("", label=d.t("Markets to check"))
            missing = d.t("This catalog has no notes on this market yet: ask local counsel which laws apply.")
            d.doc.items(f"{m.name} — {m.laws or missing}" for m in c.markets)
            d.sources([ref for m in c.markets for ref in m.sources])
        d.checklist(c.tasks)
        d.sources(c.sources)
        d.doc.paragraph(d.t("Checked against its sources on {date}.", date=d.date(c.as_of, "long")))
    d.doc.heading(d.t("Day one"), 2)
    d.checklist_or(plan.day_one, "No day-one items for the chosen channels.", show_channel=d.several_channels)


def promotion(d: PlanDocument) -> None:
    d.chapter(
        S["promotion"],
        "Every surface the business controls, telling customers the channel exists: one checklist per surface and "
        "channel.",
    )
    for checklist in d.plan.promotion:
        d.doc.heading(f"{checklist.surface_name} · {checklist.channel_name}", 2)
        d.checklist(checklist.tasks)
    if not d.plan.promotion:
        d.empty("No promotion surfaces were chosen.")


def kpis(d: PlanDocument) -> None:
    d.chapter(
        S["kpis"],
        "What will be measured, from what baseline, to what target and by when; defaults come from published "
        "benchmarks.",
    )
    d.kpi_table()
    d.transcript_findings()
    if d.plan.kpis:
        d.doc.heading(d.t("Definitions, benchmarks and sources"), 2)
    for k in d.plan.kpis:
        d.doc.heading(k.name, 3)
        benchmark = " ".join((k.benchmark, *k.benchmark_notes)) if k.benchmark else ""
        d.labelled((("Definition", k.definition), ("Formula", k.formula), ("Benchmark", benchmark)))
        d.sources(k.sources)


def timeline(d: PlanDocument) -> None:
    d.chapter(
        S["timeline"],
        "The milestones from today on (launch, reviews, re-assessment and KPI deadlines), and the routine that keeps "
        "the channel improving.",
    )
    d.milestones()
    d.doc.heading(d.t("Refine routine"), 2)
    d.refine_facts()
    d.doc.items(d.plan.refine.steps, numbered=True)


def actions(d: PlanDocument) -> None:
    d.chapter(S["actions"], "Tasks triggered by the answers, grouped by step, in the order their dependencies allow.")
    for step, step_name in STEP_NAMES.items():
        tasks = [t for t in d.plan.actions if t.step == step]
        if tasks:
            d.doc.heading(d.t(step_name), 2)
            d.checklist(tasks)
    if not d.plan.actions:
        d.empty("The answers triggered no further actions.")
