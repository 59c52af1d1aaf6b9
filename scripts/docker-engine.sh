#!/usr/bin/env bash
# Makes a Docker engine answer on this machine (docs/containers.md "The Docker engine"), for the tests and
# paths that need containers. Already running: says so. Missing: as root with apt-get, installs Debian's
# docker.io (and mmdebstrap, which `thap tools install --images` uses to build a base image when no registry
# answers) and starts `dockerd` in its own session, logging to $THAP_DOCKERD_LOG. Neither possible: says why
# and exits 0, so the tests that need Docker skip with their reason.
set -euo pipefail
log="${THAP_DOCKERD_LOG:-/var/log/thap-dockerd.log}"

engine_answers() { docker info >/dev/null 2>&1; }

if command -v docker >/dev/null 2>&1 && engine_answers; then
  echo "docker engine: running ($(docker info --format '{{.ServerVersion}}' 2>/dev/null))"
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "docker engine: not running, and it cannot be installed here (needs root and apt-get): the tests that need Docker skip"
  exit 0
fi
if ! command -v dockerd >/dev/null 2>&1 || ! command -v mmdebstrap >/dev/null 2>&1; then
  echo "docker engine: installing docker.io and mmdebstrap (apt-get)"
  apt_get() { DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 "$@"; }
  apt_get update -qq
  apt_get install -y -qq --no-install-recommends docker.io mmdebstrap >/dev/null
fi
if ! engine_answers; then
  echo "docker engine: starting dockerd (log: $log)"
  # dockerd outlives this script, so it must not keep what the caller opened: a `flock` held around .ci/run
  # would otherwise stay held by the engine (and its containerd) long after the run ended.
  (
    for fd in /proc/self/fd/*; do
      n=${fd##*/}
      if [ "$n" -gt 2 ]; then eval "exec $n>&-" 2>/dev/null || true; fi
    done
    exec setsid dockerd >"$log" 2>&1 </dev/null
  ) &
  for _ in $(seq 1 60); do
    engine_answers && break
    sleep 1
  done
fi
if engine_answers; then
  echo "docker engine: running ($(docker info --format '{{.ServerVersion}}' 2>/dev/null))"
else
  echo "docker engine: dockerd did not answer within 60 s (see $log): the tests that need Docker skip"
  tail -n 20 "$log" || true
fi
