from . import public_admin_complaint_demo
