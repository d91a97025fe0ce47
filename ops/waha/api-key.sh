#!/bin/sh
# compose's waha-api-key service, run before WAHA and the conductors start: the API key
# they share, in the volume mounted at $WAHA_API_KEY_DIR (default /run/waha-api-key).
#   plain   the key itself: the conductor sends it as X-Api-Key (WAHA_API_KEY_FILE)
#   sha512  "sha512:" and its SHA-512 in hex, the form WAHA recommends for WAHA_API_KEY
#           (waha-docs, content/docs/how-to/security/index.md): WAHA holds no key
# The key is WAHA_API_KEY from .env when set, else the one made on a first start, else a
# new random one (32 bytes): left empty, WAHA would make up a key of its own at start and
# refuse every send with 401. Nothing here ever prints the key.
set -eu
dir="${WAHA_API_KEY_DIR:-/run/waha-api-key}"
umask 077
if [ -n "${WAHA_API_KEY:-}" ]; then
    case "$WAHA_API_KEY" in
        sha512:*)
            echo "waha-api-key: WAHA_API_KEY in .env must be the plain key: WAHA is given its sha512: form here" >&2
            exit 2 ;;
    esac
    key="$WAHA_API_KEY"
    if [ "${#key}" -lt 32 ]; then
        echo "waha-api-key: WAHA_API_KEY in .env is shorter than 32 bytes: use a random one (openssl rand -hex 32)" >&2
        exit 2
    fi
elif [ -s "$dir/plain" ]; then
    key="$(cat "$dir/plain")"
else
    key="$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')"
fi
digest="$(printf '%s' "$key" | sha512sum | cut -d ' ' -f 1)"
rm -f "$dir/plain.new" "$dir/sha512.new"
printf '%s' "$key" > "$dir/plain.new"
printf 'sha512:%s' "$digest" > "$dir/sha512.new"
if [ "$(id -u)" = 0 ]; then
    chown 10001 "$dir/plain.new"  # the conductor image's user
fi
chmod 0400 "$dir/plain.new" "$dir/sha512.new"
mv -f "$dir/plain.new" "$dir/plain"
mv -f "$dir/sha512.new" "$dir/sha512"
echo "waha-api-key: WAHA's API key is in place (WAHA holds its sha512: form)"
