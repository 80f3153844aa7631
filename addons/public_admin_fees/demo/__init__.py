from . import public_admin_fees_demo_loader
