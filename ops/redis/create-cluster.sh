#!/bin/sh
# create-cluster.sh HOST[:PORT]...: make a Redis Cluster of these nodes (port 6379 unless
# given), three primaries with a replica each for six, as the cluster's own user (its
# password in REDISCLI_AUTH); a cluster already made is left as it is, so a restart of
# compose.cluster.yml's one-shot service changes nothing. redis-cli's CLUSTER MEET takes
# addresses, not host names: each host is resolved first.
set -eu
first=$1
case $first in *:*) ;; *) first=$first:6379 ;; esac
if redis-cli -h "${first%:*}" -p "${first##*:}" --user cluster cluster info \
        | grep -q '^cluster_state:ok'; then
    echo "create-cluster: the cluster is made already"
    exit 0
fi
addresses=""
for node in "$@"; do
    case $node in *:*) host=${node%:*} port=${node##*:} ;; *) host=$node port=6379 ;; esac
    address=$(getent hosts "$host" | cut -d ' ' -f 1 | head -n 1)
    if [ -z "$address" ]; then
        echo "create-cluster: $host has no address" >&2
        exit 2
    fi
    addresses="$addresses $address:$port"
done
# shellcheck disable=SC2086  # one argument per node
exec redis-cli --user cluster --cluster create $addresses --cluster-replicas 1 --cluster-yes
