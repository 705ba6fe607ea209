"""Passwords never reach a message: core/redact.py and the one exception base that applies it."""
import pytest
from sozialmonitor.plugin.core.errors import ExportError
from sozialmonitor.plugin.core.redact import redact

SECRET = "Geheim-Pw-123"


@pytest.mark.parametrize("text, kept", [
    ("host=db port=5432 dbname=gis user=planer password=Geheim-Pw-123 sslmode=disable", "sslmode=disable"),
    ("dbname='gis' host=127.0.0.1 user='planer' password='Geheim-Pw-123'", "user='planer'"),
    ("password='Geheim-Pw-123 with \\' quote' user=x", "user=x"),
    ('password="Geheim-Pw-123"', "password="),
    ("PGPASSWORD=Geheim-Pw-123 psql", "psql"),
    ("sslpassword=Geheim-Pw-123 host=x", "host=x"),
    ("postgresql://planer:Geheim-Pw-123@db.example:5432/gis", "postgresql://planer:"),
    ("postgres://planer:Geheim-Pw-123@db/gis?sslmode=require", "@db/gis"),
    ("{'host': 'db', 'password': 'Geheim-Pw-123'}", "'host': 'db'"),
    ('{"PASSWORD": "Geheim-Pw-123"}', "PASSWORD"),
    ("Password = Geheim-Pw-123;", "Password"),
])
def test_passwords_are_masked_everything_else_kept(text, kept):
    out = redact(text)
    assert SECRET not in out and "***" in out and kept in out


def test_text_without_secrets_is_unchanged():
    for text in ("password authentication failed for user \"planer\"", "dbname=gis authcfg=ab12cd3",
                 "https://example.org/a:b", "", "Kein Passwort hier"):
        assert redact(text) == text
    assert redact(None) is None


def test_every_user_error_is_masked_at_its_source():
    err = ExportError("Cannot connect: host=db password=" + SECRET, details="uri: postgresql://u:" + SECRET + "@db/x")
    assert SECRET not in err.message and SECRET not in str(err) and SECRET not in err.details
