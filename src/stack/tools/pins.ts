/**
 * The pinned versions of the external tools thap drives. Every place that names a version (the Go build,
 * the version check of a binary found on PATH, docker-compose.yml, the container provider, the k8s
 * manifests) reads it from here; `test/compose.test.ts` checks the compose file agrees.
 */
/** `compose` is the Docker Compose CLI plugin, built only on request (`thap tools install --compose`). */
export type ToolName = 'k6' | 'toxiproxy' | 'compose';

export interface ToolPin {
  name: ToolName;
  /** The version without a leading `v`, as the binary reports it. */
  version: string;
  /** Go module that holds the command. */
  module: string;
  /** Go package path of the command to build. */
  pkg: string;
  /** Extra `-ldflags` for the build (Toxiproxy reads its version from a linker variable). */
  ldflags?: string;
  /** Oldest Go that builds this version without fetching a newer toolchain (the module's `go` line). */
  minGo: string;
  /** File name of the binary in the cache and on PATH. */
  binary: string;
  /** Arguments that make the binary print its version. */
  versionArgs: string[];
  /** The environment variable and CLI flag that name an explicit binary. */
  envVar: string;
  flag: string;
  /** Container image at the same version (testcontainers, Kubernetes); none for the compose plugin. */
  image?: string;
  /** What a missing tool disables (shown by `thap doctor`). */
  purpose: string;
}

export const toolPins = {
  k6: {
    name: 'k6',
    version: '2.2.0',
    module: 'go.k6.io/k6/v2',
    pkg: 'go.k6.io/k6/v2',
    // go.k6.io/k6/v2@v2.2.0 go.mod: `go 1.25.0`.
    minGo: '1.25',
    binary: 'k6',
    versionArgs: ['version'],
    envVar: 'THAP_K6_PATH',
    flag: '--k6',
    image: 'grafana/k6:2.2.0',
    purpose: 'load generation: `thap run` cannot send traffic',
  },
  toxiproxy: {
    name: 'toxiproxy',
    version: '2.12.0',
    module: 'github.com/Shopify/toxiproxy/v2',
    pkg: 'github.com/Shopify/toxiproxy/v2/cmd/server',
    // The release build sets this variable (goreleaser); without it the binary reports "git".
    ldflags: '-X github.com/Shopify/toxiproxy/v2.Version=2.12.0',
    // github.com/Shopify/toxiproxy/v2@v2.12.0 go.mod: `go 1.23.0`.
    minGo: '1.23',
    binary: 'toxiproxy-server',
    versionArgs: ['-version'],
    envVar: 'THAP_TOXIPROXY_PATH',
    flag: '--toxiproxy',
    image: 'ghcr.io/shopify/toxiproxy:2.12.0',
    purpose: 'network faults: `thap run` cannot put Toxiproxy between the client and the NIC mocks',
  },
  compose: {
    name: 'compose',
    version: '5.6.0',
    module: 'github.com/docker/compose/v5',
    pkg: 'github.com/docker/compose/v5/cmd',
    ldflags: '-X github.com/docker/compose/v5/internal.Version=v5.6.0',
    // github.com/docker/compose/v5@v5.6.0 go.mod: `go 1.26.8`.
    minGo: '1.26.8',
    binary: 'docker-compose',
    versionArgs: ['version'],
    envVar: 'THAP_COMPOSE_PATH',
    flag: '--compose-path',
    purpose: '`docker compose` for docker-compose.yml (docs/containers.md)',
  },
} satisfies Record<ToolName, ToolPin>;

/** The tools every run needs (`thap tools install`, `thap doctor`); compose is asked for by name. */
export const toolNames: readonly ToolName[] = ['k6', 'toxiproxy'];
