"""Searches that ignore Vietnamese diacritics: "lai xe" finds "lái xe".

Odoo 18 compares ``ilike`` searches through PostgreSQL's ``unaccent()`` whenever the database has
that function (``odoo.modules.db.has_unaccent``, read when the registry is built); nothing is
declared per field. Odoo creates the extension only for databases it creates itself with the
``unaccent`` option, so the centre makes sure of it when it is installed or updated, before
the trigram indexes of its searched fields are created: an index built with ``unaccent()`` needs
the function to be immutable, which Odoo does itself for the databases it creates (the rules of
the extension are fixed data for the life of a database).
"""

import logging

import psycopg2

from odoo.exceptions import UserError
from odoo.modules.db import FunctionStatus, has_trigram, has_unaccent
from odoo.modules.registry import _unaccent
from odoo.tools import remove_accents

_logger = logging.getLogger(__name__)


def _try(cr, query):
    try:
        with cr.savepoint(flush=False):
            cr.execute(query)
    except psycopg2.Error as error:
        return error
    return None


def ensure_unaccent(env):
    """Create the ``unaccent`` and ``pg_trgm`` extensions when missing; make ``unaccent`` indexable.

    Raises UserError when ``unaccent`` is missing and the database role may not create it.
    The current registry is told at once, so that the indexes created by this installation and
    the searches of this process use it.
    """
    cr, registry = env.cr, env.registry
    if not has_unaccent(cr):
        error = _try(cr, "CREATE EXTENSION IF NOT EXISTS unaccent")
        if error:
            raise UserError(
                env._(
                    "Searches that ignore diacritics need the PostgreSQL extension “unaccent”, and the "
                    "database role cannot create it (%(error)s). Ask the database administrator to run "
                    "“CREATE EXTENSION unaccent;” in database %(database)s, then install again.",
                    error=str(error).strip(),
                    database=cr.dbname,
                )
            )
        _logger.info("PostgreSQL extension unaccent created in database %s", cr.dbname)
    if has_unaccent(cr) != FunctionStatus.INDEXABLE:
        # As odoo.service.db does for the databases it creates.
        if _try(cr, "ALTER FUNCTION public.unaccent(text) IMMUTABLE"):
            _logger.warning(
                "PostgreSQL function unaccent() is not immutable and the database role may not change it: "
                "searches ignore diacritics but cannot use trigram indexes. Ask the database administrator "
                "to run “ALTER FUNCTION public.unaccent(text) IMMUTABLE;” in database %s.",
                cr.dbname,
            )
    if not has_trigram(cr) and _try(cr, "CREATE EXTENSION IF NOT EXISTS pg_trgm"):
        _logger.warning("PostgreSQL extension pg_trgm is missing: searches of procedures will not use an index.")
    status = has_unaccent(cr)
    if registry.has_unaccent != status:
        registry.has_unaccent = status
        registry.unaccent = _unaccent
        registry.unaccent_python = remove_accents
    registry.has_trigram = has_trigram(cr)
    return status
