from . import test_clients
from . import test_client_tours
from . import test_vat
