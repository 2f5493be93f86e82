"""Write the plan in the format its file name asks for: PDF, HTML, CSV, XLSX, DOCX, ICS or JSON, from one plan model."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path

from readiness.core import clock
from readiness.core.assessment import Assessment
from readiness.core.atomic import check_writable, write_bytes_atomically
from readiness.core.content import Content
from readiness.core.coverage import fallback_note
from readiness.core.exchange import exchange_text
from readiness.core.i18n import _
from readiness.core.lang import Lang
from readiness.core.plain import to_json
from readiness.core.plan.builder import build_plan
from readiness.core.plan.model import Plan
from readiness.core.problems import ReadinessError
from readiness.report.bundle import bundle_zip, part_name
from readiness.report.edition import BRIEF_FITS, BRIEF_PAGES, Edition
from readiness.report.html import PlanPage, render_plan_html
from readiness.report.job import RenderJob, RenderResult
from readiness.report.paper import Paper, plan_paper
from readiness.report.tasklist import task_list_csv
from readiness.report.theme import Theme, load_theme
from readiness.report.worker import ProgressCallback, RenderError, RenderWorker


class OutputFormat(StrEnum):
    PDF = ".pdf"
    HTML = ".html"
    CSV = ".csv"
    XLSX = ".xlsx"
    DOCX = ".docx"
    ICS = ".ics"
    JSON = ".json"
    ZIP = ".zip"
    """The close-out bundle: both editions, the task list, the calendar and the assessment file."""


@dataclass(frozen=True)
class PlanSettings:
    lang: Lang | None = None
    """The plan's language; None keeps the assessment's."""
    paper: Paper | None = None
    """None prints on the paper of the business's home country (Letter in the US, Canada, Mexico …)."""
    theme: Theme | None = None
    """None uses the default theme shipped in assets."""
    edition: Edition = Edition.FULL
    """For the PDF, the HTML and the DOCX: the full plan, or the brief."""
    ics_tasks: bool = False
    """The calendar (ICS) holds every dated task as well as the milestones and the reviews."""


@dataclass(frozen=True)
class Written:
    path: Path
    pages: int | None = None
    warnings: tuple[str, ...] = ()


def output_format(path: Path) -> OutputFormat:
    suffix = path.suffix.lower()
    try:
        return OutputFormat(suffix)
    except ValueError:
        supported = ", ".join(f.value for f in OutputFormat)
        raise ReadinessError.single(
            path, f"unsupported output format {suffix or '(none)'!r}; supported: {supported}"
        ) from None


def plan_in(
    assessment: Assessment,
    content: Content,
    lang: Lang | None,
    issued: dt.date | None = None,
    baseline: Assessment | None = None,
) -> Plan:
    """The plan in ``lang`` (None: the assessment's), issued on ``issued`` (None: today); a re-assessment's plan is
    compared with its ``baseline``."""
    if lang is not None and lang is not assessment.language:
        assessment = assessment.model_copy(update={"language": lang})
    return build_plan(assessment, content, issued, baseline)


def pdf_job(assessment: Assessment, plan: Plan, page: PlanPage) -> RenderJob:
    organisation = plan.header.organisation
    description = _("Messaging rollout plan for {organisation}", plan.header.language, organisation=organisation)
    return RenderJob(page.html, page.assets, exchange_text(assessment).encode("utf-8"), description)


def write_plan(
    output: Path,
    assessment: Assessment,
    content: Content,
    settings: PlanSettings,
    *,
    baseline: Assessment | None = None,
    worker: RenderWorker | None = None,
    on_progress: ProgressCallback | None = None,
) -> Written:
    """Build the plan and write it to OUTPUT; the file appears whole or not at all, and an OUTPUT that cannot be
    written is refused before the plan is built or rendered. A re-assessment's plan is compared with its
    ``baseline``."""
    kind = output_format(output)
    check_writable(output)
    plan = plan_in(assessment, content, settings.lang, baseline=baseline)
    note = fallback_note(content, content.assessment_questionnaire(assessment), Lang(plan.header.language))
    notes = (note,) if note else ()
    if kind is OutputFormat.PDF:
        result = _pdf(assessment, plan, settings, settings.edition, worker, on_progress)
        write_bytes_atomically(output, result.pdf)
        return Written(output, result.pages, (*notes, *result.warnings))
    if kind is OutputFormat.ZIP:
        write_bytes_atomically(output, _bundle(assessment, plan, settings, worker, on_progress, baseline))
        return Written(output, warnings=notes)
    writers: dict[OutputFormat, Callable[[], bytes]] = {
        OutputFormat.HTML: lambda: _standalone_html(plan, _paper(assessment, settings), settings).encode(),
        OutputFormat.CSV: lambda: task_list_csv(plan).encode(),
        OutputFormat.XLSX: lambda: _workbook(plan),
        OutputFormat.DOCX: lambda: _word(plan, settings),
        OutputFormat.ICS: lambda: _calendar(plan, settings).encode(),
        OutputFormat.JSON: lambda: (to_json(plan) + "\n").encode(),
    }
    write_bytes_atomically(output, writers[kind]())
    return Written(output, warnings=notes)


