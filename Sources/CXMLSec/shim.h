#ifndef BARGAIN_CXMLSEC_SHIM_H
#define BARGAIN_CXMLSEC_SHIM_H

/* xmlsec's headers include libxml2's, which include the system ICU when libxml2 was built with
 * it; ICU's UErrorCode clashes with Foundation's. As in CLibXML2, the flag is turned off before
 * any other libxml2 header (see shared/design/PLATFORM.md). */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

/* The defines of `pkg-config --cflags xmlsec1-openssl`, which SwiftPM drops ("prohibited flags").
 * They are part of the library's ABI: Debian builds xmlsec with xmlSecSize = unsigned int
 * (XMLSEC_NO_SIZE_T) and the OpenSSL back end linked in, not loaded. */
#define XMLSEC_NO_SIZE_T 1
#define XMLSEC_CRYPTO_OPENSSL 1
#define XMLSEC_NO_CRYPTO_DYNAMIC_LOADING 1
#define XMLSEC_OPENSSL3_ENGINES 1
#define XMLSEC_NO_GOST 1
#define XMLSEC_NO_GOST2012 1
#define __XMLSEC_FUNCTION__ __func__

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlmemory.h>
#include <xmlsec/xmlsec.h>
#include <xmlsec/xmltree.h>
#include <xmlsec/xmldsig.h>
#include <xmlsec/templates.h>
#include <xmlsec/errors.h>
#include <xmlsec/openssl/app.h>
#include <xmlsec/openssl/crypto.h>

/* The sequences of xmlsec calls that sign and verify, here rather than in Swift: they name
 * transforms through macros (xmlSecTransformExclC14NId…), set fields of xmlSecDSigCtx and free
 * through xmlFree, none of which Swift can call directly. Each takes and returns plain bytes. */

/* Once per process: libxml2, xmlsec, its OpenSSL back end; xmlsec's own error printing off (the
 * caller reports failures in its own words). 0 on success. */
static inline int bargain_xmlsec_init(void) {
    xmlInitParser();
    if (xmlSecInit() < 0) return -1;
    if (xmlSecCheckVersion() != 1) return -2;
    if (xmlSecOpenSSLAppInit(NULL) < 0) return -3;
    if (xmlSecOpenSSLInit() < 0) return -4;
    xmlSecErrorsSetCallback(NULL);
    return 0;
}

/* The first element named `name` (any namespace), depth first; NULL when there is none. */
static inline xmlNodePtr bargain_xmlsec_find(xmlNodePtr node, const char *name) {
    for (; node != NULL; node = node->next) {
        if (node->type != XML_ELEMENT_NODE) continue;
        if (xmlStrEqual(node->name, BAD_CAST name)) return node;
        xmlNodePtr found = bargain_xmlsec_find(node->children, name);
        if (found != NULL) return found;
    }
    return NULL;
}

/* Appends an enveloped signature to the first element named `parentName` (the root when NULL;
 * Akoma Ntoso allows foreign elements only in meta/proprietary): exclusive C14N, ECDSA-SHA256 over a SHA-256
 * digest of the whole document (Reference URI=""), then KeyInfo/KeyValue/dsig11:ECKeyValue with
 * the P-256 public key `publicKeyBase64` (xmlsec 1.2 cannot write an EC key value itself; KeyInfo
 * lies outside SignedInfo, so adding it after signing leaves the signature intact).
 * 0: *out (free with bargain_xmlsec_free) holds the signed document; -2: the key is unusable;
 * -1: anything else. */
static inline int bargain_xmlsec_sign(const char *xml, int xmlLength, const char *parentName, const xmlSecByte *keyPEM,
                                      xmlSecSize keyLength, const char *publicKeyBase64, xmlChar **out, int *outLength) {
    int rc = -1;
    xmlSecDSigCtxPtr context = NULL;
    xmlDocPtr doc = xmlReadMemory(xml, xmlLength, NULL, "UTF-8", XML_PARSE_NONET);
    *out = NULL;
    if (doc == NULL || xmlDocGetRootElement(doc) == NULL) goto done;
    xmlNodePtr signature = xmlSecTmplSignatureCreate(doc, xmlSecTransformExclC14NId, xmlSecOpenSSLTransformEcdsaSha256Id, NULL);
    if (signature == NULL) goto done;
    xmlNodePtr parent = parentName == NULL ? xmlDocGetRootElement(doc) : bargain_xmlsec_find(xmlDocGetRootElement(doc), parentName);
    if (parent == NULL || xmlAddChild(parent, signature) == NULL) goto done;
    xmlNodePtr reference = xmlSecTmplSignatureAddReference(signature, xmlSecOpenSSLTransformSha256Id, NULL, BAD_CAST "", NULL);
    if (reference == NULL || xmlSecTmplReferenceAddTransform(reference, xmlSecTransformEnvelopedId) == NULL
        || xmlSecTmplReferenceAddTransform(reference, xmlSecTransformExclC14NId) == NULL) goto done;
    context = xmlSecDSigCtxCreate(NULL);
    if (context == NULL) goto done;
    context->signKey = xmlSecOpenSSLAppKeyLoadMemory(keyPEM, keyLength, xmlSecKeyDataFormatPem, NULL, NULL, NULL);
    if (context->signKey == NULL) { rc = -2; goto done; }
    if (xmlSecDSigCtxSign(context, signature) < 0) goto done;
    xmlNodePtr keyInfo = xmlSecTmplSignatureEnsureKeyInfo(signature, NULL);
    xmlNodePtr keyValue = keyInfo == NULL ? NULL : xmlSecTmplKeyInfoAddKeyValue(keyInfo);
    if (keyValue == NULL) goto done;
    xmlNodePtr ec = xmlNewChild(keyValue, NULL, BAD_CAST "ECKeyValue", NULL);
    xmlNsPtr dsig11 = ec == NULL ? NULL : xmlNewNs(ec, BAD_CAST "http://www.w3.org/2009/xmldsig11#", BAD_CAST "dsig11");
    if (dsig11 == NULL) goto done;
    xmlSetNs(ec, dsig11);
    xmlNodePtr curve = xmlNewChild(ec, dsig11, BAD_CAST "NamedCurve", NULL);
    if (curve == NULL || xmlNewProp(curve, BAD_CAST "URI", BAD_CAST "urn:oid:1.2.840.10045.3.1.7") == NULL
        || xmlNewTextChild(ec, dsig11, BAD_CAST "PublicKey", BAD_CAST publicKeyBase64) == NULL) goto done;
    xmlDocDumpMemoryEnc(doc, out, outLength, "UTF-8");
    rc = *out == NULL ? -1 : 0;
done:
    if (context != NULL) xmlSecDSigCtxDestroy(context);
    if (doc != NULL) xmlFreeDoc(doc);
    return rc;
}

