"""The operator's e-Doręczenia evidence (ETSI EN 319 522) for tests.

Built here from the published description, not copied from any file: the element names as a
public XSL visualisation of e-Doręczenia evidence reads them (root ns2:Evidence in
http://uri.etsi.org/19522/v1#, EvidenceIdentifier, ERDSEventId, EventTime and SubmissionTime in
UTC, RecipientDetails/Identifier = the ADE; some children unqualified) and the event URIs of
EN 319 522-3 (…/19522/Event/<event>). See the docstring of app/edelivery/proofs.py."""

ADE = "AE:PL-51297-53987-VUTIV-32"


def etsi_evidence(event: str, at: str, sent: str = "2025-03-03T09:00:00Z", ade: str = ADE) -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<ns2:Evidence xmlns:ns2="http://uri.etsi.org/19522/v1#"
    xmlns:ns3="urn:oasis:names:tc:SAML:2.0:assertion">
  <ns2:EvidenceIdentifier>EV-2025-0001</ns2:EvidenceIdentifier>
  <ns2:ERDSEventId>http://uri.etsi.org/19522/Event/{event}</ns2:ERDSEventId>
  <EventTime>{at}</EventTime>
  <ns2:SubmissionTime>{sent}</ns2:SubmissionTime>
  <ns2:SenderDetails><Identifier>AE:PL-00000-00000-AAAAA-00</Identifier></ns2:SenderDetails>
  <ns2:RecipientDetails>
    <ns2:Identity>
      <ns3:Attribute FriendlyName="LegalName"><ns3:AttributeValue>Anna Nowak</ns3:AttributeValue>
      </ns3:Attribute>
    </ns2:Identity>
    <Identifier>{ade}</Identifier>
  </ns2:RecipientDetails>
</ns2:Evidence>""".encode()
