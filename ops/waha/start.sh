#!/bin/sh
# WAHA's entrypoint in compose: WAHA_API_KEY is the sha512: form of the key the
# waha-api-key service put in place (ops/waha/api-key.sh), then WAHA's own entrypoint
# takes over (devlikeapro/waha, Dockerfile: CMD ["/entrypoint.sh"]).
set -eu
WAHA_API_KEY="$(cat "${WAHA_API_KEY_DIR:-/run/waha-api-key}/sha512")"
export WAHA_API_KEY
exec /entrypoint.sh "$@"
