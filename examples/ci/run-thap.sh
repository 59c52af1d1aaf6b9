#!/bin/sh
# Runs a thap scenario against a client that is already running, from the thap image: neither Node nor Go is
# needed on the runner, only Docker. The GitHub Actions and GitLab CI templates beside this file call it, and
# test/thapImage.e2e.test.ts runs it as they do.
#
#   examples/ci/run-thap.sh SCENARIO TARGET_URL [REPORTS_DIR]
#
# The client must listen on the Docker host's loopback and call each NIC service through thap's Toxiproxy at
# http://127.0.0.1:21001 (ehospital), :21002 (icmr), :21003 (abdm), :21004 (sms), :21005 (payment)
# (docs/client-contract.md). The scenario goes in and the reports come out with `docker cp`, so a remote
# Docker daemon (GitLab's Docker-in-Docker) works as well as a local one. Reports land in
# REPORTS_DIR/<run id>/ (report.json, junit.xml, report.html).
# Exit code is thap's: 0 the client passed, 1 it failed a gate, 2 bad input, 3 the environment or an invalid run.
set -eu
scenario="$1"
target="$2"
reports="${3:-reports}"
id=$(docker create --network host "${THAP_IMAGE:-thap:0.1.0}" run /app/ci-scenario.yaml --target "$target" --out /app/ci-reports --ci)
trap 'docker rm -f "$id" >/dev/null 2>&1 || true' EXIT
docker cp "$scenario" "$id:/app/ci-scenario.yaml"
code=0
docker start -a "$id" || code=$?
mkdir -p "$reports"
docker cp "$id:/app/ci-reports/." "$reports/" || true
exit "$code"
