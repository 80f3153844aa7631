from . import public_admin_survey_demo_loader
