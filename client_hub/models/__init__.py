from . import base_import_import
from . import res_partner
from . import sale_order
