from . import complaint
from . import complaint_portal
