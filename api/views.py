"""The JSON API: one NinjaAPI with its authentication, mounting each app's router.

Each app owns its part (`<app>/api.py`); what every part answers on error is in `web.api`.
"""

from ninja import NinjaAPI
from ninja.security import django_auth

from casefile.api import router as casefile

api = NinjaAPI(title="Utväg API", version="1", auth=django_auth, urls_namespace="api")
api.add_router("", casefile)
