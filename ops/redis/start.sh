#!/bin/sh
# The compose Redis: its users rendered with the hashes of their passwords (kept out of
# every file), then Redis with them and ops/redis/redis.conf; arguments are passed on to
# redis-server. The passwords leave the environment before Redis starts; the health
# check reads the container's own.
# A node of a Redis Cluster (compose.cluster.yml: REDIS_CLUSTER_PASSWORD set) also gets the
# cluster's own user (cluster-users.acl), follows its primary as it, and is started
# cluster-enabled; the replication password is in a file readable by Redis alone, removed
# once Redis has read it.
set -eu
here=${REDIS_CONF_DIR:-/usr/local/etc/redis}
users=${TMPDIR:-/tmp}/users.acl
sh "$here/render-acl.sh" "$here/users.acl" "$users"
conf="$here/redis.conf"
if [ -n "${REDIS_CLUSTER_PASSWORD:-}" ]; then
    sh "$here/render-acl.sh" "$here/cluster-users.acl" "$users.cluster"
    cat "$users.cluster" >> "$users"
    rm -f "$users.cluster"
    conf=${TMPDIR:-/tmp}/redis-cluster.conf
    (umask 077; printf 'include %s\ncluster-enabled yes\ncluster-config-file nodes.conf\nmasteruser cluster\nmasterauth "%s"\n' \
        "$here/redis.conf" "$REDIS_CLUSTER_PASSWORD" > "$conf")
    (sleep 5; rm -f "$conf") &
fi
unset REDIS_INGEST_PASSWORD REDIS_CONDUCTOR_PASSWORD REDIS_PROJECTOR_PASSWORD REDIS_OPERATOR_PASSWORD REDIS_CONSOLE_PASSWORD REDIS_CLUSTER_PASSWORD
exec redis-server "$conf" --aclfile "$users" "$@"
