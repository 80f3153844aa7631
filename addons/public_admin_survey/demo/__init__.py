from . import public_admin_complaint_demo
from . import public_admin_survey_demo_loader
