"""Guard for outgoing HTTP requests to URLs that shops, staff or operators configured (notifier
webhooks, responder reply connectors, ingest's platform API roots): no request may reach the
deployment's own network (loopback, RFC 1918 and ULA ranges, link-local such as the cloud
metadata address 169.254.169.254, ...), since whoever sets the URL would otherwise get the
service to call internal endpoints for them (SSRF).

Checked twice: when the URL is configured (`refusal`, answered as 422 with the reason) and when
a connection is opened (`client`). The second check is what holds: DNS can answer differently
later, so the guarded transport resolves the host itself, refuses the connection when any of
the addresses is forbidden, and connects to the checked address; TLS still verifies the
certificate against the URL's host name. Redirects are not followed.
"""

import ipaddress
import socket
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import anyio
import httpcore
import httpx

from shared.settings import ServiceSettings

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
Resolver = Callable[[str, int], Awaitable[list[IPAddress]]]

# NAT64 (RFC 6052): a gateway translates these to the IPv4 address in the last 32 bits.
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
# How long a configuration request waits for DNS before it leaves the decision to connect time.
CONFIG_RESOLVE_TIMEOUT_S = 3.0
DEFAULT_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=20)


class ForbiddenDestination(httpx.TransportError):
    """The URL's host is, or resolves to, an address outgoing requests must not reach. Not
    worth a retry as such: the caller fails the delivery with this reason."""


@dataclass(frozen=True)
class OutboundPolicy:
    # Loopback, private, link-local and other non-public unicast addresses become reachable
    # (development, tests with loopback receivers, deployments whose receivers are internal).
    allow_private_networks: bool = False
    # Reachable even when private networks are not, e.g. an internal relay's subnet.
    allowed_networks: tuple[IPNetwork, ...] = ()
    require_https: bool = True

    @classmethod
    def of(
        cls, *, environment: str, allow_private_networks: bool, allowed_networks: Iterable[str]
    ) -> "OutboundPolicy":
        return cls(
            allow_private_networks=allow_private_networks,
            allowed_networks=tuple(ipaddress.ip_network(n, strict=False) for n in allowed_networks),
            require_https=environment not in ("development", "test"),
        )

    def address_refusal(self, address: IPAddress) -> str | None:
        """Why a connection to this address is refused, or None when it is allowed."""
        if any(address in net for net in self.allowed_networks if net.version == address.version):
            return None
        embedded = _embedded_ipv4(address)
        if embedded is not None:
            reason = self.address_refusal(embedded)
            return f"{reason} (embedded in {address})" if reason else None
        # Never a receiver, whatever the operator allows: no TCP server listens there (and on
        # Linux a connection to 0.0.0.0 reaches the local host).
        if address.is_unspecified:
            return f"{address} is the unspecified address"
        if address.is_multicast:
            return f"{address} is a multicast address"
        if self.allow_private_networks:
            return None
        kind = _kind(address)
        return f"{address} is a {kind} address" if kind else None

    def scheme_refusal(self, scheme: str) -> str | None:
        if scheme not in ("http", "https"):
            return "only http and https URLs are allowed"
        if scheme == "http" and self.require_https:
            return "must be https"
        return None

    async def refusal(self, url: str, resolve: Resolver | None = None) -> str | None:
        """Why this URL may not be configured, or None. A host that does not resolve now is
        accepted: the connection is checked again when it is made."""
        try:
            parts = urlsplit(url)
            host = parts.hostname
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError:
            return "not a valid URL"
        reason = self.scheme_refusal(parts.scheme)
        if reason:
            return reason
        if not host:
            return "the URL names no host"
        literal = ip_literal(host)
        if literal is not None:
            return self.address_refusal(literal)
        try:
            with anyio.fail_after(CONFIG_RESOLVE_TIMEOUT_S):
                addresses = await (resolve or resolve_host)(host, port)
        except (OSError, UnicodeError, ValueError, TimeoutError):
            return None
        for address in addresses:
            reason = self.address_refusal(address)
            if reason:
                return f"{host}: {reason}"
        return None


def _kind(address: IPAddress) -> str | None:
    if address.is_loopback:
        return "loopback"
    if address.is_link_local:
        return "link-local"
    # Before "private": Python counts 240.0.0.0/4 and the broadcast address as private too.
    if address.is_reserved:
        return "reserved"
    if address.is_private:
        return "private"
    if isinstance(address, ipaddress.IPv6Address) and address.is_site_local:
        return "site-local"
    if not address.is_global:
        # e.g. 100.64.0.0/10, carrier-grade NAT: inside someone's network.
        return "non-public"
    return None


