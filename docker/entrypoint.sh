#!/bin/sh
# The thap image's entrypoint: `docker run IMAGE run scenario.yaml ...` runs thap; a first argument that is a
# TypeScript file runs that file with tsx from the repository at /app (the Kubernetes manifests start the
# mocks, the harness endpoint and the reference clients this way: `src/stack/container/serveMocks.ts`).
set -e
case "${1:-}" in
  *.ts) exec node --import tsx "$@" ;;
  *) exec node /app/bin/thap.js "$@" ;;
esac
