"""Harvests /oai with Sickle and checks every record against `bargain export`'s bag.

Usage: harvest.py BASE_URL BAG_DATA_DIR PUBLIC_PEM NEGOTIATIONS

Each record of the formats bargain-contract and bargain-congress is compared with the file of
the same document in the bag, both in exclusive canonical form with the ds:Signature element
removed and the export time (deposit/exportedAt) set aside: those two differ between any two
exports (an ECDSA signature is randomised, the time is the time of writing). Sickle parses
responses dropping whitespace-only text, so the bag's file is read the same way for the
comparison. Every 500th record is taken from the response as served (Sickle's iterator keeps it
as `oai_response.raw`), written out on its own and checked with `xmlsec1 --verify`: the signature
the server made holds for the document a harvester keeps.
"""

import os
import subprocess
import sys
import tempfile
import time

from lxml import etree
from sickle import Sickle

OAI = "{http://www.openarchives.org/OAI/2.0/}"
DSIG = "{http://www.w3.org/2000/09/xmldsig#}"
EXPORT_TIME = {"{urn:bargain:contract:1.0}exportedAt", "{urn:bargain:congress:1.0}exportedAt"}


AS_SICKLE_READS = etree.XMLParser(remove_blank_text=True)


def canonical(element):
    """The element, signature removed and export time blanked, in exclusive C14N."""
    element = etree.fromstring(etree.tostring(element))
    for signature in element.iter(DSIG + "Signature"):
        signature.getparent().remove(signature)
    for stamp in element.iter(*EXPORT_TIME):
        stamp.text = "-"
    return etree.tostring(element, method="c14n", exclusive=True)


def verify_signature(raw_response, identifier, public_pem):
    """The record `identifier` of the response text, as its own document, checked by xmlsec1."""
    root = etree.fromstring(raw_response.encode("utf-8"))
    record = next(r for r in root.iter(OAI + "record") if r.findtext(f"{OAI}header/{OAI}identifier") == identifier)
    element = record.find(OAI + "metadata")[0]
    with tempfile.NamedTemporaryFile(suffix=".xml", delete=False) as handle:
        handle.write(etree.tostring(element, xml_declaration=True, encoding="UTF-8"))
        path = handle.name
    try:
        result = subprocess.run(["xmlsec1", "--verify", "--pubkey-pem", public_pem, path], capture_output=True, text=True)
        assert result.returncode == 0, f"xmlsec1 refuses the harvested record: {result.stderr}"
    finally:
        os.unlink(path)


def main():
    base, data, public_pem, negotiations = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    sickle = Sickle(base, max_retries=2, timeout=300)
    identify = sickle.Identify()
    assert identify.protocolVersion == "2.0" and identify.deletedRecord == "no", identify
    total, signatures, started = 0, 0, time.time()
    for prefix, suffix, expected in (("bargain-contract", ".contract.xml", negotiations),
                                     ("bargain-congress", ".congress.xml", 2 * negotiations)):
        seen = set()
        records = sickle.ListRecords(metadataPrefix=prefix, ignore_deleted=False)
        for record in records:
            identifier = record.header.identifier
            assert identifier not in seen, f"{identifier} harvested twice"
            seen.add(identifier)
            document_id = identifier.rsplit(":", 1)[1]
            metadata = record.xml.find(OAI + "metadata")
            assert metadata is not None and len(metadata) == 1, f"{identifier}: no metadata"
            harvested = metadata[0]
            exported = etree.parse(os.path.join(data, document_id + suffix), AS_SICKLE_READS).getroot()
            if canonical(harvested) != canonical(exported):
                import difflib
                diff = difflib.unified_diff(canonical(exported).decode().splitlines(), canonical(harvested).decode().splitlines(), lineterm="")
                sys.exit(f"harvest: {identifier} differs from the exported {document_id}{suffix}:\n" + "\n".join(list(diff)[:40]))
            total += 1
            if total % 500 == 1:
                verify_signature(records.oai_response.raw, identifier, public_pem)
                signatures += 1
        assert len(seen) == expected, f"{prefix}: harvested {len(seen)} records, expected {expected}"
        print(f"harvest: {prefix}: {len(seen)} records identical to the export", file=sys.stderr)
    elapsed = time.time() - started
    print(f"harvest: {total} records by Sickle in {elapsed:.0f} s ({total / elapsed:.0f} records/s), "
          f"{signatures} signatures verified by xmlsec1", file=sys.stderr)


if __name__ == "__main__":
    main()
