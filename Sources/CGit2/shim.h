#ifndef SUIVI_CGIT2_SHIM_H
#define SUIVI_CGIT2_SHIM_H
#include <git2.h>

/* git_libgit2_opts is variadic, which Swift cannot call: one fixed-arity wrapper per option used. */

/* Process-wide: fsync every object, reference and lock file libgit2 writes before renaming it into place. */
static inline int suivi_git_enable_fsync_gitdir(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, enabled);
}

#endif
