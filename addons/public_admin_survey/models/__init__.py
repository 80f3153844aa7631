from . import survey_question
from . import survey_user_input
from . import survey_user_input_line
from . import public_admin_survey_attribution
from . import public_admin_device
from . import public_admin_dossier
from . import res_config_settings
