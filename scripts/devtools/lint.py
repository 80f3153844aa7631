"""`make lint`, and the lint step of `make test`: each lint tool counts as one test."""

import subprocess
from pathlib import Path

from .console import Counter, say, step
from .odoo_env import check_odoo, module_dirs
from .packages import ensure_requirements, script
from .settings import EXTRA_ADDONS, PYTHON, REPO

# oca-checks-odoo-module checks left out: OCA-only conventions (Weblate component names,
# README.rst generated from readme/), and the formatting rules that OCA enforces with
# prettier (XML declaration spelling, attribute order), which are no errors.
OCA_MODULE_CHECKS_DISABLED = (
    "weblate-component-too-long",
    "prefer-readme-rst",
    "xml-header-missing",
    "xml-header-wrong",
    "xml-tag-position",
)


def run_lint(counter):
    """Each lint tool counts as one test."""
    dirs = [str(p) for p in module_dirs()]
    targets = ["addons"] if not EXTRA_ADDONS else dirs
    po_files = [str(p) for d in dirs for p in sorted(Path(d).glob("i18n/*.po*"))]
    checks = [
        ("lint: ruff", [PYTHON, "-m", "ruff", "check", "--no-fix", *targets, "tests", "scripts"]),
        ("lint: pylint-odoo", [PYTHON, "-m", "pylint", "--rcfile", str(REPO / ".pylintrc"), *dirs]),
        (
            "lint: xml/csv/manifest",
            [
                script("oca-checks-odoo-module"),
                f"--disable={','.join(OCA_MODULE_CHECKS_DISABLED)}",
                *dirs,
            ],
        ),
    ]
    if po_files:
        checks.append(("lint: po files", [script("oca-checks-po"), "--disable=po-pretty-format", *po_files]))
    else:
        counter.add("lint: po files", 1, 0, "(no .po file yet)")
    for name, cmd in checks:
        step(name)
        proc = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, stdin=subprocess.DEVNULL)
        output = (proc.stdout + proc.stderr).strip()
        if proc.returncode == 0:
            counter.add(name, 1, 0)
        else:
            say("\n".join("    " + line for line in output.splitlines()[-80:]))
            counter.add(name, 0, 1, f"(exit code {proc.returncode})")


def cmd_lint(_args):
    step("Checking Odoo 18.0")
    check_odoo()
    ensure_requirements()
    counter = Counter()
    run_lint(counter)
    say("\n".join(counter.lines))
    say(f"{counter.passed} passed, {counter.failed} failed")
    return 0 if counter.failed == 0 else 1
