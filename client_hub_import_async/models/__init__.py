from . import base_import_import
from . import queue_job
