#ifndef BARGAIN_CLIBXML2_SHIM_H
#define BARGAIN_CLIBXML2_SHIM_H

#include <stdlib.h>

/* libxml2 2.9.14 is built with ICU, and <libxml/encoding.h> then includes the system ICU headers,
 * whose UErrorCode clashes with Foundation's bundled ICU in any module that sees both: a target
 * importing Foundation and XMLCore failed to compile. Turning the flag off before any other libxml2
 * header keeps ICU out of this module. It only hides two trailing pointer fields of
 * xmlCharEncodingHandler, which XMLCore never touches; the library itself is unchanged. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlmemory.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlwriter.h>

/// `xmlFree` is a global function pointer, which Swift 6 refuses as not concurrency-safe.
static inline void bargain_xmlFree(void *pointer) { xmlFree(pointer); }

/// The runtime version of the linked libxml2 (e.g. 20914), for diagnostics and tests.
static inline int bargain_xmlRuntimeVersion(void) { return atoi(xmlParserVersion); }

#endif