def _pdf(
    assessment: Assessment,
    plan: Plan,
    settings: PlanSettings,
    edition: Edition,
    worker: RenderWorker | None,
    on_progress: ProgressCallback | None,
) -> RenderResult:
    theme, paper = settings.theme or load_theme(), _paper(assessment, settings)
    return render_edition(assessment, plan, (theme, paper, edition), lambda job: _render(job, worker, on_progress))


def render_edition(
    assessment: Assessment,
    plan: Plan,
    layout: tuple[Theme, Paper, Edition],
    render: Callable[[RenderJob], RenderResult],
) -> RenderResult:
    """The plan's PDF in the theme, on the paper and in the edition of ``layout``, laid out by ``render``. A brief
    that runs over its pages is set again tighter (BRIEF_FITS), and kept at the last try if none fits; its seconds
    are those of every try."""
    theme, paper, edition = layout
    fits = BRIEF_FITS if edition is Edition.BRIEF else BRIEF_FITS[:1]
    spent = 0.0
    for fit in fits:
        result = render(pdf_job(assessment, plan, render_plan_html(plan, theme, paper, edition=edition, fit=fit)))
        spent += result.seconds
        if edition is not Edition.BRIEF or result.pages <= BRIEF_PAGES:
            break
    return replace(result, seconds=spent)


def _bundle(
    assessment: Assessment,
    plan: Plan,
    settings: PlanSettings,
    worker: RenderWorker | None,
    on_progress: ProgressCallback | None,
    baseline: Assessment | None,
) -> bytes:
    """Both editions rendered by one worker, then the task list, the calendar and the assessment file (and the
    baseline's, for a re-assessment), zipped."""
    issued, organisation = plan.header.issued, plan.header.organisation
    with contextlib.ExitStack() as stack:
        shared = worker or stack.enter_context(RenderWorker())
        pdfs = [
            (
                part_name(organisation, issued, edition.value),
                _pdf(assessment, plan, settings, edition, shared, on_progress).pdf,
            )
            for edition in (Edition.BRIEF, Edition.FULL)
        ]
    parts = [
        *pdfs,
        (part_name(organisation, issued, "tasks"), _workbook(plan)),
        (part_name(organisation, issued, "word"), _word(plan, replace(settings, edition=Edition.FULL))),
        (part_name(organisation, issued, "calendar"), _calendar(plan, settings).encode()),
        (part_name(organisation, issued, "assessment"), exchange_text(assessment).encode()),
    ]
    if baseline is not None:
        parts.append((part_name(organisation, issued, "baseline"), exchange_text(baseline).encode()))
    return bundle_zip(parts, issued)


def _workbook(plan: Plan) -> bytes:
    """The task list as a workbook; openpyxl loads only for it, not with every PDF."""
    from readiness.report.workbook import task_list_xlsx

    return task_list_xlsx(plan)


def _word(plan: Plan, settings: PlanSettings) -> bytes:
    """The plan as a Word document in the edition asked for; python-docx loads only for it, not with every PDF."""
    from readiness.report.docx_plan import plan_docx

    return plan_docx(plan, settings.theme or load_theme(), settings.edition)


def _calendar(plan: Plan, settings: PlanSettings) -> str:
    """The calendar; icalendar loads only for it, not with every PDF."""
    from readiness.report.calendar import plan_calendar

    return plan_calendar(plan, clock.now(), with_tasks=settings.ics_tasks)


def _standalone_html(plan: Plan, paper: Paper, settings: PlanSettings) -> str:
    theme = settings.theme or load_theme()
    return render_plan_html(plan, theme, paper, standalone=True, edition=settings.edition).html


def _paper(assessment: Assessment, settings: PlanSettings) -> Paper:
    return plan_paper(settings.paper, assessment.profile.home_country)


def _render(job: RenderJob, worker: RenderWorker | None, on_progress: ProgressCallback | None) -> RenderResult:
    try:
        if worker is not None:
            return worker.render(job, on_progress)
        with RenderWorker() as own:
            return own.render(job, on_progress)
    except RenderError as error:
        raise ReadinessError.single("plan", str(error)) from None
