#ifndef SUIVI_CGIT2_SHIM_H
#define SUIVI_CGIT2_SHIM_H
#include <git2.h>
#endif
