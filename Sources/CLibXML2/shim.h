#ifndef BARGAIN_CLIBXML2_SHIM_H
#define BARGAIN_CLIBXML2_SHIM_H

#include <stdlib.h>
#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlmemory.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlversion.h>

/// `xmlFree` is a global function pointer, which Swift 6 refuses as not concurrency-safe.
static inline void bargain_xmlFree(void *pointer) { xmlFree(pointer); }

/// The runtime version of the linked libxml2 (e.g. 20914), for diagnostics and tests.
static inline int bargain_xmlRuntimeVersion(void) { return atoi(xmlParserVersion); }

#endif
