"""``python -m rfm_cli``, help with examples for every command, and shell completion."""

from __future__ import annotations

import argparse
import shutil
import subprocess

import pytest
from cli_process import rfm_command, rfm_env, run_rfm

from rfm_cli.main import build_parser
from rfm_engine import __version__


def commands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_python_m_rfm_cli_is_the_rfm_command(tmp_path):
    proc = run_rfm("--version", cwd=tmp_path)
    assert proc.returncode == 0 and proc.stdout.decode().strip() == f"rfm {__version__}"


@pytest.mark.parametrize("name", sorted(commands()))
def test_every_command_has_examples_and_the_shared_flags(name):
    parser = commands()[name]
    text = parser.format_help()
    examples = text.split("\nexamples:\n", 1)[1].splitlines()
    assert examples[0].startswith(f"  rfm {name} ") or examples[0].startswith("  eval")
    flags = {s for a in parser._actions for s in a.option_strings}
    assert {"--json", "-q", "--quiet", "-v", "--verbose"} <= flags


def test_flags_before_or_after_the_command(shop_orders, tmp_path):
    parser = build_parser()
    before = parser.parse_args(["--json", "-q", "analyze", str(shop_orders)])
    after = parser.parse_args(["analyze", str(shop_orders), "--json", "-v", "-v"])
    neither = parser.parse_args(["analyze", str(shop_orders)])
    assert (before.json, before.quiet, before.verbose) == (True, True, 0)
    assert (after.json, after.quiet, after.verbose) == (True, False, 2)
    assert (neither.json, neither.quiet, neither.verbose) == (False, False, 0)


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_bash_completion_completes_commands_and_options(tmp_path):
    pytest.importorskip("shtab")
    script = run_rfm("completion", "bash", cwd=tmp_path)
    assert script.returncode == 0, script.stderr
    (tmp_path / "rfm.bash").write_bytes(script.stdout)
    # What bash does on Tab: the function registered for rfm fills COMPREPLY.
    probe = """
        source ./rfm.bash
        func=$(complete -p rfm | sed -E 's/.*-F ([^ ]+) .*/\\1/')
        complete_words() {
            COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
            COMPREPLY=(); "$func" rfm "${COMP_WORDS[-1]}" "${COMP_WORDS[-2]}"
            printf '%s\\n' "${COMPREPLY[@]}"
        }
        complete_words rfm an
        echo ---
        complete_words rfm analyze --bi
        echo ---
        complete_words rfm compare --form
    """
    proc = subprocess.run(
        ["bash", "-c", probe], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    first, second, third = proc.stdout.split("---\n")
    assert first.split() == ["analyze"], proc.stderr
    assert second.split() == ["--bins"]
    assert third.split() == ["--format"]


def test_completion_without_shtab_is_one_line(tmp_path):
    # A Python that cannot import shtab (a path entry shadowing it with a broken module).
    (tmp_path / "shtab.py").write_text("raise ImportError('not installed')\n", encoding="utf-8")
    env = rfm_env()
    env["PYTHONPATH"] = f"{tmp_path}:{env['PYTHONPATH']}"
    proc = subprocess.run(
        rfm_command("completion", "bash"), cwd=tmp_path, env=env, capture_output=True, timeout=60
    )
    assert proc.returncode == 3
    assert proc.stderr.decode().splitlines() == [
        "error: shell completion needs shtab: pip install shtab (or rfm-segments[cli])"
    ]


def test_zsh_completion_is_a_compdef_script(tmp_path):
    pytest.importorskip("shtab")
    proc = run_rfm("completion", "zsh", cwd=tmp_path)
    assert proc.returncode == 0
    script = proc.stdout.decode()
    assert script.startswith("#compdef rfm") and "--r-breaks" in script and "analyze" in script
    if shutil.which("zsh"):
        (tmp_path / "_rfm").write_text(script, encoding="utf-8")
        check = subprocess.run(["zsh", "-n", str(tmp_path / "_rfm")], capture_output=True)
        assert check.returncode == 0, check.stderr


def test_a_command_registered_in_one_line_gets_the_shared_machinery(monkeypatch, capsys):
    import json

    import rfm_cli.main as cli

    def add_hello_command(commands):
        cmd = commands.add_parser("hello", help="print a greeting")
        cmd.set_defaults(handler=lambda args: print("hello") or 0)

    monkeypatch.setattr(cli, "COMMANDS", (*cli.COMMANDS, add_hello_command))
    assert cli.main(["hello"]) == 0
    assert capsys.readouterr().out == "hello\n"
    assert cli.main(["hello", "--json", "-q"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["command"], data["ok"], data["text"]) == ("hello", True, "hello\n")
