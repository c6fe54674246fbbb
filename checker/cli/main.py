"""`gwlint`: check documents, list rules, explain a rule.

Exit codes: 0 nothing at or above --fail-on, 1 violations at or above it,
2 usage, configuration or input error.
"""
from __future__ import annotations

import os
import sys


def _as_written(message: str) -> str:
    return message


def _as_written_plural(singular: str, plural: str, n: int) -> str:
    return singular if n == 1 else plural


def _import_argparse():
    """argparse, imported without gettext when gettext could find no translation.

    argparse takes ``gettext`` and ``ngettext`` from gettext at its import (~1 CPU ms
    with gettext's own import).  Before anything has imported gettext, its texts are
    looked up in the default folder only (``<base prefix>/share/locale``, where no
    domain was bound elsewhere).  When that folder does not exist, as in nearly every
    installation, argparse imports with a stand-in whose functions import gettext at the
    first text (a program that imports this module and not ``main`` gets gettext's
    answers as before), and ``main`` gives argparse each text as written without
    importing gettext: what it would answer.  Anything else (gettext or argparse imported
    already, the folder present) is the ordinary import, and ``_untranslated_argparse``
    decides as before."""
    if "argparse" in sys.modules or "gettext" in sys.modules or os.path.isdir(_DEFAULT_LOCALE):
        import argparse

        return argparse
    stand_in = type(sys)("gettext")
    stand_in.gettext, stand_in.ngettext = _gettext_again, _ngettext_again
    sys.modules["gettext"] = stand_in
    try:
        import argparse
    finally:
        if sys.modules.get("gettext") is stand_in:
            del sys.modules["gettext"]
    return argparse


_DEFAULT_LOCALE = os.path.join(sys.base_prefix, "share", "locale")    # gettext's default folder


def _gettext_again(message: str) -> str:
    return _gettext_back().gettext(message)


def _ngettext_again(singular: str, plural: str, n: int) -> str:
    return _gettext_back().ngettext(singular, plural, n)


def _gettext_back():
    """gettext, given to argparse (its first text after an import without gettext, or
    once ``main`` has returned)."""
    import gettext

    if argparse._ in (_gettext_again, _as_written):
        argparse._ = gettext.gettext
    if argparse.ngettext in (_ngettext_again, _as_written_plural):
        argparse.ngettext = gettext.ngettext
    return gettext


argparse = _import_argparse()

from checker.core.errors import ConfigError  # noqa: E402 - after argparse's import

from checker.cli.exit_codes import EXIT_ERROR, EXIT_OK, EXIT_VIOLATIONS  # noqa: F401 - re-exported


def _columns() -> int:
    """``shutil.get_terminal_size().columns``, without importing shutil (and with it bz2,
    lzma and zlib: 2-3 ms of every run, for argparse's formatter, which asks at each
    ``add_argument``)."""
    # Asked by each ``add_argument`` (some thirty a run): the usual answers (no COLUMNS,
    # standard output not a terminal) are found without raising and catching an
    # exception, which cost more than the rest of the question.
    text = os.environ.get("COLUMNS")
    try:
        columns = int(text) if text else 0
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            fd = sys.__stdout__.fileno()
            columns = os.get_terminal_size(fd).columns if os.isatty(fd) else 0
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


def _untranslated_argparse() -> None:
    """argparse words each of its texts through gettext, which looks through the locale
    folders again for every one (two dozen times a run, some 1.5 ms): when gettext finds
    no translation to look in, as in nearly every installation, each text is its own
    translation, and argparse is given that answer once for all."""
    waiting = getattr(argparse, "_", None) is _gettext_again or getattr(argparse, "ngettext", None) is _ngettext_again
    if waiting and "gettext" not in sys.modules and not os.path.isdir(_DEFAULT_LOCALE):
        argparse._ = _as_written            # gettext would look in no folder: see _import_argparse
        argparse.ngettext = _as_written_plural
        return
    if waiting:
        _gettext_back()         # decided by what gettext finds now
    import gettext

    if getattr(argparse, "_", None) is not gettext.gettext or getattr(argparse, "ngettext", None) is not gettext.ngettext:
        return
    domain = gettext.textdomain()
    folder = gettext.bindtextdomain(domain)     # where dgettext looks (it names no other)
    # No folder, no translation (and no need of gettext's search, which imports locale)
    if not os.path.isdir(folder) or gettext.find(domain, folder) is None:
        argparse._ = _as_written
        argparse.ngettext = _as_written_plural


