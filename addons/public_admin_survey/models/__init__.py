from . import public_admin_complaint
from . import public_admin_complaint_workflow
from . import public_admin_complaint_notification
from . import public_admin_complaint_public
from . import public_admin_complaint_indicator
from . import public_admin_complaint_wizard
from . import public_admin_dossier_complaint
from . import public_admin_complaint_xlsx
