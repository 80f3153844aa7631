from . import public_admin_dossier_forms
from . import public_admin_dossier_register_xlsx
from . import public_admin_statistics_report_xlsx
