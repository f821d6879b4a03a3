"""Which Host headers the app answers: Flask's own TRUSTED_HOSTS.

A redirect or a link built from the request takes its host from the Host
header, which the sender chooses: `GET /admin//sites` with `Host: evil.example`
was redirected to evil.example. Unless TRUSTED_HOSTS is set, the app answers
the host of PUBLIC_BASE_URL and this machine's own names, and a request for any
other host gets a plain 400 (kiosk/app/errors.py).
"""

import socket
from urllib.parse import urlsplit

# Werkzeug compares the Host header's name without its port. An address like
# [::1] cannot be matched by werkzeug 3.1 (it cuts each trusted name at its
# first ":"), so both spellings are listed for a werkzeug that can.
THIS_MACHINE = ["localhost", "127.0.0.1", "[::1]", "::1"]


def default_trusted_hosts(public_base_url: str) -> list[str]:
    """The host of PUBLIC_BASE_URL, then this machine's own names."""
    public_host = urlsplit(public_base_url).hostname
    hosts = [public_host] if public_host else []
    return hosts + [host for host in THIS_MACHINE if host not in hosts]


# Private addresses that nothing answers: "connecting" a UDP socket to one sends
# no packet, but makes the system choose the address it would send from.
ROUTE_PROBES = ["10.255.255.254", "192.168.255.254", "172.31.255.254"]


def network_addresses() -> list[str]:
    """This machine's IPv4 addresses that a tablet on the same network can open,
    found without sending anything anywhere."""
    found = []
    for probe in ROUTE_PROBES:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
            try:
                udp.connect((probe, 9))
            except OSError:  # no route to that network
                continue
            found.append(udp.getsockname()[0])
    try:
        named = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        named = []
    found += [address[4][0] for address in named]
    usable = [address for address in found if not address.startswith(("127.", "0."))]
    return list(dict.fromkeys(usable))
