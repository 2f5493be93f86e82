"""What WeasyPrint's PDF/UA tagging leaves out, added to the structure tree before the file is written.

WeasyPrint tags header cells (/TH) and points every data cell at its headers (/Headers and /IDs), but writes no
header's /Scope, which checkers and some screen readers read. Every template writes a column's headers in the
table's head and a row's header in its body (tests/report checks that), so a header's place says its scope.
"""

from __future__ import annotations

from typing import Any

import pydyf

COLUMN_SCOPE = "/Column"
ROW_SCOPE = "/Row"


def scope_table_headers(_document: Any, pdf: pydyf.PDF) -> None:
    """A WeasyPrint finisher: each /TH in a /THead gets the column scope, every other /TH the row scope."""
    elements = {item.reference: item for item in pdf.objects if isinstance(item, pydyf.Dictionary)}
    for element in elements.values():
        if element.get("S") != "/TH":
            continue
        row = elements.get(element.get("P"))
        group = elements.get(row.get("P")) if row is not None else None
        in_head = group is not None and group.get("S") == "/THead"
        element["A"]["Scope"] = COLUMN_SCOPE if in_head else ROW_SCOPE
