#ifndef SUIVI_CXML2_SHIM_H
#define SUIVI_CXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU; its <unicode/...> headers clash with Foundation's copy of ICU.
   suivi never uses ICU-backed encoders (only pointers to encoding handlers pass through), so the
   ICU part of <libxml/encoding.h> is left out. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#endif
