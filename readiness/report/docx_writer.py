"""Building blocks of a Word document: Word's own heading styles, real tables with a repeating header row, and
checklists whose first cell is a checkbox character.

Every text passes through ``without_controls`` first: XML refuses control characters, and a pasted one must not
stop the document from being written. The text is otherwise kept whole, as the consultant edits it from here.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, RGBColor
from docx.table import _Cell

from readiness.core.assessment import ActionStatus
from readiness.report.safetext import plain_line, without_controls
from readiness.report.theme import Theme

CHECKBOXES = {
    ActionStatus.TODO: "☐",
    ActionStatus.DOING: "☐",
    ActionStatus.DONE: "☑",
    ActionStatus.DROPPED: "☒",
}
"""The first cell of a checklist row: open, done or dropped."""
THEMED_STYLES = ("Title", "Heading 1", "Heading 2", "Heading 3")
"""The styles that take the theme's primary colour."""
TABLE_STYLE = "Table Grid"
LOGO_WIDTH = Cm(4)
TITLE_LIMIT = 255
"""The longest title the core properties keep."""


@dataclass(frozen=True)
class Picture:
    """A small image in a table cell, with the words a screen reader says for it."""

    png: bytes
    width_cm: float
    description: str


Cells = Sequence[str | Sequence[str | Picture]]
"""A table row: each cell one text, or several texts and pictures, one paragraph each."""


class WordDocument:
    """A document in one language and one theme, written from the top down."""

    def __init__(self, theme: Theme, lang: str, title: str) -> None:
        self.document: DocumentObject = Document()
        self.colours = theme.colours
        primary = RGBColor.from_string(theme.colours.primary.removeprefix("#").upper())
        for style_name in THEMED_STYLES:
            self.document.styles[style_name].font.color.rgb = primary
        _set_language(self.document, lang)
        properties = self.document.core_properties
        properties.title = plain_line(title, TITLE_LIMIT)
        properties.language = lang
        properties.author = plain_line(theme.consultancy or "Readiness", TITLE_LIMIT)
        properties.comments = "Readiness"
        if theme.word_logo is not None:
            picture = self.document.add_picture(io.BytesIO(theme.word_logo.body), width=LOGO_WIDTH)
            picture._inline.docPr.set("descr", plain_line(theme.consultancy or theme.name, TITLE_LIMIT))

    def heading(self, text: str, level: int) -> None:
        """Level 0 is the document's title; 1 to 3 are Word's Heading 1 to Heading 3."""
        self.document.add_heading(without_controls(text), level)

    def paragraph(self, text: str, *, label: str = "", style: str | None = None) -> None:
        """A paragraph, led by a bold label when one is given."""
        paragraph = self.document.add_paragraph(style=style)
        if label:
            paragraph.add_run(without_controls(label) + " ").bold = True
        paragraph.add_run(without_controls(text))

    def items(self, texts: Iterable[str], *, numbered: bool = False) -> None:
        """A bulleted list, or a numbered one."""
        for text in texts:
            self.paragraph(text, style="List Number" if numbered else "List Bullet")

    def item_in(self, language: str, passage: str, rest: str) -> None:
        """A bulleted item that opens with a passage in another language (a source's own title), marked as such so
        Word proofs it, and a screen reader voices it, in that language."""
        paragraph = self.document.add_paragraph(style="List Bullet")
        run = paragraph.add_run(without_controls(passage))
        marker = OxmlElement("w:lang")
        marker.set(qn("w:val"), language)
        run._r.get_or_add_rPr().append(marker)
        paragraph.add_run(without_controls(rest))

    def table(self, headers: Sequence[str], rows: Iterable[Cells], widths: Sequence[float] = ()) -> None:
        """A table whose bold header row repeats at the top of every page it runs onto; ``widths`` in centimetres."""
        table = self.document.add_table(rows=1, cols=len(headers))
        table.style = self.document.styles[TABLE_STYLE]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        header = table.rows[0]
        _repeat_as_header(header._tr)
        for cell, text in zip(header.cells, headers, strict=True):
            _fill(cell, text, bold=True)
        for row in rows:
            cells = table.add_row().cells
            for cell, value in zip(cells, row, strict=True):
                _fill(cell, value)
        if widths:  # the grid for LibreOffice, each cell for Word: both read widths from different places
            table.autofit = False
            for column, width in zip(table.columns, widths, strict=True):
                column.width = Cm(width)
                for cell in column.cells:
                    cell.width = Cm(width)
        self.document.add_paragraph()

    def facts(self, rows: Iterable[tuple[str, str]]) -> None:
        """A two-column table of labelled facts: the label in bold, no header row."""
        table = self.document.add_table(rows=0, cols=2)
        table.style = self.document.styles[TABLE_STYLE]
        for label, value in rows:
            cells = table.add_row().cells
            _fill(cells[0], label, bold=True)
            _fill(cells[1], value)
        self.document.add_paragraph()

    def contents(self, title: str, placeholder: str) -> None:
        """Word's own table of contents: a field over Heading 1 and 2 that Word fills in (with page numbers) when it
        opens the file, as the settings ask; ``placeholder`` shows until then, and in readers that do not update
        fields."""
        self.paragraph(title, style="TOC Heading" if "TOC Heading" in _style_names(self.document) else None)
        paragraph = self.document.add_paragraph()
        for kind, text in (("begin", None), (None, ' TOC \\o "1-2" \\h \\z \\u '), ("separate", None)):
            run = paragraph.add_run()
            if kind:
                marker = OxmlElement("w:fldChar")
                marker.set(qn("w:fldCharType"), kind)
                run._r.append(marker)
            else:
                instruction = OxmlElement("w:instrText")
                instruction.set(qn("xml:space"), "preserve")
                instruction.text = text
                run._r.append(instruction)
        paragraph.add_run(without_controls(placeholder)).italic = True
        end = OxmlElement("w:fldChar")
        end.set(qn("w:fldCharType"), "end")
        paragraph.add_run()._r.append(end)
        update = OxmlElement("w:updateFields")
        update.set(qn("w:val"), "true")
        settings = self.document.settings.element
        later = next((child for child in settings if child.tag in _AFTER_UPDATE_FIELDS), None)
        if later is None:
            settings.append(update)
        else:
            later.addprevious(update)

    def to_bytes(self) -> bytes:
        out = io.BytesIO()
        self.document.save(out)
        return out.getvalue()


