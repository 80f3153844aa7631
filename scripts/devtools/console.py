"""What the commands print, and how they fail."""

import sys


class Fail(Exception):
    """A clear, expected failure: printed without a traceback."""


def say(msg=""):
    print(msg, flush=True)


def step(msg):
    say(f"==> {msg}")


def warn(msg):
    print(f"WARNING: {msg}", file=sys.stderr, flush=True)


class Counter:
    """The passed/failed tally of `make lint` and `make test`."""

    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.lines = []

    def add(self, name, passed, failed, note=""):
        self.passed += passed
        self.failed += failed
        self.lines.append(f"  {name:<30} {passed:>4} passed {failed:>4} failed  {note}".rstrip())
