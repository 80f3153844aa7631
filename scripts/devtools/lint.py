"""`make lint`, and the lint step of `make test`: the hooks of .pre-commit-config.yaml.

Each hook counts as one test and runs as `pre-commit run --all-files <hook id>`, exactly what
a contributor's `pre-commit run -a` runs. The hooks are local (`language: system`): they run
ruff, pylint-odoo and the OCA checks installed from requirements.txt into $PYTHON's
environment, whose scripts folder comes first on PATH here.
"""

import os
import subprocess
from pathlib import Path

from .console import Counter, say, step
from .odoo_env import check_odoo
from .packages import ensure_requirements
from .settings import LOCAL, PYTHON, REPO

PRE_COMMIT_CONFIG = REPO / ".pre-commit-config.yaml"


def lint_hooks():
    """(id, name) of each hook of .pre-commit-config.yaml, in order."""
    import yaml  # noqa: PLC0415  (PyYAML comes with pre-commit, from requirements.txt)

    config = yaml.safe_load(PRE_COMMIT_CONFIG.read_text(encoding="utf-8"))
    return [(hook["id"], hook.get("name", hook["id"])) for repo in config["repos"] for hook in repo["hooks"]]


def _git_checkout():
    proc = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=REPO, capture_output=True, text=True)
    return proc.returncode == 0 and Path(proc.stdout.strip()).resolve() == REPO


def run_lint(counter):
    """Run each pre-commit hook on all files; one passed or failed test per hook."""
    if not _git_checkout():
        counter.add("lint", 0, 1, "(not a git checkout: pre-commit lints the files git tracks)")
        return
    env = dict(
        os.environ,
        PATH=os.pathsep.join([str(Path(PYTHON).parent), os.environ.get("PATH", "")]),
        PRE_COMMIT_HOME=str(LOCAL / "pre-commit"),  # its cache, out of $HOME
        SKIP="",
    )
    for hook_id, name in lint_hooks():
        label = f"lint: {hook_id}"
        step(f"lint: {name}")
        cmd = [PYTHON, "-m", "pre_commit", "run", "--all-files", "--color=never", hook_id]
        proc = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL)
        output = (proc.stdout + proc.stderr).strip()
        if proc.returncode == 0:
            counter.add(label, 1, 0, "(no files to check)" if "no files to check" in output else "")
        else:
            say("\n".join("    " + line for line in output.splitlines()[-80:]))
            counter.add(label, 0, 1, f"(exit code {proc.returncode})")


def cmd_lint(_args):
    step("Checking Odoo 18.0")
    check_odoo()
    ensure_requirements()
    counter = Counter()
    run_lint(counter)
    say("\n".join(counter.lines))
    say(f"{counter.passed} passed, {counter.failed} failed")
    return 0 if counter.failed == 0 else 1
