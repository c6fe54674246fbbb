"""Conventions users bring from ruff and eslint: --exit-zero, --statistics, FORCE_COLOR,
NO_COLOR (only when not empty), shell completion and `python -m gwlint`."""
from __future__ import annotations

import json
import os
import pty
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BAD = "义务教育巩固率达到103%。\n高中阶段毛入学率达到105%。\n"


def gwlint(*args, cwd, env=None, module="checker"):
    full_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", module, *args], cwd=cwd, capture_output=True, text=True, env=full_env)


@pytest.fixture()
def folder(tmp_path):
    (tmp_path / "bad.txt").write_text(BAD, encoding="utf-8")
    return tmp_path


def test_exit_zero_keeps_the_report_and_exits_0_but_input_errors_still_exit_2(folder):
    plain = gwlint("check", "--no-config", "bad.txt", cwd=folder)
    assert plain.returncode == 1
    zero = gwlint("check", "--no-config", "--exit-zero", "bad.txt", cwd=folder)
    assert zero.returncode == 0 and zero.stdout == plain.stdout
    (folder / "broken.txt").write_bytes(b"\x81\x30\x00")
    assert gwlint("check", "--no-config", "--exit-zero", "bad.txt", "broken.txt", cwd=folder).returncode == 2


def test_statistics_count_each_rule_as_the_full_report_does():
    full = json.loads(gwlint("check", "--no-config", "--format", "json", "seeds", cwd=ROOT).stdout)
    expected = Counter(v["rule"] for v in full["violations"])
    stats = gwlint("check", "--no-config", "--statistics", "--format", "json", "seeds", cwd=ROOT)
    assert stats.returncode == 1
    table = json.loads(stats.stdout)
    assert {r["rule"]: r["count"] for r in table} == dict(expected)
    assert [r["count"] for r in table] == sorted((r["count"] for r in table), reverse=True)
    text = gwlint("check", "--no-config", "--statistics", "seeds", cwd=ROOT).stdout.splitlines()
    top_rule, top_count = expected.most_common(1)[0]
    assert text[0].split()[:2] == [str(top_count), top_rule]
    assert text[-1] == f"{sum(expected.values())} problems in 5 files"


def _on_a_terminal(args, cwd, env) -> str:
    """Run gwlint with its standard output on a pseudo-terminal; return what it printed."""
    controller, terminal = pty.openpty()
    full_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    full_env.update(env)
    proc = subprocess.Popen([sys.executable, "-m", "checker", *args], cwd=cwd, stdout=terminal,
                            stderr=subprocess.DEVNULL, env=full_env)
    os.close(terminal)
    chunks = []
    while True:
        try:
            data = os.read(controller, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=120)
    os.close(controller)
    return b"".join(chunks).decode("utf-8", "replace")


def test_colour_follows_force_color_and_a_non_empty_no_color(folder):
    args = ("check", "--no-config", "bad.txt")
    assert "\x1b[" not in gwlint(*args, cwd=folder).stdout                     # a pipe: plain
    assert "\x1b[" in gwlint(*args, cwd=folder, env={"FORCE_COLOR": "1"}).stdout
    assert "\x1b[" not in gwlint(*args, cwd=folder, env={"FORCE_COLOR": "0"}).stdout
    assert "\x1b[" in _on_a_terminal(args, folder, {})                          # a terminal: colour
    assert "\x1b[" in _on_a_terminal(args, folder, {"NO_COLOR": ""})            # empty: not set
    assert "\x1b[" not in _on_a_terminal(args, folder, {"NO_COLOR": "1"})
    assert "\x1b[" not in gwlint(*args, "--color", "never", cwd=folder, env={"FORCE_COLOR": "1"}).stdout


def test_python_dash_m_gwlint_is_the_same_command(folder):
    a = gwlint("check", "--no-config", "--format", "json", "bad.txt", cwd=folder, module="gwlint")
    b = gwlint("check", "--no-config", "--format", "json", "bad.txt", cwd=folder, module="checker")
    assert a.returncode == b.returncode == 1 and a.stdout == b.stdout


