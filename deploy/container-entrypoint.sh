#!/bin/sh
# Entry point of the container (Containerfile): prepares the register on the first start, then replaces itself
# with `suivi web` (PID 1 receives SIGTERM and exits cleanly). Arguments are passed to `suivi web`.
set -eu
registre="${SUIVI_REGISTRE:-/var/lib/suivi/registre}"
if [ ! -d "$registre/register.git" ]; then
    if [ -n "${SUIVI_DEPOT_INITIAL:-}" ]; then
        echo "suivi : premier lancement : clonage de la forge dans $registre" >&2
        suivi cloner "$SUIVI_DEPOT_INITIAL" "$registre"
    else
        echo "suivi : premier lancement : registre de démonstration (corpus livré) copié dans $registre" >&2
        cp -R /usr/share/suivi/registre-exemple "$registre"
    fi
fi
if [ -z "${SUIVI_CONFIG:-}" ] && [ -f /etc/suivi/suivi.conf ]; then
    export SUIVI_CONFIG=/etc/suivi/suivi.conf
fi
exec suivi web "$@"
