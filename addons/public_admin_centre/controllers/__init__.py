from . import tools
from . import attachment
from . import catalogue
from . import status
from . import portal
