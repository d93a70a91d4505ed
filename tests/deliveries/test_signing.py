"""Titles and notices XAdES-signed with the unit's certificate (PKCS#12 uploaded by the admin,
its password sealed), the signed handoff package and the authority's UPO kept with it. The tests
make their own certificate with `cryptography`."""

import datetime
import io
import zipfile

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from sqlalchemy import select
from sqlalchemy.orm import undefer

from app.models import UnitCertificate
from app.signing import keystore, xades
from tests.titles.test_api import _titled

PASSWORD = "Tajne-hasło-123"


@pytest.fixture(scope="module")
def unit_cert() -> tuple[bytes, bytes]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "CWOK Włocławek – test")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(4242)
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=365))
        .sign(key, hashes.SHA256())
    )
    p12 = pkcs12.serialize_key_and_certificates(
        b"jednostka", key, cert, None, serialization.BestAvailableEncryption(PASSWORD.encode())
    )
    return p12, cert.public_bytes(serialization.Encoding.PEM)


async def _upload(api, p12: bytes, password: str = PASSWORD):
    return await api.post(
        "/api/v1/signing/certificate",
        files={"file": ("jednostka.p12", p12, "application/x-pkcs12")},
        data={"password": password},
    )


async def test_certificate_upload_keeps_the_password_sealed(api, session, unit_cert, caplog):
    p12, _pem = unit_cert
    bad = await _upload(api, p12, "złe hasło")
    assert bad.status_code == 422
    assert "złe hasło" not in bad.text
    assert "Tajne" not in bad.text
    r = await _upload(api, p12)
    assert r.status_code == 201, r.text
    assert r.json()["serial"] == format(4242, "x")
    assert PASSWORD not in r.text
    assert PASSWORD not in caplog.text
    row = await session.scalar(
        select(UnitCertificate)
        .where(UnitCertificate.active.is_(True))
        .options(undefer(UnitCertificate.password_sealed))
    )
    assert PASSWORD.encode() not in row.password_sealed
    assert keystore.unseal(row.password_sealed, "test-secret-key-0123456789abcdef0123456789") == (
        PASSWORD
    )
    got = (await api.get("/api/v1/signing/certificate")).json()
    assert set(got) == {"subject", "serial", "not_before", "not_after", "fingerprint", "created_by"}


async def test_signed_title_verifies_and_the_package_carries_every_file(api, unit_cert):
    p12, pem = unit_cert
    _rid, tid = await _titled(api)
    no_cert = await api.get(f"/api/v1/titles/{tid}/signed.xml")
    assert no_cert.status_code == 409
    await _upload(api, p12)
    r = await api.get(f"/api/v1/titles/{tid}/signed.xml")
    assert r.status_code == 200, r.text
    assert b"http://uri.etsi.org/01903/v1.3.2#" in r.content  # XAdES signed properties
    signed = xades.verify(r.content, pem)
    assert signed.tag == "{http://crd.gov.pl/wzor/2021/06/15/10693/}Dokument"
    tampered = r.content.replace(b"TW/UM/1/2025", b"TW/UM/9/2025")
    with pytest.raises(Exception):  # noqa: B017, PT011 (signxml raises its own InvalidDigest)
        xades.verify(tampered, pem)

    h = (await api.post("/api/v1/handoffs", json={"issued_on": "2025-04-14"})).json()
    z = await api.get(f"/api/v1/handoffs/{h['id']}/package.zip")
    names = zipfile.ZipFile(io.BytesIO(z.content)).namelist()
    assert names == ["P-UM-1-2025.xml", "TW-UM-1-2025.xml"]
    for name in names:
        xades.verify(zipfile.ZipFile(io.BytesIO(z.content)).read(name), pem)

    sent = await api.post(f"/api/v1/handoffs/{h['id']}/send", json={"address": "nie-ade"})
    assert sent.status_code == 422
    sent = await api.post(
        f"/api/v1/handoffs/{h['id']}/send", json={"address": "AE:PL-11111-22222-UMWLO-01"}
    )
    assert sent.status_code == 201, sent.text
    assert (sent.json()["provider"], sent.json()["status"]) == ("reczny", "do_wyslania")
    upo = b'<?xml version="1.0"?><UPO><NumerReferencyjny>ETW-1</NumerReferencyjny></UPO>'
    r = await api.post(f"/api/v1/handoffs/{h['id']}/upo", files={"file": ("upo.xml", upo, "x")})
    assert r.status_code == 201, r.text
    assert r.json()["status"] == "potwierdzono"
    assert (await api.get(r.json()["upo_url"])).content == upo
    again = await api.post(f"/api/v1/handoffs/{h['id']}/upo", files={"file": ("u.xml", upo, "x")})
    assert again.status_code == 409


async def test_the_title_records_its_form_version(api):
    rid, tid = await _titled(api)
    card = (await api.get(f"/api/v1/receivables/{rid}")).json()
    assert [d["kind"] for d in card["documents"]][-1] == "tytul_wykonawczy"
    r = await api.get(f"/api/v1/titles/{tid}.xml")
    assert b'kodSystemowy="TW-1(5)"' in r.content
