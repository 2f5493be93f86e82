"""The pieces both editions of the Word plan share: the plan's words, its checklists, the KPI table, the headline
figures and the refine routine, said as the PDF says them (the same msgids, the same date and number formats)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from readiness.core.assessment import ActionStatus
from readiness.core.i18n import N_, _, ngettext
from readiness.core.lang import Lang
from readiness.core.names import CHANNEL_ROLE_NAMES, TASK_STATUS_NAMES, label, name
from readiness.core.plan.brief import Brief, brief_of
from readiness.core.plan.cost_lines import CostLine, LineKind
from readiness.core.plan.cycle import cycle_tables
from readiness.core.plan.model import KpiLine, Plan, RankedChannel, SourceRef, Task
from readiness.report.charts import trend
from readiness.report.docx_writer import Cells, Picture, WordDocument, checkbox
from readiness.report.fmt import Formatter
from readiness.report.sections import PlanSection
from readiness.report.trend_picture import trend_png

CM_PER_CSS_PIXEL = 2.54 / 96
CHECKLIST_WIDTHS = (1.6, 8.6, 4.0, 2.8)
KPI_WIDTHS = {False: (5.6, 2.4, 2.2, 2.4, 2.4, 2.2), True: (4.2, 2.3, 2.6, 1.9, 2.2, 2.3, 1.9)}
"""Centimetres, with and without the latest actual: the KPI with its data and baseline source wide."""
"""Centimetres: a narrow checkbox, the task wide, then the owner and the date."""


@dataclass
class PlanDocument:
    """The plan being written into ``doc``, with its words and formats in the plan's language."""

    plan: Plan
    doc: WordDocument
    fmt: Formatter = field(init=False)
    brief: Brief = field(init=False)

    def __post_init__(self) -> None:
        self.fmt = Formatter(self.plan.header.language)
        self.brief = brief_of(self.plan)

    @property
    def lang(self) -> str:
        return self.plan.header.language

    def t(self, message: str, **params: object) -> str:
        return _(message, self.lang, **params)

    def n(self, singular: str, plural: str, count: float, **params: object) -> str:
        return ngettext(singular, plural, count, self.lang, **params)

    def date(self, value: object, style: str = "medium") -> str:
        return self.fmt.date(value, style)  # type: ignore[arg-type]

    def working_days(self, count: int) -> str:
        return self.n("{count} working day", "{count} working days", count)

    def unassigned(self, person: str) -> str:
        return person or self.t("to be assigned")

    def chapter(self, section: PlanSection, lead: str = "") -> None:
        """A numbered chapter heading in Heading 1, as the PDF numbers it, and its lead paragraph."""
        self.doc.heading(f"{section.number} {self.t(section.title)}", 1)
        if lead:
            self.doc.paragraph(self.t(lead))

    def empty(self, message: str) -> None:
        self.doc.paragraph(self.t(message), style="Quote")

    # ------------------------------------------------------------------ checklists

    def checklist(self, tasks: Iterable[Task], *, brief: bool = False, show_channel: bool = False) -> None:
        """One row per task: its checkbox, what to do, who does it and by when."""
        headers = [self.t("Done"), self.t("Task"), self.t("Owner"), self.t("Due")]
        rows = [self._task_row(task, brief, show_channel) for task in tasks]
        self.doc.table(headers, rows, CHECKLIST_WIDTHS)

    def checklist_or(self, tasks: Sequence[Task], message: str, *, show_channel: bool = False) -> None:
        """The checklist, or the message saying why there is none."""
        if tasks:
            self.checklist(tasks, show_channel=show_channel)
        else:
            self.empty(message)

    def _task_row(self, task: Task, brief: bool, show_channel: bool) -> Cells:
        flags = []
        if task.late_start and task.status == ActionStatus.TODO:
            flags.append(self.t("late start"))
        if show_channel and task.channel:
            flags.append(self.channel_badge(task.channel))
        if task.status in (ActionStatus.DOING, ActionStatus.DROPPED):
            flags.append(name(TASK_STATUS_NAMES, task.status, self.lang))
        what = [task.title, " · ".join(flags)]
        owner = [self.unassigned(task.owner)]
        if not brief:
            what.append(task.detail)
            if task.start and task.lead_time_days and task.status == ActionStatus.TODO:
                duration = self.working_days(task.lead_time_days)
                what.append(
                    self.t("Start by {date} · takes {duration}.", date=self.date(task.start), duration=duration)
                )
            owner.append(task.owner_title)
            if not task.owner_holds_role:
                owner.append(self.t("Task role: {role}", role=task.owner_role_label))
        return [checkbox(task.status), _present(what), _present(owner), self.date(task.due)]

    def channel_badge(self, channel: str) -> str:
        """A channel's label on a task: its short name, unless that is written for a sentence."""
        found = next(c for c in self.plan.channels if c.channel == channel)
        return found.short_name if found.short_name[:1].isupper() else found.name

    @property
    def several_channels(self) -> bool:
        return len(self.plan.chosen_channels) > 1

    # ------------------------------------------------------------------ shared tables

    def headline_figures(self, *, fit_summary: bool, cost: bool = False) -> None:
        overall, fit = self.plan.readiness.overall, self.plan.readiness.fit
        open_blockers = len(self.plan.open_launch_blockers)
        launch = self.date(self.plan.header.launch_date, "long")
        blockers = (
            self.n("{count} launch blocker still open", "{count} launch blockers still open", open_blockers)
            if open_blockers
            else self.t("No launch blocker left open")
        )
        score = [f"{self.fmt.score(overall.score)}/100", overall.band_label, self._target(overall.score)]
        figures = [
            (self.t("Overall readiness"), " · ".join(_present(score))),
            (self.t("Fit for messaging"), f"{fit.label} · {fit.summary}" if fit_summary else fit.label),
            (self.t("Launch date"), f"{launch} · {blockers}"),
        ]
        if cost:
            figures.append((self.t("Monthly running cost"), self._cost_figure()))
        self.doc.facts(figures)
        if self.plan.cycle is not None:
            self.doc.paragraph(self.plan.cycle.summary)

    def cycle_comparison(self) -> None:
        """A re-assessment's scores, gaps and the baseline's KPI targets set beside the baseline's, as tables (the
        PDF's overlaid chart says nothing these do not)."""
        cycle = self.plan.cycle
        if cycle is None:
            return
        self.doc.heading(self.t("Since the baseline assessment"), 2)
        self.doc.paragraph(cycle.summary)
        for table in cycle_tables(cycle, Lang(self.lang)):
            self.doc.heading(table.heading, 3)
            self.doc.table(table.headers, [list(row) for row in table.rows])

    def _target(self, score: float | None) -> str:
        target = self.plan.readiness_target
        if target is None:
            return ""
        shown = self.fmt.number(target, 0)
        if score is not None and score >= target:
            return self.t("Target {target}: reached", target=shown)
        return self.t("Target {target} by the re-assessment", target=shown)

    def _cost_figure(self) -> str:
        missing = sum(line.kind is LineKind.NOT_ESTIMATED for line in self.plan.running_cost.lines)
        total = self.cost_totals() or self.t("not estimated yet")
        if not missing:
            return f"{total} · {self.t('Section 6 shows what it rests on')}"
        note = self.n(
            "{count} cost not estimated; section 6 says why", "{count} costs not estimated; section 6 says why", missing
        )
        return f"{total} · {note}"

    def decisions(self) -> None:
        self.doc.items(
            (
                f"{d.text} · {self.t('by {date}', date=self.date(d.task.due))}" if d.task else d.text
                for d in self.brief.decisions
            ),
            numbered=True,
        )

    def chosen_channels(self, last_header: str, last: Callable[[RankedChannel], str]) -> None:
        """The chosen channels with their role and fit score, and one more column the edition picks."""
        if not self.plan.chosen_channels:
            self.empty("No channel has been chosen yet.")
            return
        headers = [self.t("Channel"), self.t("Role"), self.t("Fit score"), self.t(last_header)]
        self.doc.table(
            headers,
            [
                [c.name, self.role(c), f"{self.fmt.number(c.score)} · #{c.rank}", last(c)]
                for c in self.plan.chosen_channels
            ],
        )

    def role(self, channel: RankedChannel) -> str:
        return name(CHANNEL_ROLE_NAMES, channel.chosen or "", self.lang)

    def kpi_table(self) -> None:
        if not self.plan.kpis:
            self.empty("No KPI targets were set.")
            return
        measured = any(k.actuals for k in self.plan.kpis)
        columns = ("KPI", "Baseline", "Latest actual", "Target", "By", "Owner", "Review")
        headers = [self.t(h) for h in columns if measured or h != "Latest actual"]
        rows: list[Cells] = []
        for k in self.plan.kpis:
            source = k.data_source or self.t("source to be agreed")
            data = f"{self.t('Data')}: {source} · {label('direction', k.direction, self.lang)}"
            what = [f"{k.name} · {self.t('suggested')}" if k.suggested else k.name, data]
            if k.baseline is not None:
                what.append(
                    self.t("Baseline: {source}", source=k.baseline_source)
                    if k.baseline_source
                    else self.t("Baseline: where it was measured is not recorded")
                )
            what.extend((k.promise_warning, k.baseline_check))
            actual: list[str | list[str | Picture]] = [self.latest_actual(k)] if measured else []
            rows.append(
                [
                    _present(what),
                    self.baseline(k.baseline, k.unit),
                    *actual,
                    self.fmt.quantity(k.target, k.unit),
                    self.date(k.deadline),
                    self.unassigned(k.owner),
                    k.cadence,
                ]
            )
        self.doc.table(headers, rows, KPI_WIDTHS[measured])

    def latest_actual(self, kpi: KpiLine) -> list[str | Picture]:
        """The KPI as last measured after the launch, with the day, and its course from the baseline drawn as the
        PDF draws it; "—" before any measurement."""
        if not kpi.actuals:
            return ["—"]
        latest = kpi.actuals[-1]
        said: list[str | Picture] = [f"{self.fmt.quantity(latest.value, kpi.unit)} ({self.date(latest.measured)})"]
        if (course := trend(kpi, self.fmt)) is not None:
            png = trend_png(course, self.doc.colours)
            said.append(Picture(png, course.width * CM_PER_CSS_PIXEL, course.title))
        return said

    def transcript_findings(self) -> None:
        """What each import of chat transcripts measured and redacted, and the gaps it suggests."""
        if not self.plan.transcripts:
            return
        self.doc.heading(self.t("What the chat transcripts show"), 2)
        for found in self.plan.transcripts:
            when = f" · {self.t('after the launch')}" if found.after_launch else ""
            self.doc.paragraph(" ".join((f"{found.source}{when}.", *found.findings)))
            self.doc.paragraph(found.redacted)
        for line in self.plan.next_cycle:
            self.doc.paragraph(line)

    def running_cost(self, *, total: bool) -> None:
        """Each cost a month with what it rests on, the total per currency (unless the edition prints it elsewhere),
        the volume and the assumptions."""
        cost = self.plan.running_cost
        rows: list[Cells] = [[line.item, self._amount(line), line.basis_sentence] for line in cost.lines]
        if total and cost.totals:
            rows.append(
                [self.t("Estimated in all"), self.cost_totals(), self.t("The lines not estimated come on top.")]
            )
        self.doc.table([self.t(h) for h in ("Cost", "A month", "What it rests on")], rows)
        self.doc.paragraph(" ".join((self.t("Conversations: {volume}.", volume=cost.volume), *cost.assumptions)))

    def cost_totals(self) -> str:
        return self.fmt.cost_totals(self.plan.running_cost)

    def _amount(self, line: CostLine) -> str:
        if line.amount is not None:
            return self.fmt.money(line.amount)
        return self.t("no fee") if line.kind is LineKind.FREE else self.t("not estimated")

    def labelled(self, lines: Iterable[tuple[str, str]]) -> None:
        """A paragraph per text that says something, led by its label (a msgid)."""
        for message, text in lines:
            if text:
                self.doc.paragraph(text, label=self.t(message))

    def milestones(self) -> None:
        """The milestones as a table of date and title: the data of the PDF's timeline chart."""
        headers = [self.t("Date"), self.t(N_("Milestone"))]
        self.doc.table(headers, [[self.date(m.date), m.title] for m in self.plan.milestones])

    def baseline(self, value: float | None, unit: str) -> str:
        return self.t(self.plan.unmeasured_baseline) if value is None else self.fmt.quantity(value, unit)

    def refine_facts(self) -> None:
        refine = self.plan.refine
        self.doc.facts(
            [
                (self.t("Transcript review"), refine.transcript_review),
                (self.t("First review"), self.date(refine.first_review, "long")),
                (self.t("Next re-assessment"), self.date(refine.reassessment, "long")),
            ]
        )

    def sources(self, refs: Sequence[SourceRef]) -> None:
        for ref in refs:
            if ref.language.split("-")[0] == self.lang.split("-")[0]:
                self.doc.items([f"{ref.title}{self._source(ref)}"])
            else:
                self.doc.item_in(ref.language, ref.title, self._source(ref))

    def _source(self, ref: SourceRef) -> str:
        """What follows a source's title: its address, when it was read, and what kind of source it is."""
        notes = [f"{self.t('read')} {self.date(ref.as_of)}"]
        if ref.kind == "vendor":
            notes.append(self.t("vendor data"))
        elif ref.kind == "secondary":
            notes.append(self.t("secondary source"))
        if ref.historic_year:
            notes.append(self.t("historic: {year} data", year=ref.historic_year))
        return f" — {ref.url} ({'; '.join(notes)})"


def _present(texts: Iterable[str]) -> list[str]:
    """The texts that say something, in order."""
    return [text for text in texts if text]
