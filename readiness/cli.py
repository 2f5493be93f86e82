"""The ``readiness`` command: the same core the desktop app uses, for automation and batch work.

Every failure is one line per problem on stderr and exit status 2; never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from readiness import __version__
from readiness.core.assessment import Assessment
from readiness.core.atomic import write_text_atomically
from readiness.core.checks import validate_paths, validate_shipped
from readiness.core.content import Content, load_content
from readiness.core.exchange import read_exchange_file, write_exchange_file
from readiness.core.plain import to_json
from readiness.core.problems import ReadinessError
from readiness.core.questionnaire import Questionnaire
from readiness.core.samples import SAMPLE_PROFILES, load_sample
from readiness.core.schema import schema_texts
from readiness.core.scoring import DimensionScore, ScoreReport, Status, score_assessment
from readiness.core.text import Lang, worded
from readiness.resources import ResourceError, questionnaires

EXIT_OK = 0
EXIT_PROBLEM = 2
CONTENT_ENV = "READINESS_CONTENT"

Command = Callable[[argparse.Namespace], int]


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    command: Command | None = getattr(args, "command", None)
    if command is None:
        parser.print_help()
        return EXIT_OK
    try:
        return command(args)
    except ReadinessError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return EXIT_PROBLEM
    except (ResourceError, KeyboardInterrupt) as error:
        print(f"readiness: {error or 'interrupted'}", file=sys.stderr)
        return EXIT_PROBLEM
    except Exception as error:  # the promise is no traceback, even for a bug
        if os.environ.get("READINESS_DEBUG"):
            raise
        print(
            f"readiness: internal error ({type(error).__name__}: {error}); READINESS_DEBUG=1 shows details",
            file=sys.stderr,
        )
        return EXIT_PROBLEM


class _Parser(argparse.ArgumentParser):
    """Usage errors as one line, like every other error, pointing at --help."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_PROBLEM, f"{self.prog}: {message} (see {self.prog} --help)\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="readiness",
        description="Assess readiness for customer messaging and build the rollout plan.",
    )
    parser.add_argument("--version", action="version", version=f"readiness {__version__}")
    parser.add_argument(
        "--content",
        type=Path,
        action="append",
        default=[],
        metavar="DIR",
        help="an extra content folder (your own questionnaires or catalog entries); repeatable. "
        f"Also read from ${CONTENT_ENV}, separated by '{os.pathsep}'.",
    )
    parser.add_argument(
        "--db",
        metavar="PATH|URL",
        help="the assessment library: a SQLite file or a SQLAlchemy URL "
        "(default: $READINESS_DB, else library.sqlite in your data folder)",
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    library_option = _Parser(add_help=False)
    library_option.add_argument("--db", metavar="PATH|URL", default=argparse.SUPPRESS, help="the assessment library")

    validate = commands.add_parser("validate", help="check content or assessment files (default: shipped content)")
    validate.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="questionnaire, catalog or assessment file, or a content folder",
    )
    validate.set_defaults(command=_validate)

    sample = commands.add_parser("sample", help="write a complete sample assessment")
    sample.add_argument("--profile", choices=SAMPLE_PROFILES, default=SAMPLE_PROFILES[0])
    sample.add_argument("--lang", choices=[lang.value for lang in Lang], default=Lang.EN.value)
    sample.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    sample.set_defaults(command=_sample)

    score = commands.add_parser("score", help="score an assessment per step, per reason and overall")
    score.add_argument("file", type=Path, metavar="FILE")
    score.add_argument("--json", action="store_true", help="machine-readable, with the explanation trace")
    score.set_defaults(command=_score)

    listing = commands.add_parser("list", parents=[library_option], help="list the assessments in the library")
    listing.add_argument("--search", default="", help="only organisations whose name contains this")
    listing.set_defaults(command=_list)

    importing = commands.add_parser(
        "import",
        parents=[library_option],
        help="add an assessment file, or the assessment inside a plan PDF, to the library; prints its id",
    )
    importing.add_argument("file", type=Path, metavar="FILE")
    importing.set_defaults(command=_import)

    exporting = commands.add_parser(
        "export", parents=[library_option], help="write a stored assessment as an exchange file"
    )
    exporting.add_argument("id", type=int, metavar="ID")
    exporting.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    exporting.set_defaults(command=_export)

    deleting = commands.add_parser("delete", parents=[library_option], help="delete an assessment from the library")
    deleting.add_argument("id", type=int, metavar="ID")
    deleting.set_defaults(command=_delete)

    schema = commands.add_parser("schema", help="write the JSON Schemas of content and assessment files")
    schema.add_argument("-o", "--output", type=Path, required=True, metavar="DIR")
    schema.set_defaults(command=_schema)

    plan = commands.add_parser(
        "plan",
        parents=[library_option],
        help="write the rollout plan: PDF, HTML, CSV task list, ICS milestones or JSON, by OUT's extension",
    )
    plan.add_argument("file", type=Path, nargs="?", metavar="FILE", help="an assessment file (or use --id)")
    plan.add_argument("--id", type=int, metavar="N", help="a stored assessment in the library (see --db)")
    plan.add_argument(
        "-o", "--output", type=Path, required=True, metavar="OUT", help="OUT.pdf, .html, .csv, .ics or .json"
    )
    plan.add_argument("--lang", choices=[lang.value for lang in Lang], help="default: the assessment's language")
    plan.add_argument("--paper", choices=["a4", "letter"], default="a4")
    plan.add_argument("--theme", type=Path, metavar="THEME.yaml", help="branding: logo, colours, consultancy name")
    plan.set_defaults(command=_plan)
    return parser


