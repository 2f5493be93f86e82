"""The ``readiness`` command's grammar: its options and subcommands, argument types, exit codes, and the language
it speaks. What each command does lives in :mod:`readiness.cli`."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import NoReturn

from readiness import __version__
from readiness.core.i18n import _, environment_language
from readiness.core.lang import Lang
from readiness.core.samples import SAMPLE_PROFILES
from readiness.core.transcripts.hours import DEFAULT_HOURS
from readiness.core.transcripts.measures import DEFAULT_GAP, DEFAULT_PROMISE_MINUTES

EXIT_OK = 0
EXIT_INCOMPLETE = 1
EXIT_PROBLEM = 2
CONTENT_ENV = "READINESS_CONTENT"

Command = Callable[[argparse.Namespace], int]

LANG = environment_language(os.environ)
"""The command line speaks the user's locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG); plans keep their own language."""


class _Parser(argparse.ArgumentParser):
    """Usage errors as one line, like every other error, pointing at --help."""

    def error(self, message: str) -> NoReturn:
        see_help = _("(see {help})", LANG, help=self.prog + " --help")
        self.exit(EXIT_PROBLEM, f"{self.prog}: {message} {see_help}\n")


def command_line(actions: Mapping[str, Command]) -> argparse.ArgumentParser:
    """The ``readiness`` command's options and subcommands, each bound to ``actions[its name]``."""
    parser = _Parser(
        prog="readiness",
        description=_("Assess readiness for customer messaging and build the rollout plan.", LANG),
    )
    parser.add_argument("--version", action="version", version=f"readiness {__version__}")
    parser.add_argument(
        "--content",
        type=Path,
        action="append",
        default=[],
        metavar="DIR",
        help=_(
            "an extra content folder (your own questionnaires or catalog entries); repeatable. "
            "Also read from ${variable}, separated by '{separator}'.",
            LANG,
            variable=CONTENT_ENV,
            separator=os.pathsep,
        ),
    )
    parser.add_argument(
        "--db",
        metavar="PATH|URL",
        help=_(
            "the assessment library: a SQLite file or a SQLAlchemy URL "
            "(default: $READINESS_DB, else library.sqlite in your data folder)",
            LANG,
        ),
    )
    commands = parser.add_subparsers(title=_("commands", LANG), metavar="COMMAND")
    library_option = _Parser(add_help=False)
    library_option.add_argument(
        "--db", metavar="PATH|URL", default=argparse.SUPPRESS, help=_("the assessment library", LANG)
    )

    validate = commands.add_parser(
        "validate", help=_("check content or assessment files (default: shipped content)", LANG)
    )
    validate.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help=_("questionnaire, catalog or assessment file, or a content folder", LANG),
    )
    validate.add_argument(
        "--translations",
        action="store_true",
        help=_("print how much of each file every language translates, instead of checking the files", LANG),
    )
    validate.add_argument(
        "--strict", action="store_true", help=_("with --translations: fail unless every language is complete", LANG)
    )
    validate.set_defaults(command=actions["validate"])

    sample = commands.add_parser("sample", help=_("write a complete sample assessment", LANG))
    sample.add_argument("--profile", choices=SAMPLE_PROFILES, default=SAMPLE_PROFILES[0])
    sample.add_argument("--lang", choices=[lang.value for lang in Lang], default=Lang.EN.value)
    sample.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    sample.set_defaults(command=actions["sample"])

    score = commands.add_parser("score", help=_("score an assessment per step, per reason and overall", LANG))
    score.add_argument("file", type=Path, metavar="FILE")
    score.add_argument("--json", action="store_true", help=_("machine-readable, with the explanation trace", LANG))
    score.set_defaults(command=actions["score"])

    listing = commands.add_parser("list", parents=[library_option], help=_("list the assessments in the library", LANG))
    listing.add_argument("--search", default="", help=_("only organisations whose name contains this", LANG))
    listing.set_defaults(command=actions["list"])

    importing = commands.add_parser(
        "import",
        parents=[library_option],
        help=_("add an assessment file, or the assessment inside a plan PDF, to the library; prints its id", LANG),
    )
    importing.add_argument("file", type=Path, metavar="FILE")
    importing.set_defaults(command=actions["import"])

    exporting = commands.add_parser(
        "export", parents=[library_option], help=_("write a stored assessment as an exchange file", LANG)
    )
    exporting.add_argument("id", type=assessment_id, metavar="ID")
    exporting.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    exporting.set_defaults(command=actions["export"])

    deleting = commands.add_parser(
        "delete", parents=[library_option], help=_("delete an assessment from the library", LANG)
    )
    deleting.add_argument("id", type=assessment_id, metavar="ID")
    deleting.set_defaults(command=actions["delete"])

    copying = commands.add_parser(
        "copy",
        parents=[library_option],
        help=_("copy stored assessments to another library, such as a team library; prints the new ids", LANG),
    )
    copying.add_argument("ids", type=assessment_id, nargs="+", metavar="ID")
    copying.add_argument(
        "--to", required=True, metavar="PATH|URL", help=_("the library to copy into: a SQLite file or a URL", LANG)
    )
    copying.set_defaults(command=actions["copy"])

    schema = commands.add_parser("schema", help=_("write the JSON Schemas of content and assessment files", LANG))
    schema.add_argument("-o", "--output", type=Path, required=True, metavar="DIR")
    schema.set_defaults(command=actions["schema"])

    plan = commands.add_parser(
        "plan",
        parents=[library_option],
        help=_(
            "write the rollout plan by OUT's extension: PDF, HTML or Word, the task list, the calendar, JSON, "
            "or all in a ZIP",
            LANG,
        ),
    )
    plan.add_argument("file", type=Path, nargs="?", metavar="FILE", help=_("an assessment file (or use --id)", LANG))
    plan.add_argument(
        "--id", type=assessment_id, metavar="N", help=_("a stored assessment in the library (see --db)", LANG)
    )
    plan.add_argument(
        "--baseline",
        type=Path,
        metavar="EARLIER",
        help=_(
            "the assessment file this one re-assesses: the plan compares the two (default with --id: the "
            "library's baseline of N)",
            LANG,
        ),
    )
    plan.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="OUT",
        help=_("OUT.pdf, .html, .csv, .xlsx, .docx, .ics, .json, or .zip for all of them", LANG),
    )
    plan.add_argument(
        "--lang", choices=[lang.value for lang in Lang], help=_("default: the assessment's language", LANG)
    )
    plan.add_argument(
        "--paper", choices=["a4", "letter"], help=_("default: the paper of the business's home country", LANG)
    )
    plan.add_argument(
        "--theme", type=Path, metavar="THEME.yaml", help=_("branding: logo, colours, consultancy name", LANG)
    )
    plan.add_argument(
        "--edition",
        choices=["brief", "full"],
        default="full",
        help=_("for PDF, HTML and DOCX: the brief (at most six pages) or the full plan (default)", LANG),
    )
    plan.add_argument(
        "--ics-tasks",
        action="store_true",
        help=_("with OUT.ics: every dated task too, besides the milestones and the reviews", LANG),
    )
    plan.set_defaults(command=actions["plan"])
    _add_transcripts(commands, actions)
    return parser