/* The ds:Signature elements at and below `node` and its following siblings. */
static inline int bargain_xmlsec_count_signatures(xmlNodePtr node) {
    int count = 0;
    for (; node != NULL; node = node->next) {
        if (node->type != XML_ELEMENT_NODE) continue;
        if (xmlSecCheckNodeName(node, xmlSecNodeSignature, xmlSecDSigNs)) count += 1;
        count += bargain_xmlsec_count_signatures(node->children);
    }
    return count;
}

/* Verifies the enveloped signature of `xml` with the public key `keyPEM`, accepting only what
 * bargain_xmlsec_sign writes: one ds:Signature; one Reference, URI="" (the whole document but
 * the signature itself, so no part can be wrapped or swapped); enveloped + exclusive C14N,
 * SHA-256, ECDSA-SHA256. 1: valid; 0: the document or signature was changed; -3: no signature; -4: not in
 * the accepted form; -2: the key is unusable; -1: anything else. */
static inline int bargain_xmlsec_verify(const char *xml, int xmlLength, const xmlSecByte *keyPEM, xmlSecSize keyLength) {
    int rc = -1;
    xmlSecDSigCtxPtr context = NULL;
    xmlDocPtr doc = xmlReadMemory(xml, xmlLength, NULL, "UTF-8", XML_PARSE_NONET);
    if (doc == NULL || xmlDocGetRootElement(doc) == NULL) goto done;
    xmlNodePtr signature = xmlSecFindNode(xmlDocGetRootElement(doc), xmlSecNodeSignature, xmlSecDSigNs);
    if (signature == NULL) { rc = -3; goto done; }
    if (bargain_xmlsec_count_signatures(xmlDocGetRootElement(doc)) != 1) { rc = -4; goto done; }
    context = xmlSecDSigCtxCreate(NULL);
    if (context == NULL) goto done;
    context->flags |= XMLSEC_DSIG_FLAGS_STORE_SIGNEDINFO_REFERENCES | XMLSEC_DSIG_FLAGS_IGNORE_MANIFESTS;
    context->enabledReferenceUris = xmlSecTransformUriTypeEmpty;
    if (xmlSecDSigCtxEnableReferenceTransform(context, xmlSecTransformEnvelopedId) < 0
        || xmlSecDSigCtxEnableReferenceTransform(context, xmlSecTransformExclC14NId) < 0
        || xmlSecDSigCtxEnableReferenceTransform(context, xmlSecOpenSSLTransformSha256Id) < 0
        || xmlSecDSigCtxEnableSignatureTransform(context, xmlSecTransformExclC14NId) < 0
        || xmlSecDSigCtxEnableSignatureTransform(context, xmlSecOpenSSLTransformEcdsaSha256Id) < 0) goto done;
    context->signKey = xmlSecOpenSSLAppKeyLoadMemory(keyPEM, keyLength, xmlSecKeyDataFormatPem, NULL, NULL, NULL);
    if (context->signKey == NULL) { rc = -2; goto done; }
    if (xmlSecDSigCtxVerify(context, signature) < 0) { rc = -4; goto done; }
    if (xmlSecPtrListGetSize(&(context->signedInfoReferences)) != 1) { rc = -4; goto done; }
    rc = context->status == xmlSecDSigStatusSucceeded ? 1 : 0;
done:
    if (context != NULL) xmlSecDSigCtxDestroy(context);
    if (doc != NULL) xmlFreeDoc(doc);
    return rc;
}

static inline void bargain_xmlsec_free(xmlChar *bytes) { xmlFree(bytes); }

#endif
