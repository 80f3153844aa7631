from . import ir_http
from . import (
    public_admin_agency,
    public_admin_queue_service,
    public_admin_queue_rota,
    public_admin_counter,
    public_admin_device,
    public_admin_queue_ticket_counter,
    public_admin_queue_ticket_log,
    public_admin_queue_ticket,
    public_admin_queue_ticket_calling,
    public_admin_queue_ticket_public,
    public_admin_queue_ticket_figures,
    public_admin_dossier,
)
from . import public_admin_manager_dashboard
