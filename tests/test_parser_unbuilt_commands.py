"""The command line's parser makes only the command a run parses (issue 11): the others
are listed and made at their first use, the same parsers as when made at once."""
from __future__ import annotations

import argparse

import pytest

from checker.cli.main import build_parser

COMMANDS = ("check", "rules", "explain", "lsp", "completion", "spark", "report")


def _commands(parser) -> dict:
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return action._name_parser_map


def test_other_commands_are_not_made():
    made = _commands(build_parser("check"))
    assert list(made) == list(COMMANDS)
    assert "_unbuilt" not in vars(made["check"])
    assert all("_unbuilt" in vars(made[name]) for name in COMMANDS if name != "check")
    assert all("_unbuilt" not in vars(p) for p in _commands(build_parser(None)).values())


@pytest.mark.parametrize("name", [c for c in COMMANDS if c != "check"])
def test_a_command_made_late_is_the_one_made_at_once(name):
    late = _commands(build_parser("check"))[name]
    ready = _commands(build_parser(""))[name]
    assert late.format_help() == ready.format_help()
    assert late.prog == f"gwlint {name}" and "_unbuilt" not in vars(late)
    assert late.parse_args([]) == ready.parse_args([])


def test_help_and_parse_unchanged():
    assert build_parser("").format_help() == build_parser(None).format_help()
    args = build_parser("check").parse_args(["check", "--no-cache", "-q", "a.txt"])
    assert args.command == "check" and args.paths == ["a.txt"] and args.no_cache and args.quiet
    with pytest.raises(AttributeError):
        build_parser("check").no_such_attribute
