from . import test_translations
from . import test_evaluation
from . import test_evaluation_pages