def _translated_argparse() -> None:
    """Give argparse gettext back (``main`` returning): a caller's parsers are translated
    as it chooses, by what gettext finds then."""
    if getattr(argparse, "_", None) is _as_written:
        if "gettext" in sys.modules:
            _gettext_back()
        else:   # gettext's functions at the first text (imported then, not as this process ends)
            argparse._ = _gettext_again
            argparse.ngettext = _ngettext_again



class _Formatter(argparse.HelpFormatter):
    def __init__(self, prog, indent_increment=2, max_help_position=24, width=None):
        super().__init__(prog, indent_increment, max_help_position, _columns() - 2 if width is None else width)


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args, unbuilt: bool = False, **kwargs) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        if unbuilt:
            # A command this run does not parse (see build_parser): listed by name and help,
            # which the subcommands' action keeps apart from the parser, and made at its
            # first use, should anything use it (an argparse parser is ~0.1 ms to make).
            self.__dict__["_unbuilt"] = (args, kwargs)
            return
        super().__init__(*args, **kwargs)

    def __getattr__(self, name: str):
        later = self.__dict__.pop("_unbuilt", None)
        if later is None:
            raise AttributeError(name)
        super().__init__(*later[0], **later[1])
        return getattr(self, name)

    def error(self, message: str) -> None:  # argparse exits 2 as well; keep it one line
        self.exit(EXIT_ERROR, f"gwlint: error: {message}\n")


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {number}")
    return number


class _VersionAction(argparse.Action):
    """``--version`` reads the installed metadata only when asked (one source of truth)."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, help=None):
        super().__init__(option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        from checker.core.version import tool_version

        sys.stdout.write(f"gwlint {tool_version()}\n")
        parser.exit(0)


def _seconds(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, got {value!r}") from None
    if not number >= 0 or number == float("inf"):
        raise argparse.ArgumentTypeError(f"must be 0 or more seconds, got {value}")
    return number


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser; with ``only``, the arguments of that command alone (the
    others are listed, without their options: a run parses one command, and building
    all of them, the spark and report ones with their imports, is a few ms of its start)."""
    def wanted(name: str) -> bool:
        return only is None or only == name      # "": the top level's options only

    def listed(name: str, **kwargs) -> argparse.ArgumentParser:
        return sub.add_parser(name, **kwargs) if wanted(name) else sub.add_parser(name, unbuilt=True, **kwargs)

    parser = _Parser(prog="gwlint", description="Check Chinese government work documents for errors of numbers, units, structure and form.")
    parser.add_argument("--version", action=_VersionAction, help="show the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = listed("check", help="check files and directories (default: the current directory)",
                           description="check files and directories")
    if wanted("check"):
        _add_check_arguments(check)

    rules = listed("rules", help="list the active rules", description="list the active rules")
    if wanted("rules"):
        _add_rule_options(rules)
        rules.add_argument("--markdown", metavar="DIR",
                           help="write one Markdown page per rule family (every shipped rule, on or off) to DIR")
        rules.add_argument("--standard", metavar="CODE",
                           help='only rules citing this standard or clause ("GB/T 15835", "GB/T 9704-2012 7.3"), '
                                "those switched off included")
    explain = listed("explain", help="show what a rule checks, why, and its examples",
                             description="show what a rule checks")
    if wanted("explain"):
        explain.add_argument("rule_id", metavar="RULE_ID")
        _add_rule_options(explain)
    listed("lsp", help="run the language server on standard input/output (for editors)",
                   description="run the language server")
    completion = listed("completion", help="print a shell completion script (bash, zsh, fish)",
                                description="print a shell completion script")
    if wanted("completion"):
        completion.add_argument("shell", choices=("bash", "zsh", "fish"), help="the shell to complete in")

    spark = listed("spark", help="check documents on Apache Spark (needs gwlint[spark]); writes Parquet and JSON-lines")
    if wanted("spark"):
        from checker.spark.cli import add_arguments as add_spark_arguments

        add_spark_arguments(spark)
        _add_rule_options(spark)

    report = listed("report", help="turn a saved result (gwlint spark's output) into a report of any format")
    if wanted("report"):
        from checker.cli.report_command import add_arguments as add_report_arguments

        add_report_arguments(report)
        _add_rule_options(report)
    if only in (None, "", "cache"):   # listed, or run: another command's run needs not make it (0.1 ms)
        cache = sub.add_parser("cache", help="show or clean the user's cache folder of built stores",
                               description="show or clean the user's cache folder of built stores")
        if wanted("cache"):
            from checker.cli.cache_command import add_arguments as add_cache_arguments

            add_cache_arguments(cache)
    return parser


