from . import public_admin_demo_loader
from . import public_admin_report_demo
