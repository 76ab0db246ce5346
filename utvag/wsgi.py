import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "utvag.settings")
application = get_wsgi_application()

# After setup, before the first request: well-formed but wrong field keys stop the server here.
from core.keycheck import require_readable_field_keys  # noqa: E402 -- needs the apps loaded

require_readable_field_keys()
