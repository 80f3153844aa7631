from . import public_admin_queue_demo
