from . import test_translations
from . import test_complaint_workflow
from . import test_complaint_indices
from . import test_complaint_pages
from . import test_complaint_access
from . import test_complaint_tour
from . import test_evaluation
from . import test_evaluation_pages
