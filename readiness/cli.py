"""The ``readiness`` command: the same core the desktop app uses, for automation and batch work.

Every failure is one line per problem on stderr and exit status 2; never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from readiness.cli_grammar import CONTENT_ENV, EXIT_INCOMPLETE, EXIT_OK, EXIT_PROBLEM, LANG, Command, command_line
from readiness.cli_transcripts import add as add_transcripts
from readiness.cli_transcripts import analyze as analyze_transcripts
from readiness.core.assessment import Assessment
from readiness.core.atomic import write_text_atomically
from readiness.core.checks import validate_paths, validate_shipped
from readiness.core.content import Content, load_content
from readiness.core.exchange import read_exchange_file, write_exchange_file
from readiness.core.i18n import _, ngettext
from readiness.core.lang import Lang
from readiness.core.names import ASSESSMENT_STATUS_NAMES, name
from readiness.core.plain import to_json
from readiness.core.plan.figures import number_text
from readiness.core.problems import ReadinessError
from readiness.core.samples import load_sample
from readiness.core.schema import schema_texts
from readiness.core.score_summary import score_summary
from readiness.core.scoring import score_assessment
from readiness.resources import ResourceError, questionnaires


def main(argv: Sequence[str] | None = None) -> int:
    parser = command_line(COMMANDS)
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
    except BrokenPipeError:
        # The reader stopped reading (``| head``): nothing to say; stdout goes nowhere so the exit's flush is quiet.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_PROBLEM
    except (ResourceError, KeyboardInterrupt) as error:
        print("readiness: " + (str(error) or _("interrupted", LANG)), file=sys.stderr)
        return EXIT_PROBLEM
    except Exception as error:  # the promise is no traceback, even for a bug
        if os.environ.get("READINESS_DEBUG"):
            raise
        detail = f"{type(error).__name__}: {error}"
        print(
            "readiness: " + _("internal error ({error}); READINESS_DEBUG=1 shows details", LANG, error=detail),
            file=sys.stderr,
        )
        return EXIT_PROBLEM


def content_folders(extra: list[Path]) -> list[Path]:
    """The shipped content, then the folders named in the environment, then those given with --content."""
    from_env = [Path(p) for p in os.environ.get(CONTENT_ENV, "").split(os.pathsep) if p]
    return [questionnaires(), *from_env, *extra]


def _content(args: argparse.Namespace) -> Content:
    return load_content(*content_folders(args.content))


def _validate(args: argparse.Namespace) -> int:
    folders = content_folders(args.content)
    if args.translations:
        from readiness.core.coverage import coverage_report

        report, complete = coverage_report([*folders, *(p for p in args.paths if p.is_dir())])
        print(report)
        return EXIT_INCOMPLETE if args.strict and not complete else EXIT_OK
    if args.paths:
        summary = validate_paths(LANG, args.paths, lambda: load_content(*folders))
    else:
        summary = validate_shipped(LANG, *folders)
    print(summary)
    return EXIT_OK


def _sample(args: argparse.Namespace) -> int:
    content = _content(args)
    assessment = load_sample(args.profile, Lang(args.lang), content, questionnaires())
    write_exchange_file(assessment, args.output)
    print(
        _(
            "wrote {path} ({organisation}, {lang})",
            LANG,
            path=args.output,
            organisation=assessment.profile.organisation,
            lang=args.lang,
        )
    )
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

    with library_session(args.db, _warn) as session:
        rows = list_assessments(session=session, search=args.search)
    for row in rows:
        baseline = "  " + _("(re-assessment of {id})", LANG, id=row.baseline_id) if row.baseline_id else ""
        answers = ngettext("{count} answer", "{count} answers", row.answers, LANG)
        status = _status(row.status)
        score = "—" if row.score is None else number_text(row.score, LANG, digits=1)
        print(
            f"{row.id:>5}  {row.organisation:<32.32}  {row.created.isoformat()}  {row.language}  {status:<8}"
            f"  {score:>5}  {answers:>11}  {row.questionnaire}{baseline}"
        )
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from readiness.store import create_assessment, library_session

    content = _content(args)
    assessment = _read_assessment_file(args.file, content)
    with library_session(args.db, _warn) as session:
        assessment_id = create_assessment(session=session, assessment=assessment, content=content)
    print(assessment_id)
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from readiness.store import library_session, load_assessment

    with library_session(args.db, _warn) as session:
        assessment = load_assessment(session=session, assessment_id=args.id)
    write_exchange_file(assessment, args.output)
    print(_("wrote {path}", LANG, path=args.output))
    return EXIT_OK


def _delete(args: argparse.Namespace) -> int:
    from readiness.store import delete_assessment, library_session

    with library_session(args.db, _warn) as session:
        delete_assessment(session=session, assessment_id=args.id)
    print(_("deleted {id}", LANG, id=args.id))
    return EXIT_OK


def _copy(args: argparse.Namespace) -> int:
    """Read every assessment first, then write them all in one transaction: all are copied, or none."""
    from readiness.store import create_assessment, library_session, load_assessment

    content = _content(args)
    with library_session(args.db, _warn) as session:
        assessments = [load_assessment(session=session, assessment_id=i) for i in args.ids]
    with library_session(args.to, _warn) as session:
        new_ids = [create_assessment(session=session, assessment=a, content=content) for a in assessments]
    for old, new in zip(args.ids, new_ids, strict=True):
        print(_("copied {id} as {new_id}", LANG, id=old, new_id=new))
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    folder: Path = args.output
    folder.mkdir(parents=True, exist_ok=True)
    for filename, text in schema_texts().items():
        write_text_atomically(folder / filename, text)
    count = len(schema_texts())
    print(ngettext("wrote {count} schema to {folder}", "wrote {count} schemas to {folder}", count, LANG, folder=folder))
    return EXIT_OK


def _plan(args: argparse.Namespace) -> int:
    from readiness.cli_progress import progress_line
    from readiness.report.edition import Edition
    from readiness.report.outputs import OutputFormat, PlanSettings, output_format, write_plan
    from readiness.report.paper import Paper
    from readiness.report.theme import load_theme

    kind = output_format(args.output)
    if (args.file is None) == (args.id is None):
        raise ReadinessError.single("plan", _("give either an assessment FILE or --id N of a stored assessment", LANG))
    if args.ics_tasks and kind is not OutputFormat.ICS:
        raise ReadinessError.single("plan", _("--ics-tasks adds the tasks to a calendar: OUT must end in .ics", LANG))
    content = _content(args)
    settings = PlanSettings(
        lang=Lang(args.lang) if args.lang else None,
        paper=Paper(args.paper) if args.paper else None,
        theme=load_theme(args.theme) if args.theme else None,
        edition=Edition(args.edition),
        ics_tasks=args.ics_tasks,
    )
    assessment, baseline = _plan_assessments(args, content)
    progress = progress_line(sys.stderr, LANG)
    try:
        written = write_plan(args.output, assessment, content, settings, baseline=baseline, on_progress=progress)
    finally:
        if progress is not None:
            progress.finish()
    if written.pages:
        print(
            ngettext(
                "wrote {path} ({count} page)", "wrote {path} ({count} pages)", written.pages, LANG, path=written.path
            )
        )
    else:
        print(_("wrote {path}", LANG, path=written.path))
    for warning in written.warnings:
        _warn(warning)
    return EXIT_OK


def _plan_assessments(args: argparse.Namespace, content: Content) -> tuple[Assessment, Assessment | None]:
    """The assessment to plan, and the baseline its plan is compared with (None: not a re-assessment). A baseline
    dated after the assessment is refused; one of another organisation is taken, with a warning."""
    given = _read_assessment_file(args.baseline, content) if args.baseline is not None else None
    if args.file is not None:
        assessment, baseline = _read_assessment_file(args.file, content), given
    else:
        from readiness.store import library_session, read_assessment

        with library_session(args.db, _warn) as session:
            stored = read_assessment(session=session, assessment_id=args.id)
        assessment, baseline = stored.assessment, given or stored.baseline
    if baseline is not None:
        _check_baseline(args.baseline or "--baseline", assessment, baseline)
    return assessment, baseline


def _check_baseline(source: Path | str, assessment: Assessment, baseline: Assessment) -> None:
    if baseline.created > assessment.created:
        raise ReadinessError.single(
            source,
            _(
                "the baseline is dated {baseline}, after the assessment it would be compared with ({assessment})",
                LANG,
                baseline=baseline.created.isoformat(),
                assessment=assessment.created.isoformat(),
            ),
        )
    if baseline.profile.organisation.casefold() != assessment.profile.organisation.casefold():
        _warn(
            _(
                "the baseline is an assessment of {baseline}, not of {organisation}",
                LANG,
                baseline=baseline.profile.organisation,
                organisation=assessment.profile.organisation,
            )
        )


def _read_assessment_file(path: Path, content: Content) -> Assessment:
    from readiness.report.attachment import read_assessment_file

    return read_assessment_file(path, content)


def _warn(warning: str) -> None:
    print(_("warning: {warning}", LANG, warning=warning), file=sys.stderr)


def _status(status: str) -> str:
    return name(ASSESSMENT_STATUS_NAMES, status, LANG) if status in ASSESSMENT_STATUS_NAMES else status


if __name__ == "__main__":
    raise SystemExit(main())


COMMANDS: dict[str, Command] = {
    "validate": _validate,
    "sample": _sample,
    "score": _score,
    "list": _list,
    "import": _import,
    "export": _export,
    "delete": _delete,
    "copy": _copy,
    "schema": _schema,
    "plan": _plan,
    "transcripts analyze": lambda args: analyze_transcripts(args, _content(args)),
    "transcripts add": lambda args: add_transcripts(args, _content(args)),
}