def _embedded_ipv4(address: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address stands for (IPv4-mapped, 6to4, NAT64), where the
    packets end up."""
    if not isinstance(address, ipaddress.IPv6Address):
        return None
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def ip_literal(host: str) -> IPAddress | None:
    """The address a host written as an IP address means, including the forms the C resolver
    also takes for IPv4 (decimal 2130706433, octal 0177.0.0.1, hex 0x7f.1, short 127.1)."""
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        pass
    if host and host[0].isdigit() and all(c in "0123456789abcdefxABCDEFX." for c in host):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    return None


async def resolve_host(host: str, port: int) -> list[IPAddress]:
    """Every address the system resolver gives for the host, in its order."""
    infos = await anyio.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    seen: list[IPAddress] = []
    for _family, _type, _proto, _name, sockaddr in infos:
        address = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
        if address not in seen:
            seen.append(address)
    return seen


@dataclass
class GuardedBackend(httpcore.AsyncNetworkBackend):
    """Resolves, checks every address, then connects to a checked one: the address that was
    checked is the address connected to."""

    policy: OutboundPolicy
    resolve: Resolver = resolve_host
    inner: httpcore.AsyncNetworkBackend = field(default_factory=httpcore.AnyIOBackend)

    async def connect_tcp(
        self,
        host: str,
        port: int,
        # httpcore's interface, called with these keywords.
        timeout: float | None = None,  # noqa: ASYNC109
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        addresses = await self._addresses(host, port, timeout)
        for address in addresses:
            reason = self.policy.address_refusal(address)
            if reason:
                raise ForbiddenDestination(f"destination refused: {host} -> {reason}")
        failure: Exception | None = None
        for address in addresses:
            try:
                return await self.inner.connect_tcp(
                    str(address), port, timeout, local_address, socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                failure = exc
        assert failure is not None
        raise failure

    async def _addresses(self, host: str, port: int, limit_s: float | None) -> list[IPAddress]:
        literal = ip_literal(host)
        if literal is not None:
            return [literal]
        try:
            with anyio.fail_after(limit_s):
                addresses = await self.resolve(host, port)
        except TimeoutError:
            raise httpcore.ConnectTimeout(f"resolving {host} timed out") from None
        except (OSError, UnicodeError, ValueError) as exc:
            raise httpcore.ConnectError(f"cannot resolve {host}: {type(exc).__name__}") from None
        if not addresses:
            raise httpcore.ConnectError(f"{host} has no address")
        return addresses

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,  # noqa: ASYNC109
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise ForbiddenDestination("destination refused: unix sockets")

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)


class GuardedTransport(httpx.AsyncHTTPTransport):
    def __init__(
        self,
        policy: OutboundPolicy,
        *,
        resolve: Resolver = resolve_host,
        verify: bool = True,
        limits: httpx.Limits = DEFAULT_LIMITS,
    ) -> None:
        # trust_env off: a proxy from the environment would make the connection elsewhere.
        super().__init__(verify=verify, trust_env=False, limits=limits)
        self.policy = policy
        # The pool httpx built is replaced by one that opens connections through the guard
        # (httpx has no argument for a network backend; httpx is pinned, and the connect-time
        # tests fail if this stops taking effect).
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(verify=verify, trust_env=False),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=GuardedBackend(policy, resolve),
        )

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        reason = self.policy.scheme_refusal(request.url.scheme)
        if reason:
            raise ForbiddenDestination(f"destination refused: {reason}", request=request)
        return await super().handle_async_request(request)


def client(
    policy: OutboundPolicy,
    *,
    timeout: float | httpx.Timeout,
    resolve: Resolver = resolve_host,
    verify: bool = True,
) -> httpx.AsyncClient:
    """An HTTP client for configured destinations. Redirects are answers, never followed: a
    receiver could otherwise point the request anywhere, including where the guard would
    have to refuse it."""
    return httpx.AsyncClient(
        transport=GuardedTransport(policy, resolve=resolve, verify=verify),
        timeout=timeout,
        follow_redirects=False,
        trust_env=False,
    )


def policy_of(settings: ServiceSettings) -> OutboundPolicy:
    """The policy a service's settings ask for."""
    return OutboundPolicy.of(
        environment=settings.environment,
        allow_private_networks=settings.allows_private_networks,
        allowed_networks=settings.outbound_allowed_networks,
    )
