"""The plan as an editable Word document, in either edition: the consultant's starting point for a tailored
deliverable. Built from the same plan model as the PDF, in the plan's language, with Word's own heading styles
so the navigation pane and a table of contents work."""

from __future__ import annotations

from readiness.core.plan.model import Plan
from readiness.report.docx_brief import write_brief
from readiness.report.docx_full import write_full
from readiness.report.docx_parts import PlanDocument
from readiness.report.docx_writer import WordDocument
from readiness.report.edition import Edition, edition_title
from readiness.report.theme import Theme

TITLES = {Edition.BRIEF: "Messaging rollout plan, in brief", Edition.FULL: "Messaging rollout plan"}
"""The title at the top of the document: the PDF's cover title (full) or the brief's kicker."""


def plan_docx(plan: Plan, theme: Theme, edition: Edition) -> bytes:
    """The DOCX's bytes: the title, the organisation and the issue date, then the edition's chapters."""
    doc = WordDocument(theme, plan.header.language, edition_title(plan, edition))
    d = PlanDocument(plan, doc)
    doc.heading(d.t(TITLES[edition]), 0)
    doc.paragraph(plan.header.organisation, style="Subtitle")
    doc.paragraph(d.date(plan.header.issued, "long"), label=d.t("Issued"))
    if edition is Edition.BRIEF:
        write_brief(d)
    else:
        write_full(d)
    return doc.to_bytes()
