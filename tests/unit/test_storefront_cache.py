"""The storefront's in-process response store and client address, as pure logic: expiry,
eviction by count and by bytes, and which X-Forwarded-For hop is the client."""

from services.responder.storefront.middleware import ClientAddress, Entry, ResponseStore


def entry(body: bytes, expires: float = 100.0) -> Entry:
    return Entry(expires, 200, [], body, b'"e"', None)


def test_entries_expire() -> None:
    store = ResponseStore(seconds=10)
    store.put("/a", entry(b"x", expires=10.0))
    assert store.get("/a", 9.9) is not None
    assert store.get("/a", 10.0) is None
    assert store.total_bytes == 0 and not store.entries


def test_least_recently_used_go_first_by_count_and_by_bytes() -> None:
    store = ResponseStore(seconds=10, max_entries=2, max_total_bytes=10)
    store.put("/a", entry(b"aaa"))
    store.put("/b", entry(b"bbb"))
    assert store.get("/a", 0) is not None  # /a used last: /b is the oldest now
    store.put("/c", entry(b"ccc"))
    assert set(store.entries) == {"/a", "/c"}
    store.put("/d", entry(b"dddddddd"))  # 3 + 8 > 10 bytes: /a goes, then /c
    assert set(store.entries) == {"/d"} and store.total_bytes == 8
    store.put("/d", entry(b"dd"))  # replacing counts the new body only
    assert store.total_bytes == 2
    store.clear()
    assert store.total_bytes == 0 and not store.entries


def scope(peer: str, forwarded: str | None = None) -> dict[str, object]:
    headers = [(b"x-forwarded-for", forwarded.encode())] if forwarded else []
    return {"client": (peer, 1234), "headers": headers}


def test_forwarded_for_only_from_trusted_proxies_and_only_its_nearest_untrusted_hop() -> None:
    client = ClientAddress(["10.0.0.0/8", "192.0.2.1"])
    assert client(scope("203.0.113.5", "1.2.3.4")) == "203.0.113.5"  # not a proxy
    assert client(scope("10.1.1.1", "198.51.100.7")) == "198.51.100.7"
    assert client(scope("10.1.1.1", "6.6.6.6, 198.51.100.7, 10.2.2.2")) == "198.51.100.7"
    assert client(scope("192.0.2.1", "10.9.9.9")) == "10.9.9.9"  # every hop trusted
    assert client(scope("10.1.1.1", "not-an-ip, 10.2.2.2")) == "10.2.2.2"
    assert client(scope("10.1.1.1")) == "10.1.1.1"
    assert ClientAddress([])(scope("10.1.1.1", "1.1.1.1")) == "10.1.1.1"
