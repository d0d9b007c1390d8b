"""The outbound guard's decisions (shared/http/outbound.py): which URLs may be configured and
which addresses may be connected to. Connections themselves: tests/integration/test_outbound.py."""

import ipaddress

import pytest

from services.notifier.settings import NotifierSettings
from shared.http.outbound import IPAddress, OutboundPolicy, Resolver, ip_literal, policy_of

STRICT = OutboundPolicy()


def resolver(*addresses: str) -> Resolver:
    async def resolve(host: str, port: int) -> list[IPAddress]:
        return [ipaddress.ip_address(a) for a in addresses]

    return resolve


@pytest.mark.parametrize(
    ("host", "kind"),
    [
        # IPv4 classes
        ("127.0.0.1", "loopback"),
        ("127.255.255.254", "loopback"),
        ("10.0.0.1", "private"),
        ("172.16.5.4", "private"),
        ("172.31.255.255", "private"),
        ("192.168.1.1", "private"),
        ("169.254.169.254", "link-local"),  # cloud metadata
        ("169.254.0.1", "link-local"),
        ("224.0.0.1", "multicast"),
        ("239.255.255.250", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("240.0.0.1", "reserved"),
        ("255.255.255.255", "reserved"),
        ("100.64.0.1", "non-public"),  # carrier-grade NAT
        ("0.1.2.3", "private"),  # "this network"
        # IPv6 classes
        ("[::1]", "loopback"),
        ("[::]", "unspecified"),
        ("[fc00::1]", "private"),  # ULA
        ("[fd12:3456::1]", "private"),
        ("[fe80::1]", "link-local"),
        ("[fe80::1%25eth0]", "link-local"),
        ("[ff02::1]", "multicast"),
        ("[fec0::1]", "site-local"),
        ("[::127.0.0.1]", "reserved"),  # IPv4-compatible (deprecated)
        # IPv6 addresses that carry an IPv4 address: judged by the IPv4 one
        ("[::ffff:127.0.0.1]", "loopback"),
        ("[::ffff:7f00:1]", "loopback"),
        ("[::ffff:a9fe:a9fe]", "link-local"),
        ("[::ffff:10.1.2.3]", "private"),
        ("[2002:7f00:1::]", "loopback"),  # 6to4
        ("[2002:c0a8:101::1]", "private"),
        ("[64:ff9b::a00:1]", "private"),  # NAT64
        # IPv4 written the ways the C resolver also reads it
        ("2130706433", "loopback"),  # decimal
        ("0177.0.0.1", "loopback"),  # octal
        ("0x7f.0.0.1", "loopback"),  # hex
        ("0x7f000001", "loopback"),
        ("127.1", "loopback"),  # short form
        ("017700000001", "loopback"),
        ("0xa9.0xfe.0xa9.0xfe", "link-local"),
        ("2852039166", "link-local"),  # 169.254.169.254
        ("012.0.0.1", "private"),  # 10.0.0.1
    ],
)
async def test_internal_addresses_are_refused(host: str, kind: str) -> None:
    reason = await STRICT.refusal(f"https://{host}/hook")
    assert reason is not None and f"{kind} address" in reason


@pytest.mark.parametrize("host", ["93.184.215.14", "8.8.8.8", "[2606:4700:4700::1111]", "1.1.1.1"])
async def test_public_addresses_are_accepted(host: str) -> None:
    assert await STRICT.refusal(f"https://{host}:8443/hook") is None


async def test_a_name_is_judged_by_every_address_it_resolves_to() -> None:
    public = resolver("93.184.215.14")
    assert await STRICT.refusal("https://hooks.example.com/x", public) is None
    # One internal address among public ones is enough: the connection could use any.
    mixed = resolver("93.184.215.14", "2606:4700::1", "10.0.0.7")
    reason = await STRICT.refusal("https://hooks.example.com/x", mixed)
    assert reason == "hooks.example.com: 10.0.0.7 is a private address"
    mapped = resolver("::ffff:169.254.169.254")
    reason = await STRICT.refusal("https://metadata.example.com/x", mapped)
    assert reason is not None and "link-local" in reason


async def test_localhost_is_refused_through_the_system_resolver() -> None:
    reason = await STRICT.refusal("https://localhost:8080/x")
    assert reason is not None and "loopback" in reason


async def test_a_name_that_does_not_resolve_is_left_to_the_connect_time_check() -> None:
    async def fails(host: str, port: int) -> list[IPAddress]:
        raise OSError("no such name")

    assert await STRICT.refusal("https://not-yet.example.com/x", fails) is None


@pytest.mark.parametrize(
    "url",
    ["ftp://example.com/x", "file:///etc/passwd", "gopher://example.com/", "javascript:alert(1)"],
)
async def test_only_http_and_https(url: str) -> None:
    assert await STRICT.refusal(url) == "only http and https URLs are allowed"


async def test_https_only_outside_development_and_test() -> None:
    public = resolver("93.184.215.14")
    production = OutboundPolicy.of(
        environment="production", allow_private_networks=False, allowed_networks=[]
    )
    assert await production.refusal("http://hooks.example.com/x", public) == "must be https"
    assert await production.refusal("https://hooks.example.com/x", public) is None
    for environment in ("development", "test"):
        relaxed = OutboundPolicy.of(
            environment=environment, allow_private_networks=False, allowed_networks=[]
        )
        assert await relaxed.refusal("http://hooks.example.com/x", public) is None


async def test_the_allowance_opens_private_ranges_but_never_unspecified_or_multicast() -> None:
    open_ = OutboundPolicy(allow_private_networks=True)
    for host in ("127.0.0.1", "10.0.0.1", "[::1]", "[fd00::1]", "169.254.169.254", "2130706433"):
        assert await open_.refusal(f"https://{host}/x") is None, host
    for host in ("0.0.0.0", "[::]", "224.0.0.1", "[ff02::1]"):
        assert await open_.refusal(f"https://{host}/x") is not None, host


async def test_allowed_networks_open_only_those_ranges() -> None:
    relay = OutboundPolicy.of(
        environment="production",
        allow_private_networks=False,
        allowed_networks=["10.20.0.0/16", "fd00:1::/32"],
    )
    assert await relay.refusal("https://10.20.3.4/x") is None
    assert await relay.refusal("https://[fd00:1::5]/x") is None
    assert await relay.refusal("https://10.21.0.1/x") is not None
    assert await relay.refusal("https://127.0.0.1/x") is not None


def test_ip_literal_reads_only_addresses() -> None:
    assert ip_literal("hooks.example.com") is None
    assert ip_literal("1e100.net") is None
    assert ip_literal("0xdeadbeef.example") is None
    assert ip_literal("[::1]") == ipaddress.ip_address("::1")
    assert ip_literal("3232235777") == ipaddress.ip_address("192.168.1.1")


def test_settings_default_to_the_allowance_in_development_only() -> None:
    assert NotifierSettings(environment="development").allows_private_networks
    assert not NotifierSettings(environment="test").allows_private_networks
    explicit = NotifierSettings(environment="test", outbound_allow_private_networks=True)
    assert explicit.allows_private_networks
    policy = policy_of(NotifierSettings(environment="test"))
    assert not policy.allow_private_networks and not policy.require_https
    with pytest.raises(ValueError, match="does not appear to be an IPv4 or IPv6 network"):
        NotifierSettings(outbound_allowed_networks=["not-a-network"])


def test_settings_read_the_allowance_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NOTIFIER_ENVIRONMENT", "test")
    monkeypatch.setenv("NOTIFIER_OUTBOUND_ALLOW_PRIVATE_NETWORKS", "true")
    monkeypatch.setenv("NOTIFIER_OUTBOUND_ALLOWED_NETWORKS", '["10.1.0.0/16"]')
    settings = NotifierSettings()
    assert settings.allows_private_networks
    assert policy_of(settings).allowed_networks == (ipaddress.ip_network("10.1.0.0/16"),)
