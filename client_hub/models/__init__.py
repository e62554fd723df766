from . import res_partner
from . import res_partner_vat
from . import res_partner_figures
from . import res_partner_portfolio
from . import res_partner_documents
from . import res_partner_import
from . import base_import_import
from . import sale_order
