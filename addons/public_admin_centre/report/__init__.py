from . import public_admin_dossier_forms
from . import public_admin_dossier_register_xlsx
