"""The plan as HTML, from the Jinja templates in report_templates/.

Every template is rendered with autoescape on, and every printed value passes
through ``printable`` first, so user text always reaches the page as text.
Assets (fonts, the logo) are named by URL: ``app:`` URLs that the PDF
renderer's fetcher serves, or ``data:`` URLs for a stand-alone HTML file.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from types import SimpleNamespace

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from readiness import __version__
from readiness.core.i18n import _, ngettext, npgettext, pgettext
from readiness.core.lang import Lang
from readiness.core.names import (
    CHANNEL_ROLE_NAMES,
    SCORING_METHOD_NAMES,
    STEP_NAMES,
    TASK_STATUS_NAMES,
    WORKSTREAM_NAMES,
    label,
    name,
)
from readiness.core.plan.brief import brief_of
from readiness.core.plan.model import Plan, RankedChannel, Workstream
from readiness.core.plan.readiness import band_colour
from readiness.core.plan.schedule import LAUNCH_BUFFER_WORKING_DAYS
from readiness.report.charts import Schedule, bar_chart, schedule, timeline, trend
from readiness.report.edition import Edition, edition_title
from readiness.report.fmt import Formatter
from readiness.report.paper import Paper
from readiness.report.safetext import plain_line, printable
from readiness.report.sections import PLAN_SECTIONS
from readiness.report.theme import Theme
from readiness.resources import Folder, folder, resource

FONTS = {
    "app:fonts/Inter-Regular.otf": "fonts/Inter-Regular.otf",
    "app:fonts/Inter-Italic.otf": "fonts/Inter-Italic.otf",
    "app:fonts/Inter-SemiBold.otf": "fonts/Inter-SemiBold.otf",
    "app:fonts/Inter-Bold.otf": "fonts/Inter-Bold.otf",
}
FONT_TYPE = "font/otf"


def _band_colours(plan: Plan) -> dict[str, str]:
    """Each readiness band's bar colour, as the window shows it."""
    ids = [band.id for band in plan.readiness.bands]
    return {band: colour for band in ids if (colour := band_colour(band, ids))}


@dataclass(frozen=True)
class PlanPage:
    """The plan as one HTML document, with the assets its app: URLs name."""

    html: str
    assets: dict[str, tuple[bytes, str]]
    title: str


def render_plan_html(
    plan: Plan,
    theme: Theme,
    paper: Paper,
    *,
    standalone: bool = False,
    edition: Edition = Edition.FULL,
    fit: int = 0,
) -> PlanPage:
    """The plan's HTML in ``edition``; ``standalone`` inlines the assets as data: URLs so a browser can show it
    alone; ``fit`` sets a brief tighter (``BRIEF_FITS``)."""
    assets = _assets(theme)
    lang = plan.header.language
    fmt = Formatter(lang)
    brief = edition is Edition.BRIEF
    title = edition_title(plan, edition)
    html = (
        _environment()
        .get_template("brief.html" if brief else "plan.html")
        .render(
            plan=plan,
            theme=theme,
            paper=paper.value,
            lang=lang,
            title=title,
            f=fmt,
            **gettext_functions(lang),
            names=PLAN_NAMES,
            vocab=lambda vocabulary, value: label(vocabulary, value, lang),
            asset=_data_url(assets) if standalone else _app_url(assets),
            readiness_chart=lambda lines: bar_chart(lines, plan.readiness.bands, fmt, _baseline_scores(plan)),
            kpi_trend=lambda kpi: trend(kpi, fmt),
            timeline=timeline(plan.milestones, fmt) if plan.milestones else None,
            band_colours=_band_colours(plan),
            buffer_days=LAUNCH_BUFFER_WORKING_DAYS,
            version=__version__,
            generated=plan.header.issued,
            channel_names={c.channel: _badge(c) for c in plan.channels},
            brief=brief_of(plan),
            schedule=_schedule(plan, fmt) if brief else None,
            fit=fit,
        )
    )
    return PlanPage(html, assets, title)


def _baseline_scores(plan: Plan) -> dict[str, float | None]:
    """The baseline assessment's score of each dimension, for a re-assessment's charts."""
    cycle = plan.cycle
    if cycle is None:
        return {}
    return {change.dimension: change.before for change in cycle.scores}


def _schedule(plan: Plan, fmt: Formatter) -> Schedule | None:
    """The tasks from the plan's day on: a re-assessment's chart leaves out the work done months before it."""
    tasks = [task for task in plan.all_tasks() if task.due >= plan.header.created]
    lang = plan.header.language

    def lane_name(workstream: Workstream) -> str:
        return name(WORKSTREAM_NAMES, workstream, lang)

    return schedule(tasks, plan.milestones, fmt, lane_name) if tasks else None


def _badge(channel: RankedChannel) -> str:
    """A channel's label on a task: its short name, unless that is written for a sentence ("the website chat")."""
    return channel.short_name if channel.short_name[:1].isupper() else channel.name


PLAN_NAMES = SimpleNamespace(
    step=STEP_NAMES,
    status=TASK_STATUS_NAMES,
    channel_role=CHANNEL_ROLE_NAMES,
    scoring_method=SCORING_METHOD_NAMES,
    section=PLAN_SECTIONS,
)
"""The fixed names the templates translate with ``_(names.status[task.status])``, and the plan's chapters."""


def gettext_functions(lang: Lang | str) -> dict[str, Callable[..., str]]:
    """The templates' ``_``, ``ngettext``, ``pgettext`` and ``npgettext``, bound to the plan's language."""
    return {
        "_": lambda message, **params: _(message, lang, **params),
        "ngettext": lambda singular, plural, count, **params: ngettext(singular, plural, count, lang, **params),
        "pgettext": lambda context, message, **params: pgettext(context, message, lang, **params),
        "npgettext": lambda context, singular, plural, count, **params: npgettext(
            context, singular, plural, count, lang, **params
        ),
    }


def _assets(theme: Theme) -> dict[str, tuple[bytes, str]]:
    assets = {url: (_font_bytes(relative), FONT_TYPE) for url, relative in FONTS.items()}
    if theme.logo is not None:
        assets[theme.logo.url] = (theme.logo.body, theme.logo.media_type)
    return assets


@cache
def _font_bytes(relative: str) -> bytes:
    return resource(Folder.ASSETS, relative).read_bytes()


def _app_url(assets: Mapping[str, tuple[bytes, str]]) -> Callable[[str], Markup]:
    def url(name: str) -> Markup:
        if name not in assets:
            raise KeyError(f"no bundled asset {name}")
        return Markup(name)  # noqa: S704 - an app: URL from our own asset table, never user text

    return url


def _data_url(assets: Mapping[str, tuple[bytes, str]]) -> Callable[[str], Markup]:
    def url(name: str) -> Markup:
        body, media_type = assets[name]
        encoded = base64.b64encode(body).decode("ascii")
        return Markup(f"data:{media_type};base64,{encoded}")  # noqa: S704 - base64 of a bundled asset

    return url


def _finalize(value: object) -> object:
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    return printable(value)


def _clip(value: str, limit: int) -> str:
    """For text that must stay on one line (running headers, names in narrow columns)."""
    return printable(" ".join(value.split()), limit)


def _meta(value: str, limit: int = 200) -> Markup:
    """For <title> and attribute values: never laid out, so no break points (escaped here, finalize skips it)."""
    return escape(plain_line(value, limit))


@cache
def _environment() -> Environment:
    environment = Environment(
        loader=FileSystemLoader(folder(Folder.REPORT_TEMPLATES)),
        autoescape=True,
        undefined=StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["clip"] = _clip
    environment.filters["meta"] = _meta
    return environment
