#!/bin/sh
# The compose Redis: its users rendered with the hashes of their passwords (kept out of
# every file), then Redis with them. The passwords leave the environment before Redis
# starts; the health check reads the container's own.
set -eu
here=/usr/local/etc/redis
sh "$here/render-acl.sh" "$here/users.acl" /tmp/users.acl
unset REDIS_INGEST_PASSWORD REDIS_CONDUCTOR_PASSWORD REDIS_PROJECTOR_PASSWORD REDIS_OPERATOR_PASSWORD
exec redis-server "$here/redis.conf" --aclfile /tmp/users.acl
