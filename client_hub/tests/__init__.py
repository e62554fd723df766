from . import test_clients
from . import test_vat
