"""The client address that every limit counts by (logins, password resets, sign-ups...)."""

import ipaddress

from django.conf import settings


def client_address(request):
    """The address of the client as the first trusted proxy saw it.

    Each of the ``TRUSTED_PROXY_COUNT`` reverse proxies in front of the site appends the address
    it received the request from to ``X-Forwarded-For``; what stands to the left of those entries
    was written by the client and is ignored. With no proxy (0), ``REMOTE_ADDR``. An IPv6 client
    counts as its /64 network: one subscriber line holds the whole of it.
    """
    address = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if count > 0:
        hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        hops = [hop for hop in hops if hop]
        if len(hops) >= count:
            address = hops[-count]
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return request.META.get("REMOTE_ADDR", "") or "unknown"
    if parsed.version == 6:
        if parsed.ipv4_mapped is not None:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed)