def content_folders(extra: list[Path]) -> list[Path]:
    """The shipped content, then the folders named in the environment, then those given with --content."""
    from_env = [Path(p) for p in os.environ.get(CONTENT_ENV, "").split(os.pathsep) if p]
    return [questionnaires(), *from_env, *extra]


def _content(args: argparse.Namespace) -> Content:
    return load_content(*content_folders(args.content))


def _validate(args: argparse.Namespace) -> int:
    folders = content_folders(args.content)
    summary = validate_paths(args.paths, lambda: load_content(*folders)) if args.paths else validate_shipped(*folders)
    print(summary)
    return EXIT_OK


def _sample(args: argparse.Namespace) -> int:
    content = _content(args)
    assessment = load_sample(args.profile, Lang(args.lang), content, questionnaires())
    write_exchange_file(assessment, args.output)
    print(f"wrote {args.output} ({assessment.profile.organisation}, {args.lang})")
    return EXIT_OK


def _score(args: argparse.Namespace) -> int:
    content = _content(args)
    assessment = read_exchange_file(args.file, content)
    questionnaire = content.assessment_questionnaire(assessment)
    report = score_assessment(questionnaire, assessment.answers)
    if args.json:
        print(to_json(report))
    else:
        print(score_summary(report, questionnaire, assessment))
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    from readiness.store import library_session, list_assessments

    with library_session(args.db) as session:
        rows = list_assessments(session=session, search=args.search)
    for row in rows:
        baseline = f"  (re-assessment of {row.baseline_id})" if row.baseline_id else ""
        print(
            f"{row.id:>5}  {row.organisation:<32.32}  {row.created.isoformat()}  {row.language}  {row.status:<8}"
            f"  {_counted(row.answers, 'answer'):>11}  {row.questionnaire}{baseline}"
        )
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from readiness.store import create_assessment, library_session

    assessment = _read_assessment_file(args.file, _content(args))
    with library_session(args.db) as session:
        assessment_id = create_assessment(session=session, assessment=assessment)
    print(assessment_id)
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from readiness.store import library_session, load_assessment

    with library_session(args.db) as session:
        assessment = load_assessment(session=session, assessment_id=args.id)
    write_exchange_file(assessment, args.output)
    print(f"wrote {args.output}")
    return EXIT_OK


def _delete(args: argparse.Namespace) -> int:
    from readiness.store import delete_assessment, library_session

    with library_session(args.db) as session:
        delete_assessment(session=session, assessment_id=args.id)
    print(f"deleted {args.id}")
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    folder: Path = args.output
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in schema_texts().items():
        write_text_atomically(folder / name, text)
    print(f"wrote {len(schema_texts())} schemas to {folder}")
    return EXIT_OK


def _plan(args: argparse.Namespace) -> int:
    from readiness.report.html import Paper
    from readiness.report.outputs import PlanSettings, output_format, write_plan
    from readiness.report.theme import load_theme

    output_format(args.output)
    if (args.file is None) == (args.id is None):
        raise ReadinessError.single("plan", "give either an assessment FILE or --id N of a stored assessment")
    content = _content(args)
    settings = PlanSettings(
        lang=Lang(args.lang) if args.lang else None,
        paper=Paper(args.paper),
        theme=load_theme(args.theme) if args.theme else None,
    )
    written = write_plan(args.output, _plan_assessment(args, content), content, settings)
    pages = f" ({_counted(written.pages, 'page')})" if written.pages else ""
    print(f"wrote {written.path}{pages}")
    for warning in written.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return EXIT_OK


def _plan_assessment(args: argparse.Namespace, content: Content) -> Assessment:
    if args.file is not None:
        return _read_assessment_file(args.file, content)
    from readiness.store import library_session, load_assessment

    with library_session(args.db) as session:
        return load_assessment(session=session, assessment_id=args.id)


def _read_assessment_file(path: Path, content: Content) -> Assessment:
    from readiness.report.attachment import read_assessment_file

    return read_assessment_file(path, content)


def score_summary(report: ScoreReport, questionnaire: Questionnaire, assessment: Assessment) -> str:
    lang = assessment.language
    lines = [
        f"{assessment.profile.organisation} — {questionnaire.title.get(lang)} {questionnaire.version}",
        _score_line("Overall", report.overall, questionnaire, lang),
        "Steps:",
        *(
            _score_line(questionnaire.steps[s].label.get(lang), d, questionnaire, lang, "  ")
            for s, d in report.steps.items()
        ),
        "Reasons:",
        *(
            _score_line(questionnaire.reasons[r].label.get(lang), d, questionnaire, lang, "  ")
            for r, d in report.reasons.items()
        ),
        f"Unanswered: {len(report.unanswered)}" + (f" ({', '.join(report.unanswered)})" if report.unanswered else ""),
        f"Flagged for review: {len(report.flagged)}" + (f" ({', '.join(report.flagged)})" if report.flagged else ""),
    ]
    return "\n".join(lines)


def _score_line(name: str, score: DimensionScore, questionnaire: Questionnaire, lang: Lang, indent: str = "") -> str:
    counts = (
        f"{score.count(Status.SCORED)} scored, {score.count(Status.NOT_APPLICABLE)} N/A, "
        f"{score.count(Status.UNANSWERED)} unanswered"
    )
    if score.score is None:
        return f"{indent}{name:<24} {'—':>5}  not scored yet  ({counts})"
    band = questionnaire.band_for(score.score).label.get(lang)
    return f"{indent}{name:<24} {score.score:5.1f}  {band:<14} ({counts})"


def _counted(count: int, noun: str) -> str:
    """ "1 answer", "3 answers": the command line speaks English."""
    return worded((f"1 {noun}", f"{{count}} {noun}s"), Lang.EN, {"count": count})


if __name__ == "__main__":
    raise SystemExit(main())
