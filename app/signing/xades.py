"""XAdES signatures of the title XML and the notices (issue 17 item 4), made by signxml (a
maintained XML-DSig/XAdES library; no crypto of our own): an enveloped XAdES-BES signature over
the whole document, RSA/ECDSA with SHA-256, the signing certificate in KeyInfo and in the signed
properties. eTW accepts an enveloped XAdES signature (NOTES [S6][S8])."""

from __future__ import annotations

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from lxml import etree
from signxml import SignatureMethod  # type: ignore[import-untyped]
from signxml.xades import XAdESSigner, XAdESVerifier  # type: ignore[import-untyped]

from app.signing.keystore import Opened


def sign(document: bytes, opened: Opened) -> bytes:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False)
    root = etree.fromstring(document, parser)
    method = (
        SignatureMethod.ECDSA_SHA256
        if isinstance(opened.key, ec.EllipticCurvePrivateKey)
        else SignatureMethod.RSA_SHA256
    )
    signer = XAdESSigner(signature_algorithm=method, digest_algorithm="sha256")
    certs = [
        c.public_bytes(serialization.Encoding.PEM).decode()
        for c in [opened.certificate, *opened.chain]
    ]
    signed = signer.sign(root, key=opened.key, cert=certs)
    return etree.tostring(signed, xml_declaration=True, encoding="UTF-8")


def verify(signed: bytes, certificate_pem: bytes) -> etree._Element:
    """The signed content, if the signature is valid for the certificate (tests, and a check
    before a package leaves)."""
    results = XAdESVerifier().verify(
        signed, x509_cert=certificate_pem.decode(), expect_references=3
    )
    return results[0].signed_xml  # type: ignore[no-any-return]