def _add_check_arguments(check: argparse.ArgumentParser) -> None:
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or directories; '-' reads standard input")
    _add_rule_options(check)
    from checker.report.registry import FORMATS

    fmt = check.add_argument("--format", default="auto", help=f"{', '.join(FORMATS)} (default: auto: github under "
                                                              "GitHub Actions, else text)")
    fmt.completions = ("auto", *FORMATS)  # not argparse choices: the registry words the error
    check.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of standard output")
    check.add_argument("--fail-on", choices=("error", "warning", "info"), default=None,
                       help="lowest severity that makes the exit code 1 (default: warning)")
    check.add_argument("--jobs", "-j", type=_positive_int, default=None, metavar="N", help="worker processes (default: number of cores; at most twice that)")
    check.add_argument("--no-respect-gitignore", action="store_true",
                       help="walk folders without skipping what .gitignore ignores")
    check.add_argument("--file-timeout", type=_seconds, default=None, metavar="SECONDS",
                       help="stop checking a document after this many seconds and report it (default: "
                            "limits.file_seconds of .gwlint.yaml, 120; 0: no limit)")
    check.add_argument("--stdin-filename", metavar="NAME", help="name (and format, by suffix) of the document read from '-'")
    check.add_argument("--no-cache", action="store_true",
                       help="check every file again, without reading or writing the results cache "
                            "(.gwlint_cache beside the .gwlint.yaml in use, else in the current folder)")
    check.add_argument("--quiet", "-q", action="store_true", help="no progress output")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                       help="auto: on a terminal, unless NO_COLOR is set and not empty; FORCE_COLOR turns it on")
    check.add_argument("--exit-zero", action="store_true",
                       help="exit 0 even when violations are found (input and configuration errors still exit 2)")
    check.add_argument("--statistics", action="store_true",
                       help="print how many violations each rule found instead of each violation")
    check.add_argument("--fix", action="store_true", help="apply the mechanical fixes (％→%%, half-width punctuation, l/O in numbers) to the files")
    check.add_argument("--diff", action="store_true", help="show the fixes as a unified diff without writing them")
    check.add_argument("--baseline", metavar="FILE", help="report only violations not recorded in this baseline")
    check.add_argument("--write-baseline", metavar="FILE", help="record the current violations in FILE and exit 0")


def _add_rule_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--config", metavar="FILE", help="use this configuration instead of the nearest .gwlint.yaml")
    p.add_argument("--no-config", action="store_true", help="ignore .gwlint.yaml files")
    p.add_argument("--rules", action="append", default=[], metavar="DIR", help="add a rule pack directory (repeatable)")
    p.add_argument("--select", action="append", default=[], metavar="RULE", help="only these rule ids or categories (repeatable, comma-separated)")
    p.add_argument("--ignore", action="append", default=[], metavar="RULE", help="skip these rule ids or categories (repeatable, comma-separated)")


def _print_completion(parser: argparse.ArgumentParser, shell: str) -> int:
    from checker.cli.completion import completion_script
    from checker.rules.categories import CATEGORIES

    words = list(CATEGORIES)
    try:  # the rule ids active here; a broken configuration still gets the categories
        from checker.engine.settings import build_settings

        words += sorted(r.id for r in build_settings().rules)
    except ConfigError:
        pass
    sys.stdout.write(completion_script(shell, parser, words))
    return EXIT_OK


def _mtime(path):
    try:
        return path.stat().st_mtime_ns if path else None
    except OSError:
        return None


