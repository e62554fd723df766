from . import test_clients
from . import test_client_tours
from . import test_vat
from . import test_client_races
from . import test_client_multicompany
from . import test_client_hypothesis
from . import test_client_export
from . import test_client_overview
