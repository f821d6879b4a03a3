"""Strict-Transport-Security: sent over HTTPS only."""


def test_https_pages_tell_the_browser_to_keep_to_https(client):
    secure = client.get("/", base_url="https://localhost")
    plain = client.get("/")
    assert ("max-age=31536000", None) == (
        secure.headers.get("Strict-Transport-Security"),
        plain.headers.get("Strict-Transport-Security"),
    )
