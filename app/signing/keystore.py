"""The unit's signing certificate (PKCS#12 uploaded by the admin). The file stays as uploaded; its
password is sealed with Fernet (AES-128-CBC + HMAC-SHA256, from `cryptography`) under a key
derived from the application's secret key by HKDF-SHA256, so the database alone does not open the
key. The password is never logged, returned or put in an error message. Changing
WINDYKACJA_SECRET_KEY makes the sealed password unreadable: upload the certificate again."""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from datetime import datetime

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509 import Certificate

MAX_PKCS12 = 64 * 1024
_INFO = b"windykacja: PKCS#12 password of the unit certificate"


class KeystoreError(ValueError):
    pass


def _fernet(secret_key: str) -> Fernet:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_INFO).derive(
        secret_key.encode()
    )
    return Fernet(base64.urlsafe_b64encode(key))


def seal(password: str, secret_key: str) -> bytes:
    return _fernet(secret_key).encrypt(password.encode())


def unseal(sealed: bytes, secret_key: str) -> str:
    try:
        return _fernet(secret_key).decrypt(sealed).decode()
    except InvalidToken:
        raise KeystoreError(
            "Nie można odczytać hasła certyfikatu (zmieniono klucz aplikacji?): wgraj certyfikat "
            "ponownie"
        ) from None


@dataclass(frozen=True)
class Opened:
    key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey
    certificate: Certificate
    chain: list[Certificate]

    @property
    def fingerprint(self) -> str:
        der = self.certificate.public_bytes(serialization.Encoding.DER)
        return hashlib.sha256(der).hexdigest()

    @property
    def not_before(self) -> datetime:
        return self.certificate.not_valid_before_utc

    @property
    def not_after(self) -> datetime:
        return self.certificate.not_valid_after_utc


def open_pkcs12(data: bytes, password: str) -> Opened:
    """The key and certificate of a PKCS#12 file; a wrong password or a file that is not one gives
    the same message (nothing about the password)."""
    if not data or len(data) > MAX_PKCS12:
        raise KeystoreError("Plik certyfikatu jest pusty albo za duży (najwyżej 64 KB)")
    try:
        key, cert, chain = pkcs12.load_key_and_certificates(data, password.encode() or None)
    except (ValueError, TypeError):
        raise KeystoreError("Nie można otworzyć pliku PKCS#12: zły plik albo hasło") from None
    if cert is None or not isinstance(key, rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey):
        raise KeystoreError("Plik PKCS#12 nie zawiera klucza RSA/EC z certyfikatem")
    return Opened(key, cert, list(chain or []))
