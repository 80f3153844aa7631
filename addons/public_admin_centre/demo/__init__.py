from . import public_admin_demo_loader
