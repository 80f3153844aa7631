"""Checks of the files citizens upload: the content decides the type, never the name or the browser.

Used by the portal's submission and supplement forms, and by the chatter's paperclip when a
citizen attaches a file to a dossier (controllers/attachment.py). PDF, JPEG and PNG only,
recognised from their first bytes; the size limit comes from the
``public_admin_centre.upload_max_mb`` system parameter; path parts are dropped from the name,
whose extension must match the content, and a double extension hiding another type is refused.
"""

import unicodedata

from odoo.exceptions import UserError
from odoo.tools.mimetypes import guess_mimetype

ACCEPTED_TYPES = {"application/pdf": ("pdf",), "image/jpeg": ("jpg", "jpeg"), "image/png": ("png",)}
# An inner extension from this list ("x.pdf.exe", "x.exe.pdf") is a forged name.
FORGED_EXTENSIONS = frozenset(
    "exe com bat cmd scr pif msi msp cpl dll jar js jse mjs vbs vbe wsf wsh hta ps1 psm1 sh bash "
    "php phtml php5 py pl cgi asp aspx jsp html htm xhtml svg xml lnk reg apk app dmg iso".split()
)
MAX_FILES_PER_DOCUMENT = 10
DEFAULT_MAX_MB = 10.0


def upload_max_bytes(env):
    """The size limit of one uploaded file, in bytes (system parameter, in megabytes)."""
    value = env["ir.config_parameter"].sudo().get_param("public_admin_centre.upload_max_mb", str(DEFAULT_MAX_MB))
    try:
        megabytes = float(value)
    except ValueError:
        megabytes = DEFAULT_MAX_MB
    return int(max(megabytes, 0.1) * 1024 * 1024)


def check_uploaded_file(env, filename, data):
    """Check one uploaded file; return ``(clean name, mimetype)`` or raise UserError."""
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C").strip().lstrip(".").strip()
    label = name or env._("(no name)")
    if not data:
        raise UserError(env._("The file “%(name)s” is empty.", name=label))
    max_bytes = upload_max_bytes(env)
    if len(data) > max_bytes:
        size = "%g" % (max_bytes / 1024 / 1024)  # no f-string inside _(): the extractor evals them
        raise UserError(
            env._(
                "The file “%(name)s” is too large: at most %(size)s MB is accepted.",
                name=label,
                size=size,
            )
        )
    mimetype = guess_mimetype(data, default="application/octet-stream")
    extensions = ACCEPTED_TYPES.get(mimetype)
    if not extensions:
        raise UserError(
            env._(
                "The file “%(name)s” is not a PDF, JPEG or PNG file: only these types are accepted.",
                name=label,
            )
        )
    parts = name.split(".")
    if len(parts) < 2 or not parts[0].strip():
        name = f"{parts[0].strip() or env._('document')}.{extensions[0]}"
        parts = name.split(".")
    if parts[-1].lower() not in extensions:
        raise UserError(
            env._(
                "The name of the file “%(name)s” does not match its content (%(type)s): rename it with "
                "the extension .%(extension)s.",
                name=label,
                type=extensions[0].upper(),
                extension=extensions[0],
            )
        )
    if any(part.lower().strip() in FORGED_EXTENSIONS for part in parts[1:-1]):
        raise UserError(
            env._(
                "The name of the file “%(name)s” hides another type of file: rename it without the double extension.",
                name=label,
            )
        )
    stem = ".".join(parts[:-1])[:120].strip()
    return f"{stem}.{parts[-1].lower()}", mimetype


def check_uploaded_files(env, files, label, errors):
    """Check ``[(filename, data)]`` uploaded for ``label``.

    Returns ``[(clean name, mimetype, data)]`` of the good files and appends a message per
    problem to ``errors``, so that a form can show them all at once.
    """
    if len(files) > MAX_FILES_PER_DOCUMENT:
        errors.append(
            env._(
                "At most %(count)s files can be attached to “%(document)s”.",
                count=MAX_FILES_PER_DOCUMENT,
                document=label,
            )
        )
        return []
    checked = []
    for filename, data in files:
        try:
            clean_name, mimetype = check_uploaded_file(env, filename, data)
        except UserError as error:
            errors.append(error.args[0])
            continue
        checked.append((clean_name, mimetype, data))
    return checked
