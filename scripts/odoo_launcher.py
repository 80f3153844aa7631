#!/usr/bin/env python3
"""Start Odoo 18.0 the way its own `odoo-bin` does, for an Odoo that is only importable.

    python3 scripts/odoo_launcher.py -c .local/odoo-local.conf -d public_admin_demo

The commands of this repository start every Odoo process with this file instead of
`python3 -m odoo`. Odoo restarts itself in place on a reload (`kill -HUP <pid>`, a request over
limit_time_real, the memory soft limit, installing a module from the Apps menu) by executing
`sys.executable` with `sys.argv` again (`_reexec` in odoo/service/server.py). Started as
`python3 -m odoo`, sys.argv[0] is odoo/__main__.py, which cannot run as a plain script
("attempted relative import with no known parent package") and the server dies; started from
this file, the restart runs this file again.

An Odoo installed with `pip install -e` also has an `odoo` command, but an Odoo made importable
by a .pth file has none, and Odoo's source folder (with odoo-bin) may be anywhere: this file
works with both. It is not Odoo code: like odoo-bin, it only sets the server's timezone to UTC
before anything imports `time`, and calls Odoo's command line.
"""

import os

os.environ["TZ"] = "UTC"

import odoo  # noqa: E402  (after TZ, as in odoo-bin)

if __name__ == "__main__":
    odoo.cli.main()
