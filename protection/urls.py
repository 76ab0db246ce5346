"""The protection screens of a case. Each part keeps its own routes; this module only joins them."""

from protection.destination_urls import urlpatterns as destination
from protection.measure_urls import urlpatterns as measures
from protection.threat_urls import urlpatterns as threat

app_name = "protection"
urlpatterns = [*threat, *measures, *destination]
