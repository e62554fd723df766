from . import test_import_async
from . import test_several_servers
