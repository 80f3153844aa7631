"""Developer tooling of the Public Admin Centre suite, called through scripts/dev.py.

One module per job:
  settings   paths of the repository and of .local/, environment knobs
  console    messages, the clear failure (Fail), the passed/failed tally
  odoo_env   is Odoo 18.0 importable, addons path, the generated odoo-local.conf
  packages   Python packages of requirements.txt, Debian packages (wkhtmltopdf, Chromium)
  network    free ports, waiting for an HTTP answer
  postgres   the PostgreSQL server: one named by PG*/odoo.conf, or the private cluster
  processes  running Odoo commands, reading their logs, stopping process groups
  demo       the demo database of `make run`
  server     `make run`, `make stop`, `make reset`
  lint       `make lint`
  testrun    `make test`
  bench      `make bench`
  cli        the command line (scripts/dev.py)

Standard library only: these modules must explain what is missing before anything is
installed. psycopg2 (an Odoo dependency) is imported only once Odoo is known to import.
"""