def _split(values: list[str]) -> list[str]:
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def main(argv: list[str] | None = None) -> int:
    from checker.core import code_cache, re_cache

    # `gwlint cache` shows or empties the folder these stores are kept in: it keeps none
    if _command_of(sys.argv[1:] if argv is None else argv) != "cache":
        re_cache.install()      # compiled regular expressions kept between runs (see checker.core.re_cache)
        code_cache.install()    # dataclasses' compiled methods kept between runs (see checker.core.code_cache)
    try:
        return _main(argv)
    except BrokenPipeError:
        # The reader (`| head`) went away: stop quietly, and keep Python from
        # complaining again when it flushes stdout at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug: still one line, never a traceback (GWLINT_DEBUG=1 shows it)
        if os.environ.get("GWLINT_DEBUG"):
            raise
        print(f"gwlint: internal error: {type(exc).__name__}: {exc} (set GWLINT_DEBUG=1 for details)",
              file=sys.stderr)
        return EXIT_ERROR
    finally:
        re_cache.uninstall()    # what a caller compiles afterwards (a test runner's) is not ours to keep
        code_cache.uninstall()  # nor the dataclasses it makes
        _translated_argparse()


def _command_of(argv: list[str]) -> str | None:
    """Which command's options the parser needs: the command a command line names (the
    first word: the top level has only options without values before it); "" (none)
    when the top level answers alone (--version, --help before a command, no command,
    an unknown word); None (all) for ``completion``, which writes every command's."""
    for word in argv:
        if word in ("-h", "--help", "--version"):
            return ""
        if word.startswith("-"):
            continue
        if word == "completion":
            return None
        return word if word in ("check", "rules", "explain", "lsp", "spark", "report", "cache") else ""
    return ""


def _main(argv: list[str] | None) -> int:
    _untranslated_argparse()
    parser = build_parser(_command_of(sys.argv[1:] if argv is None else argv))
    args = parser.parse_args(argv)
    if args.command is None:
        print("gwlint: error: no command given; use one of check, rules, explain, lsp, spark, report, cache "
              "(see gwlint --help)",
              file=sys.stderr)
        return EXIT_ERROR
    if args.command == "completion":
        return _print_completion(parser, args.shell)
    if args.command == "lsp":  # settings come per document, from each document's folder
        from checker.lsp.server import serve

        return serve()
    if args.command == "cache":  # the user's cache folder: no settings
        from checker.cli.cache_command import run_cache

        return run_cache(args)
    try:
        from checker.engine.settings import build_settings

        settings = build_settings(config_file=args.config, no_config=args.no_config, rules_dirs=args.rules,
                                  select=_split(args.select), ignore=_split(args.ignore))
        if args.command == "check":
            from checker.engine.settings import SettingsResolver

            # Each file gets the .gwlint.yaml nearest to it, as in the language server.
            args.resolver = SettingsResolver(config_file=args.config, no_config=args.no_config, rules_dirs=args.rules,
                                             select=_split(args.select), ignore=_split(args.ignore))
            # The settings just built are the resolver's for their configuration: building
            # them again for the first file would double the start-up.
            if args.resolver.fixed:
                args.resolver._by_config[args.config] = (None, settings)
            else:
                args.resolver._by_config[str(settings.config_path) if settings.config_path else None] = (
                    _mtime(settings.config_path), settings)
        if args.command == "check":
            from checker.cli.check_command import run_check
            from checker.core.paths import sweep_cache_when_due

            status = run_check(args, settings)
            sweep_cache_when_due()   # the user's cache folder swept of unused stores, at most once a day
            if not args.no_cache:    # the results caches this run used, pruned at most once a day
                from checker.engine.results_upkeep import prune_when_due

                prune_when_due()
            return status
        if args.command == "rules":
            from checker.cli.rules_command import print_rules

            if args.markdown:
                from checker.cli.rules_command import write_family_pages

                return write_family_pages(settings.available or settings.rules, args.markdown)
            return print_rules(settings, standard=args.standard)
        if args.command == "spark":
            from checker.spark.cli import run_spark

            return run_spark(args, settings)
        if args.command == "report":
            from checker.cli.report_command import run_report

            return run_report(args, settings)
        if args.command == "explain":
            from checker.cli.rules_command import explain_rule

            return explain_rule(settings, args.rule_id)
    except ConfigError as exc:
        print(f"gwlint: {exc}", file=sys.stderr)
        return EXIT_ERROR
    return EXIT_ERROR