def _bash_complete(script: Path, line: str, cwd: Path) -> list[str]:
    """What bash's completion offers for the words of ``line`` (the last one being typed)."""
    words = line.split(" ")
    program = (f"source {script}\nCOMP_WORDS=({' '.join(repr(w) for w in words)})\n"
               f"COMP_CWORD={len(words) - 1}\n_gwlint\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"\n")
    out = subprocess.run(["bash", "--norc", "--noprofile", "-c", program], cwd=cwd, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return [w for w in out.stdout.splitlines() if w]


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_bash_completion_offers_commands_options_values_files_and_rules(tmp_path):
    script = tmp_path / "gwlint.bash"
    proc = gwlint("completion", "bash", cwd=tmp_path)
    assert proc.returncode == 0
    script.write_text(proc.stdout, encoding="utf-8")
    (tmp_path / "plan.txt").write_text("x", encoding="utf-8")
    assert _bash_complete(script, "gwlint ch", tmp_path) == ["check"]
    assert set(_bash_complete(script, "gwlint check --st", tmp_path)) == {"--statistics", "--stdin-filename"}
    assert "--exit-zero" in _bash_complete(script, "gwlint check --", tmp_path)
    assert _bash_complete(script, "gwlint check --format ju", tmp_path) == ["junit"]
    assert _bash_complete(script, "gwlint check pl", tmp_path) == ["plan.txt"]
    assert "rate-above-100" in _bash_complete(script, "gwlint explain rate-a", tmp_path)
    assert "percent-range" in _bash_complete(script, "gwlint check --select perc", tmp_path)
    assert _bash_complete(script, "gwlint completion f", tmp_path) == ["fish"]


@pytest.mark.parametrize("shell", ["zsh", "fish"])
def test_zsh_and_fish_scripts_parse_in_their_shells(tmp_path, shell):
    proc = gwlint("completion", shell, cwd=tmp_path)
    assert proc.returncode == 0 and "check" in proc.stdout
    if shutil.which(shell) is None:
        pytest.skip(f"{shell} is not installed")
    script = tmp_path / f"gwlint.{shell}"
    script.write_text(proc.stdout, encoding="utf-8")
    check = subprocess.run([shell, "-n", str(script)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    if shell == "fish":  # fish answers what it would complete for a command line
        asked = subprocess.run(["fish", "--no-config", "-c", f"source {script}; complete -C 'gwlint check --format ju'"],
                               cwd=tmp_path, capture_output=True, text=True)
        assert asked.stdout.split("\t")[0] == "junit", asked.stdout + asked.stderr
    else:  # zsh: the script registers the completion function through bashcompinit
        asked = subprocess.run(["zsh", "-f", "-c", f"source {script}; complete -p gwlint"], cwd=tmp_path,
                               capture_output=True, text=True)
        assert "-F _gwlint gwlint" in asked.stdout, asked.stdout + asked.stderr


def test_argparse_asks_gettext_once_and_only_when_no_translation_exists(monkeypatch, tmp_path):
    """checker.cli.main gives argparse its texts as written when gettext finds no
    translation (what gettext itself would answer), and leaves it alone when one exists."""
    import argparse
    import gettext

    from checker.cli import main as cli

    monkeypatch.setattr(argparse, "_", gettext.gettext)
    monkeypatch.setattr(argparse, "ngettext", gettext.ngettext)
    monkeypatch.setattr(gettext, "find", lambda *a, **k: "/somewhere/messages.mo")
    monkeypatch.setattr(gettext, "bindtextdomain", lambda domain: str(tmp_path))
    cli._untranslated_argparse()
    assert argparse._ is gettext.gettext and argparse.ngettext is gettext.ngettext
    monkeypatch.setattr(gettext, "find", lambda *a, **k: None)
    cli._untranslated_argparse()
    assert argparse._("usage: ") == "usage: " and argparse.ngettext("one", "many", 2) == "many"
    assert argparse.ngettext("one", "many", 1) == "one"
    monkeypatch.setattr(argparse, "_", gettext.gettext)
    monkeypatch.setattr(argparse, "ngettext", gettext.ngettext)
    monkeypatch.setattr(gettext, "find", lambda *a, **k: "/somewhere/messages.mo")
    monkeypatch.setattr(gettext, "bindtextdomain", lambda domain: str(tmp_path / "none"))
    cli._untranslated_argparse()          # a folder that does not exist holds no translation
    assert argparse._ is not gettext.gettext


def test_argparse_is_imported_without_gettext_when_no_translation_can_exist(tmp_path):
    """With no default locale folder (and gettext not imported before), a run imports
    neither gettext nor locale, and its texts are argparse's own (usage error, help)."""
    import os
    import subprocess
    import sys

    if os.path.isdir(os.path.join(sys.base_prefix, "share", "locale")):
        pytest.skip("this Python has a locale folder: gettext is imported, as before")
    code = ("import atexit, sys\n"
            "atexit.register(lambda: sys.stderr.write('modules %s\\n' % sorted(m for m in ('gettext', 'locale') "
            "if m in sys.modules)))\n"
            "sys.argv = ['gwlint', *sys.argv[1:]]\nfrom checker.cli.entry import run\nrun()\n")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    wrong = subprocess.run([sys.executable, "-c", code, "check", "--jobs"], capture_output=True, text=True,
                           cwd=tmp_path, env=env)
    assert wrong.returncode == 2 and "gwlint: error: argument --jobs/-j: expected one argument" in wrong.stderr
    assert wrong.stderr.rstrip().endswith("modules []"), wrong.stderr
    helped = subprocess.run([sys.executable, "-c", code, "check", "--help"], capture_output=True, text=True,
                            cwd=tmp_path, env=env)
    assert helped.stdout.startswith("usage: gwlint check") and "options:" in helped.stdout
    assert helped.stderr.rstrip().endswith("modules []"), helped.stderr


def test_argparse_gets_gettext_back_after_main(monkeypatch):
    """Once main has returned, a caller's argparse texts go through gettext again (imported
    at the first text, not as the command line's process ends)."""
    import argparse
    import gettext
    import sys

    from checker.cli import main as cli

    monkeypatch.setattr(argparse, "_", cli._as_written)
    monkeypatch.setattr(argparse, "ngettext", cli._as_written_plural)
    cli._translated_argparse()              # gettext imported already (here): given back at once
    assert argparse._ is gettext.gettext and argparse.ngettext is gettext.ngettext
    monkeypatch.setattr(argparse, "_", cli._as_written)
    monkeypatch.setattr(argparse, "ngettext", cli._as_written_plural)
    monkeypatch.delitem(sys.modules, "gettext")
    cli._translated_argparse()              # not imported: at the first text
    monkeypatch.setitem(sys.modules, "gettext", gettext)
    assert argparse._ is cli._gettext_again
    assert argparse._("usage: ") == gettext.gettext("usage: ")
    assert argparse._ is gettext.gettext
    assert argparse.ngettext("one", "many", 2) == "many" and argparse.ngettext is gettext.ngettext


def test_importing_the_command_line_leaves_argparse_to_gettext(tmp_path):
    """A program that imports checker.cli.main (and not main) has argparse's texts go to
    gettext, imported at the first text."""
    import os
    import subprocess
    import sys

    code = ("import sys\nimport checker.cli.main as cli\nimport argparse\n"
            "before = 'gettext' in sys.modules\ntext = argparse._('usage: ')\nimport gettext\n"
            "print(text, argparse._ is gettext.gettext, argparse.ngettext('a', 'b', 2), argparse.ngettext is gettext.ngettext,"
            " before, sep='|')\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout.rstrip("\n").split("|") == ["usage: ", "True", "b", "True", "False"], out.stdout