def _add_transcripts(commands: argparse._SubParsersAction[_Parser], actions: Mapping[str, Command]) -> None:
    transcripts = commands.add_parser(
        "transcripts", help=_("measure what customers lived from chat exports, on this computer", LANG)
    )
    transcripts.set_defaults(command=lambda _args: _helped(transcripts))
    actions_of = transcripts.add_subparsers(title=_("actions", LANG), metavar="ACTION")
    analyze = actions_of.add_parser(
        "analyze",
        help=_("print the measures of docs/transcript-measures.md for the chat exports given", LANG),
    )
    _transcript_options(analyze, from_assessment=False)
    analyze.add_argument("--json", action="store_true", help=_("print the measures as JSON", LANG))
    analyze.set_defaults(command=actions["transcripts analyze"])
    add = actions_of.add_parser(
        "add",
        help=_(
            "measure the chat exports and keep the figures in a stored assessment: its gaps' measured values "
            "and its KPI baselines, with where they come from",
            LANG,
        ),
    )
    _transcript_options(add, from_assessment=True)
    add.add_argument("--db", metavar="PATH|URL", default=argparse.SUPPRESS, help=_("the assessment library", LANG))
    add.add_argument(
        "--id", type=assessment_id, required=True, metavar="N", help=_("the stored assessment (see list)", LANG)
    )
    add.set_defaults(command=actions["transcripts add"])


def _transcript_options(parser: argparse.ArgumentParser, *, from_assessment: bool) -> None:
    """The options of both actions; ``add`` takes what is not given from the assessment (its hours, time zone and
    reply-time promise)."""
    parser.add_argument(
        "files",
        type=Path,
        nargs="+",
        metavar="FILE",
        help=_("WhatsApp .txt or .zip, Messenger/Instagram or Telegram .json, LINE .txt, helpdesk .csv", LANG),
    )
    parser.add_argument("--business", metavar="NAME", help=_("the business's name as the chats show it", LANG))
    default = _("default: the assessment's", LANG)
    parser.add_argument(
        "--hours",
        default=None if from_assessment else DEFAULT_HOURS,
        metavar="SPEC",
        help=_("business hours such as 'mon-fri 09:00-18:00; sat 10:00-14:00'", LANG)
        + f" ({default if from_assessment else DEFAULT_HOURS})",
    )
    parser.add_argument(
        "--promise",
        type=positive_number,
        default=None if from_assessment else DEFAULT_PROMISE_MINUTES,
        metavar="MINUTES",
        help=_("the reply-time promise in minutes", LANG) + f" ({default if from_assessment else 60})",
    )
    parser.add_argument(
        "--tz",
        default=None if from_assessment else "UTC",
        metavar="ZONE",
        help=_("the business's time zone, e.g. America/Mexico_City", LANG)
        + f" ({default if from_assessment else 'UTC'})",
    )
    parser.add_argument(
        "--gap",
        type=positive_number,
        default=DEFAULT_GAP.total_seconds() / 3600,
        metavar="HOURS",
        help=_("a conversation ends after this many hours of silence (default 24)", LANG),
    )


MAX_ID = 2**63 - 1


def _helped(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return EXIT_OK


def positive_number(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("not a number: {text}", LANG, text=text)) from None
    if not 0 < value < float("inf"):
        raise argparse.ArgumentTypeError(_("expected a number above 0: {text}", LANG, text=text))
    return value


def assessment_id(text: str) -> int:
    """An id as the library stores it: a whole number from 1 to 2^63 - 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("not a whole number: {text}", LANG, text=text)) from None
    if not 1 <= value <= MAX_ID:
        raise argparse.ArgumentTypeError(_("an assessment id is a whole number from 1 to {max}", LANG, max=MAX_ID))
    return value
