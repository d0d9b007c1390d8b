"""A session's device in words, from its User-Agent (the account page and the sessions API)."""

from services.responder.console.auth import devices

LAPTOP = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
PHONE = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0 Mobile Safari/537.36"
)


def test_devices_are_named_from_the_user_agent() -> None:
    assert devices.describe(LAPTOP) == "Firefox on Linux"
    assert devices.describe(PHONE) == "Chrome on Android"
    edge = (
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/126.0 Safari/537.36 Edg/126.0"
    )
    assert devices.describe(edge) == "Edge on Windows"
    iphone = (
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
        "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
    )
    assert devices.describe(iphone) == "Safari on iPhone"
    assert devices.describe("curl/8.5.0") == "curl"
    assert devices.describe("python-httpx/0.27") == ""


def test_headless_chromium_is_chrome() -> None:
    headless = (
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "HeadlessChrome/131.0.0.0 Safari/537.36"
    )
    assert devices.describe(headless) == "Chrome on Linux"
