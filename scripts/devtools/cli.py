"""The command line behind the Makefile: `scripts/dev.py run|test|lint|stop|reset|bench`."""

import argparse
import os
import sys

from .bench import add_arguments as add_bench_arguments
from .bench import cmd_bench
from .console import Fail
from .lint import cmd_lint
from .server import cmd_reset, cmd_run, cmd_stop
from .settings import REPO
from .settings import __doc__ as KNOBS
from .testrun import cmd_test

DESCRIPTION = """Developer tooling of the Public Admin Centre suite (make run, make test, ...).

Odoo itself is never downloaded or built here: it is a prerequisite that must be importable
as ``odoo`` by the interpreter running this script ($PYTHON, default python3).
"""


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=DESCRIPTION + "\n" + KNOBS.split("\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for name, func, text in (
        ("run", cmd_run, "create (first run) and serve the demo database"),
        ("test", cmd_test, "lint, Odoo tests and pytest on a throwaway database"),
        ("lint", cmd_lint, "lint only"),
        ("stop", cmd_stop, "stop the `make run` server and the private PostgreSQL"),
        ("reset", cmd_reset, "drop the demo database"),
        ("bench", cmd_bench, "benchmark at scale against baselines (bench/, README)"),
    ):
        command = sub.add_parser(name, help=text)
        command.set_defaults(func=func)
        if name == "bench":
            add_bench_arguments(command)
    args = parser.parse_args(argv)
    os.chdir(REPO)
    try:
        return args.func(args)
    except Fail as exc:
        print(f"\nERROR: {exc}", file=sys.stderr, flush=True)
        if args.command == "test":
            print("0 passed, 1 failed", flush=True)
        return 1
    except KeyboardInterrupt:
        return 130
