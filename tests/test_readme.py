"""The README's first command, pasted into a fresh shell in a fresh HOME as a newcomer would:
it installs, starts the questionnaire, and leaves a shell in which `cc-career` works; the
next day's line from the README gets a new shell there again."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pexpect
import pytest

REPO = Path(__file__).resolve().parent.parent
README = (REPO / "README.md").read_text(encoding="utf-8")


def block_after(marker: str) -> str:
    """The first ```sh block after `marker` in the README."""
    rest = README[README.index(marker):]
    return re.search(r"```sh\n(.*?)\n```", rest, re.S).group(1).strip()


FIRST = block_after("<!-- readme-first-command -->")
NEXT_DAY = block_after("### 次の日から")


def test_the_first_command_installs_activates_and_plans():
    assert FIRST.startswith("cd ~/cc-career && python3 -m venv .venv && . .venv/bin/activate")
    assert FIRST.endswith("&& cc-career plan")
    assert NEXT_DAY == "cd ~/cc-career && . .venv/bin/activate"
    developers = README[README.index("## Two commands"):]
    assert FIRST in developers, "the developers' section shows the same first command"


def test_the_ci_script_runs_the_readmes_test_command():
    test_command = block_after("Install and run the tests:")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command.replace("pip install -e", "pip install -q -e").replace("python3", "\"$PYTHON\"") in ci


def shell(home: Path) -> pexpect.spawn:
    env = {key: value for key, value in os.environ.items()
           if key.startswith(("PIP_", "LANG", "LC_")) or key in ("TERM", "SSL_CERT_FILE")}
    env.update({"HOME": str(home), "PATH": "/usr/local/bin:/usr/bin:/bin", "TERM": "xterm",
                "PS1": "newcomer$ ", "PROMPT_TOOLKIT_NO_CPR": "1"})
    child = pexpect.spawn("bash", ["--norc", "--noprofile", "-i"], env=env, cwd=str(home),
                          encoding="utf-8", timeout=60, dimensions=(40, 100))
    child.expect_exact("newcomer$ ")
    return child


@pytest.mark.slow
def test_the_readmes_first_command_leaves_a_shell_where_cc_career_works(tmp_path):
    if shutil.which("python3", path="/usr/local/bin:/usr/bin:/bin") is None:
        pytest.skip("no python3 on the plain PATH")
    home = tmp_path / "home"
    shutil.copytree(REPO, home / "cc-career", ignore=shutil.ignore_patterns(
        ".venv", ".git", "__pycache__", ".pytest_cache", ".hypothesis", ".ruff_cache", "*.egg-info"))
    child = shell(home)
    child.sendline("cc-career --version")
    child.expect("command not found")  # nothing installed yet: a newcomer's machine
    child.expect_exact("newcomer$ ")
    child.sendline(FIRST)
    child.expect_exact("言語 / Language", timeout=900)  # installed, and the questionnaire is asking
    child.send("\x03")  # the newcomer stops here for today
    child.expect_exact("newcomer$ ")
    child.sendline("cc-career --version; echo rc=$?")
    child.expect(r"cc-career \d+\.\d+")
    child.expect_exact("rc=0")
    child.sendline("exit")
    child.expect(pexpect.EOF)

    tomorrow = shell(home)  # a new terminal the next day
    tomorrow.sendline(NEXT_DAY)
    tomorrow.expect_exact("newcomer$ ")
    tomorrow.sendline("cc-career --version; echo rc=$?")
    tomorrow.expect(r"cc-career \d+\.\d+")
    tomorrow.expect_exact("rc=0")
    tomorrow.sendline("exit")
    tomorrow.expect(pexpect.EOF)


def test_messages_name_the_command_that_works_in_this_shell(tmp_path, monkeypatch):
    from cc_career.context import program

    venv_bin = tmp_path / ".venv" / "bin"
    venv_bin.mkdir(parents=True)
    script = venv_bin / "cc-career"
    script.write_text("#!/bin/sh\n", encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PATH", "/usr/bin:/bin")  # the venv is not activated
    monkeypatch.setattr("sys.argv", [".venv/bin/cc-career", "plan"])
    assert program() == ".venv/bin/cc-career"
    monkeypatch.setenv("PATH", f"{venv_bin}:/usr/bin:/bin")  # activated
    assert program() == "cc-career"
    monkeypatch.setattr("sys.argv", [str(tmp_path / "src" / "cc_career" / "__main__.py")])
    assert program() == "python -m cc_career"
