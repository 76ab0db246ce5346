"""Every route of ours by name, with the converter of each argument, for the tests that walk them all
(the authorization matrix, the destination canary): a new route joins them without anyone listing it."""

from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver

# Routes from other packages that hold no personal data of ours.
THIRD_PARTY_PREFIXES = (
    "account_",
    "mfa_",
    "set_language",
    "headless",
    "socialaccount",
    "usersessions",
    "openid_connect",
)


@dataclass(frozen=True)
class Route:
    name: str
    # Argument name -> its converter (UUIDConverter, IntConverter, SlugConverter, StringConverter).
    converters: tuple[tuple[str, object], ...]

    @property
    def namespace(self) -> str:
        return self.name.rpartition(":")[0]


def routes(resolver: URLResolver | None = None, namespace: str = "", outer: tuple = ()) -> list[Route]:
    """Every named route, each with the converters of its own path and of the prefixes it is mounted under."""
    found: list[Route] = []
    for pattern in (resolver or get_resolver()).url_patterns:
        converters = outer + tuple(getattr(pattern.pattern, "converters", {}).items())
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            found += routes(pattern, inner, converters)
        elif isinstance(pattern, URLPattern) and pattern.name:
            found.append(Route(f"{namespace}{pattern.name}", converters))
    return found


def our_routes() -> list[Route]:
    return [route for route in routes() if not route.name.startswith(THIRD_PARTY_PREFIXES)]
