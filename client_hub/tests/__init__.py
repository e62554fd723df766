from . import test_clients
from . import test_vat
from . import test_client_overview
