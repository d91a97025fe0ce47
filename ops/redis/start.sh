#!/bin/sh
# The compose Redis: its users rendered with the hashes of their passwords (kept out of
# every file), then Redis with them and ops/redis/redis.conf; arguments are passed on to
# redis-server. The passwords leave the environment before Redis starts; the health
# check reads the container's own.
set -eu
here=${REDIS_CONF_DIR:-/usr/local/etc/redis}
users=${TMPDIR:-/tmp}/users.acl
sh "$here/render-acl.sh" "$here/users.acl" "$users"
unset REDIS_INGEST_PASSWORD REDIS_CONDUCTOR_PASSWORD REDIS_PROJECTOR_PASSWORD REDIS_OPERATOR_PASSWORD REDIS_CONSOLE_PASSWORD
exec redis-server "$here/redis.conf" --aclfile "$users" "$@"
