from . import test_import_async
