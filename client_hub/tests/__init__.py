from . import test_client_import
from . import test_clients
from . import test_vat
