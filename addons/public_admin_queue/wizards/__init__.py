from . import public_admin_queue_ticket_wizard
