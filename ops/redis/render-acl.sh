#!/bin/sh
# render-acl.sh USERS_ACL OUTPUT: USERS_ACL as Redis's aclfile reads it: its comments and
# blank lines dropped (Redis refuses them), each <REDIS_<USER>_PASSWORD> marker replaced by
# the SHA-256 of that variable's value (Redis's "#<hash>" form), so the file never holds a
# password. Each variable must be set, 32 characters at least.
set -eu
umask 077
source_file=$1
output=$2
rendered=$(grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' "$source_file")
for name in $(grep -o '<REDIS_[A-Z]*_PASSWORD>' "$source_file" | tr -d '<>' | sort -u); do
    value=$(printenv "$name" || true)
    if [ "${#value}" -lt 32 ]; then
        echo "render-acl: $name must be set to at least 32 characters" >&2
        exit 2
    fi
    hash=$(printf '%s' "$value" | sha256sum | cut -d ' ' -f 1)
    rendered=$(printf '%s\n' "$rendered" | sed "s/<$name>/#$hash/")
done
printf '%s\n' "$rendered" > "$output"