_AFTER_UPDATE_FIELDS = frozenset(
    qn(f"w:{name}")
    for name in (
        "hdrShapeDefaults",
        "footnotePr",
        "endnotePr",
        "compat",
        "docVars",
        "rsids",
        "attachedSchema",
        "themeFontLang",
        "clrSchemeMapping",
        "doNotIncludeSubdocsInStats",
        "doNotAutoCompressPictures",
        "forceUpgrade",
        "captions",
        "readModeInkLockDown",
        "smartTagType",
        "shapeDefaults",
        "doNotEmbedSmartTags",
        "decimalSymbol",
        "listSeparator",
    )
)
"""The settings that come after ``w:updateFields`` in WordprocessingML's fixed order, which Word enforces."""


def _style_names(document: DocumentObject) -> set[str]:
    return {style.name for style in document.styles if style.name}


def checkbox(status: ActionStatus | str) -> str:
    return CHECKBOXES[ActionStatus(status)]


def _fill(cell: _Cell, value: str | Sequence[str | Picture], *, bold: bool = False) -> None:
    """A new cell's content, one paragraph per text or picture; the first text in bold when asked."""
    parts = [value] if isinstance(value, str) else list(value) or [""]
    for index, part in enumerate(parts):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        if isinstance(part, Picture):
            picture = paragraph.add_run().add_picture(io.BytesIO(part.png), width=Cm(part.width_cm))
            picture._inline.docPr.set("descr", plain_line(part.description, TITLE_LIMIT))
        else:
            paragraph.add_run(without_controls(part)).bold = (bold and index == 0) or None


def _repeat_as_header(row: object) -> None:
    """Marks a table row as a header row that Word repeats on every page (w:tblHeader)."""
    properties = row.get_or_add_trPr()  # type: ignore[attr-defined]
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    properties.append(marker)


def _set_language(document: DocumentObject, lang: str) -> None:
    """The proofing language of every run that does not say otherwise: Word spell-checks in the plan's language."""
    properties = document.styles["Normal"].element.get_or_add_rPr()
    marker = OxmlElement("w:lang")
    marker.set(qn("w:val"), lang)
    properties.append(marker)
