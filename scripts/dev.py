#!/usr/bin/env python3
"""Developer tooling of the Public Admin Centre suite: the commands behind the Makefile.

    scripts/dev.py run|test|lint|stop|reset|bench     (make run, make test, ...)

The work is done by the modules of scripts/devtools/ (see its __init__.py for which does
what). Standard library only, so that it can explain what is missing before anything is
installed.
"""

import sys

from devtools.cli import main

if __name__ == "__main__":
    sys.exit(main())
