"""The address students' phones use to join a class poll: a public base url, never loopback.

The leader usually opens the app at `http://localhost:8501` on a laptop; a link or QR code built
from that address points each phone at itself. The base url is, in this order:

1. `$PERSPECTIVES_PUBLIC_URL`, as given (the app's root as students reach it, any path prefix
   included): the way to name a domain, a reverse proxy or https;
2. Streamlit's `browser.serverAddress` option when it is set to something other than loopback
   (with `browser.serverPort`);
3. the address the leader's page was opened at, when that is not loopback (a leader on the
   network url, or a deployed app);
4. this machine's network address (`http://192.168.1.20:8501`), found by asking the operating
   system which interface would route to an outside address (a UDP socket is "connected", which
   sends nothing);
5. only when none is known, the page's own loopback address, with `loopback=True` so that the
   page warns the leader.

Pure: the page passes in the settings it reads from Streamlit.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

ENV = "PERSPECTIVES_PUBLIC_URL"
# Documentation addresses (RFC 5737, RFC 3849): never routed, and a UDP connect sends nothing.
_PROBES = ((socket.AF_INET, "192.0.2.1"), (socket.AF_INET6, "2001:db8::1"))


@dataclass(frozen=True)
class PublicBase:
    """Where participants reach the app: `url` has a scheme and host, no trailing slash."""

    url: str
    source: str  # what it came from, in words for the leader
    loopback: bool = False  # only this computer can open it
    problem: str | None = None  # a setting that was given but could not be used, and why


def is_loopback(host: str | None) -> bool:
    """Whether `host` names this computer only (or no computer: empty, 0.0.0.0, ::)."""
    name = (host or "").strip().strip("[]").lower().rstrip(".")
    if not name or name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        return False  # a host name: assumed reachable
    return address.is_loopback or address.is_unspecified


def network_address(probes=_PROBES) -> str | None:
    """This machine's address on its network (the interface that routes outwards), or None.
    No packet is sent: connecting a UDP socket only picks the route."""
    for family, target in probes:
        try:
            with socket.socket(family, socket.SOCK_DGRAM) as probe:
                probe.connect((target, 9))
                host = probe.getsockname()[0]
        except OSError:
            continue
        if not is_loopback(host):
            return host
    return None


def _host_port(host: str, port: int | None) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"{shown}:{port}" if port and port not in (80, 443) else shown


def _with_path(origin: str, base_path: str | None) -> str:
    path = (base_path or "").strip("/")
    return f"{origin}/{path}" if path else origin


def _from_setting(value: str) -> tuple[str | None, str | None]:
    """A public url as set by hand: (its normal form, None) or (None, what is wrong)."""
    text = value.strip()
    if "://" not in text:
        text = "http://" + text
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None, f"{ENV}={value!r} is not an http(s) address such as https://poll.example.org"
    if parts.query or parts.fragment:
        return None, f"{ENV}={value!r} has a query or fragment; give the app's address only"
    return f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}", None


def public_base(
    setting: str | None,
    server_address: str | None,
    server_port: int | None,
    page_url: str | None,
    base_path: str | None = None,
    listen_port: int | None = None,
    network: Callable[[], str | None] | None = None,
) -> PublicBase:
    """The base url of the participants' link (see the module's docstring for the order).

    `setting` is `$PERSPECTIVES_PUBLIC_URL`; `server_address` and `server_port` Streamlit's
    `browser.serverAddress` and `browser.serverPort`; `page_url` the leader's page address;
    `base_path` Streamlit's `server.baseUrlPath` (added to every choice but the setting, which
    is taken whole); `listen_port` Streamlit's `server.port`, for the network address."""
    problem = None
    if setting and setting.strip():
        url, problem = _from_setting(setting)
        if url:
            host = urlsplit(url).hostname
            return PublicBase(url, ENV, loopback=is_loopback(host))
    page = urlsplit(page_url or "")
    scheme = page.scheme if page.scheme in ("http", "https") else "http"
    page_port = page.port if page.hostname else None
    port = server_port or page_port
    if server_address and not is_loopback(server_address):
        origin = f"{scheme}://{_host_port(server_address.strip(), port)}"
        return PublicBase(_with_path(origin, base_path), "browser.serverAddress", problem=problem)
    if page.hostname and not is_loopback(page.hostname):
        origin = f"{scheme}://{page.netloc}"
        return PublicBase(_with_path(origin, base_path), "the page's address", problem=problem)
    host = (network or network_address)()
    if host:
        origin = f"http://{_host_port(host, listen_port or page_port or port)}"
        return PublicBase(_with_path(origin, base_path), "the network address", problem=problem)
    origin = f"{scheme}://{page.netloc}" if page.hostname else f"http://localhost:{port or 8501}"
    return PublicBase(_with_path(origin, base_path), "the page's address", True, problem)


def listens_only_on_loopback(bind_address: str | None) -> bool:
    """Whether Streamlit's `server.address` keeps other machines out (unset listens on all)."""
    name = (bind_address or "").strip().strip("[]")
    if not name or name in ("0.0.0.0", "::"):
        return False
    return is_loopback(name)
