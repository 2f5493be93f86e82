"""Where WeasyPrint spends its time on the plan's own HTML: by phase, by WeasyPrint module, by chapter, by construct.

Usage:
    python benchmarks/report_profile.py [--profile mx-retail] [--edition full|brief] [--runs 3]

phases      HTML parsing, render() (cascade and layout) and write_pdf() (drawing, tagging, fonts), warm.
collector   the whole plan with Python's cycle collector on (WeasyPrint's default) and held off until the
            render is done, as the render child runs it (readiness.report.child.collection_after_reply).
modules     cProfile's own time summed by WeasyPrint module (and the parsers and PDF writer it uses).
chapters    each chapter alone, with the document's head, CSS and fonts: its seconds beyond an empty
            document, its pages, and its tables, cells and SVG figures.
constructs  the whole plan with one construct changed: its time beside the whole plan's.

Findings on the 2-core reference machine (mx-retail, English, A4, full edition: 33 pages, 2.26 s warm), at
4ea3326, with the machine otherwise quiet:

- Phases: parsing 0.11 s, style and layout 1.64 s, writing the PDF 0.49 s.
- Python's cycle collector (measured again at stop 27, same machine): 2.28 s with it on, as WeasyPrint runs by
  default, 1.89 s with it held off. A render allocates millions of small objects (boxes, styles, lines), and each
  allocation burst starts collection passes that walk them all while the render still holds them; under cProfile
  their cost lands on whatever function was allocating (cssselect2's TokenStream.peek showed 30 us a call).
- By module (own time under cProfile): line breaking through Pango 17 % (11,082 first-line computations for
  4,490 lines drawn: a line is measured more than once), the HTML and CSS parsers and the PDF writer 13 %, the
  CSS cascade 11 %, box bookkeeping 10 %, resolving percentages 6 % (159,000 calls), inline layout 4 %.
- By chapter the cost is close to additive (the chapters alone sum to 2.17 s of the 2.26 s) at 40 to 75 ms a
  page: the checklist chapters and the appendix, dense tables of short texts, cost the most per page; the
  cover the least. No chapter and no construct stands out: the time is per box and per line.
- Constructs: leaving out the three SVG figures saves 0.10 s; overflow-wrap, break-inside, tabular figures,
  the zero-width break points in long words and repeated table headers each change it by 0.05 s or less.
- The contents' page numbers (target-counter) make WeasyPrint go over the pages twice more until the numbers
  settle ("Step 5" logs every page three times; the brief, without contents, once), but it reuses the pages
  that did not change: leaving the contents out saves 0.14 s, not two thirds.

- Writing the PDF (0.49 s warm, 1.4 s under cProfile): drawing the pages 66 % of it, most of that the text
  (each of the 4,491 lines is shaped again by Pango to be drawn), then pydyf's serialising and zlib 22 %, the
  PDF/UA structure tree 11 %.
- Two costs of pydyf, the PDF writer under WeasyPrint, grow with the plan (stop 27, the stress plan's 123 pages):
  building the structure tree asks for the list of all page references once per structure element (21,738 calls)
  and pydyf rebuilds that list on every call, 0.33 s of a 2.5 s write (0.03 s for the sample); and every stream is
  compressed at zlib level 9, 0.115 s for the sample's 2.1 MB of streams where level 6 takes 0.03 s for a file 3 %
  larger.

Levers weighed for issue 15 against these findings, and why the three that could reach its targets were not taken:

- A chapter laid out once and kept while its inputs are unchanged. The full edition's chapters follow on (issue
  14: no near-empty pages), so where a chapter starts depends on where the one before it ended; the only forced
  breaks are after the cover and after the contents. Laid out alone, each chapter would start a page (5 to 8 more
  pages, some near-empty), which changes the plan, and WeasyPrint cannot start a layout part-way down a page.
  Reusing pages inside WeasyPrint instead (its page maker restarts a page from a position in the box tree and
  the counters at that point) was measured, not built: the benchmark's edit changes the text of one page of 33
  (the appendix), and WeasyPrint's log put the page-by-page layout at about 0.03 s a page, 0.95 s in all. Even
  with every unchanged page kept, parsing, the cascade and the box tree (0.68 s) and the drawing (0.5 s) are
  redone for the whole plan, which leaves about 60 % of a full render, not the 40 % asked. Getting there means
  a page cache held across documents, with WeasyPrint's target, counter and out-of-flow state carried by hand.
- Layout spread across the two cores. WeasyPrint lays out pages in order, in one process, and laid-out pages
  cannot leave it (they hold Pango and fontconfig objects), so two processes can only write two PDFs; joining
  them keeps neither one structure tree, nor one outline, nor the links and font subsets of one PDF/UA document.
- Fewer boxes. The markup is already lean for its content: about 3,000 elements for 33 pages, every table with
  a fixed layout and its column widths set, and each construct above changes the time by 0.05 s or less.

What was taken: the render child holds the cycle collector off while it renders and collects after it has
answered (readiness.report.child.collection_after_reply), the one lever the profile showed that speeds up every
render; peak memory moved by under 2 MB. And the page references are kept per page count
(readiness.report.pdf_tags.reference_pages_once): the same PDF, byte for byte. The compression level was left at
pydyf's 9: changing it means replacing the zlib module pydyf holds, for 4 % of the time and a larger file. The
rest keeps the user from waiting rather than making the layout faster: the render child is warm before the first
plan, renders run outside the UI process, and the brief of the current answers is kept rendered in the background
at the lowest CPU priority (readiness.ui.brief_ahead), so Review opens on it and generating the brief is instant.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import re
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Mapping

from readiness.core.content import load_content
from readiness.core.lang import Lang
from readiness.core.samples import SAMPLE_PROFILES, load_sample
from readiness.report.child import collection_after_reply
from readiness.report.edition import Edition
from readiness.report.fetcher import Asset, BundledAssetFetcher
from readiness.report.html import render_plan_html
from readiness.report.outputs import plan_in
from readiness.report.paper import Paper
from readiness.report.theme import load_theme
from readiness.resources import questionnaires

BASE_URL = "app:"
LIBRARIES = re.compile(r"tinycss2|cssselect2|tinyhtml5|fontTools|pydyf|pyphen")
CONSTRUCTS: dict[str, Callable[[str], str]] = {
    "no SVG figures": lambda html: re.sub(r"<svg.*?</svg>", "", html, flags=re.S),
    "CSS: overflow-wrap normal": lambda html: html.replace("overflow-wrap: break-word", "overflow-wrap: normal"),
    "CSS: break-inside auto": lambda html: html.replace("break-inside: avoid", "break-inside: auto"),
    "CSS: no tabular figures": lambda html: html.replace("font-variant-numeric: tabular-nums", ""),
    "no zero-width break points": lambda html: html.replace("\u200b", ""),
    "no repeated table headers": lambda html: html.replace("<thead>", "<tbody>").replace("</thead>", "</tbody>"),
    "no contents (page-number targets)": lambda html: re.sub(r'<nav class="contents".*?</nav>', "", html, flags=re.S),
}


def say(text: str) -> None:
    sys.stdout.write(text + "\n")


class Renderer:
    def __init__(self, html: str, assets: Mapping[str, Asset], runs: int) -> None:
        self.html, self.assets, self.runs = html, assets, runs

    def phases(self, source: str) -> tuple[float, float, float, int]:
        import weasyprint

        fetcher = BundledAssetFetcher(self.assets)
        started = time.perf_counter()
        parsed = weasyprint.HTML(string=source, base_url=BASE_URL, url_fetcher=fetcher)
        laid_out = time.perf_counter()
        document = parsed.render()
        rendered = time.perf_counter()
        document.write_pdf()
        return laid_out - started, rendered - laid_out, time.perf_counter() - rendered, len(document.pages)

    def median(self, source: str) -> tuple[float, int]:
        runs = [self.phases(source) for _ in range(self.runs)]
        return statistics.median(sum(r[:3]) for r in runs), runs[-1][3]


def profile_by_module(renderer: Renderer) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    renderer.phases(renderer.html)
    profiler.disable()
    own: dict[str, float] = defaultdict(float)
    for (path, _line, _name), (_calls, _primitive, seconds, _cumulative, _callers) in pstats.Stats(
        profiler
    ).stats.items():  # type: ignore[attr-defined]
        found = re.search(r"weasyprint/(.*)\.py", path)
        library = "parsers and PDF writer" if LIBRARIES.search(path) else "Python built-ins" if path == "~" else "other"
        own[found.group(1) if found else library] += seconds
    total = sum(own.values())
    for module, seconds in sorted(own.items(), key=lambda item: -item[1])[:15]:
        say(f"  {module:40s} {seconds:5.2f} s  {100 * seconds / total:4.1f} %")


def by_chapter(renderer: Renderer) -> None:
    head, rest = renderer.html.split("<section", 1)
    rest = "<section" + rest
    chapters = re.findall(r"<section.*?</section>", rest, flags=re.S)
    tail = rest[rest.rfind("</section>") + len("</section>") :]
    empty, _pages = renderer.median(head + tail)
    say(f"  an empty document (head, CSS, fonts): {empty:.2f} s")
    for chapter in chapters:
        bookmark = re.search(r'data-bookmark="([^"]+)"', chapter)
        name = bookmark.group(1) if bookmark else "cover"
        seconds, pages = renderer.median(head + chapter + tail)
        cost = seconds - empty
        say(
            f"  {name[:36]:36s} {cost:5.2f} s {pages:3d} pages {cost / max(pages, 1) * 1000:4.0f} ms/page"
            f"  tables {chapter.count('<table'):3d}  cells {chapter.count('<td') + chapter.count('<th'):4d}"
            f"  svg {chapter.count('<svg')}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--profile", default="mx-retail", choices=SAMPLE_PROFILES)
    parser.add_argument("--edition", default=Edition.FULL.value, choices=[e.value for e in Edition])
    parser.add_argument("--runs", type=int, default=3, help="timed runs per measure; the median is shown")
    args = parser.parse_args()
    content = load_content(questionnaires())
    assessment = load_sample(args.profile, Lang.EN, content, questionnaires())
    page = render_plan_html(plan_in(assessment, content, None), load_theme(), Paper.A4, edition=Edition(args.edition))
    renderer = Renderer(page.html, page.assets, args.runs)
    renderer.phases(page.html)  # warm: WeasyPrint's imports, the fonts
    parse, layout, write, pages = min((renderer.phases(page.html) for _ in range(args.runs)), key=lambda r: sum(r[:3]))
    say(f"{args.profile}, {args.edition}, {pages} pages, {args.runs} runs")
    say(f"phases: parse {parse:.2f} s, style and layout {layout:.2f} s, write the PDF {write:.2f} s")
    with_collector, _pages = renderer.median(page.html)
    with collection_after_reply():
        held_off, _pages = renderer.median(page.html)
    say(f"collector: on {with_collector:.2f} s, held off {held_off:.2f} s")
    say("modules (cProfile, own time):")
    profile_by_module(renderer)
    whole, _pages = renderer.median(page.html)
    say(f"chapters (whole plan {whole:.2f} s):")
    by_chapter(renderer)
    say("constructs:")
    for label, change in CONSTRUCTS.items():
        seconds, changed_pages = renderer.median(change(page.html))
        say(f"  {label:36s} {seconds:5.2f} s ({seconds - whole:+.2f} s, {changed_pages} pages)")


if __name__ == "__main__":
    main()
