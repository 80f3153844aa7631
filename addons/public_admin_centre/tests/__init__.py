from . import test_deadline_engine
from . import test_dossier_workflow
from . import test_dossier_access
from . import test_dossier_code
