import { toolPins } from '../../tools/pins.ts';
import { thapVersion } from '../../../core/index.ts';
import { containerImages } from '../layout.ts';

/** Where a stand-in's files come from (resolved when it is built). */
export type StandInSource = 'toxiproxy' | 'k6' | 'node' | 'go';

export interface ImageSpec {
  /** The exact name a registry gives: compose files and testcontainers use it unchanged. */
  name: string;
  /** Which container path uses it. */
  usedBy: string;
  /** `pull`: from its registry, else a stand-in built here from `standIn`; `build`: docker/Dockerfile. */
  origin: { kind: 'pull'; standIn: StandInSource } | { kind: 'build' };
}

/** The Go image docker/Dockerfile builds k6 and Toxiproxy in (its `GO_IMAGE`); k6 2.2.0 needs Go 1.25+. */
export const goImage = 'golang:1.26-bookworm';

/** The thap image (docker/Dockerfile): thap with the pinned k6 and Toxiproxy. */
export const thapImage = `thap:${thapVersion}`;

/** The base that stand-ins are built FROM when no registry answers (mmdebstrap, Debian bookworm). */
export const baseImage = 'local/bookworm:base';

/** Every image a container path uses, in the order they are made available (the thap image's bases first). */
export const imageList: readonly ImageSpec[] = [
  { name: containerImages.toxiproxy, usedBy: 'thap run --stack docker', origin: { kind: 'pull', standIn: 'toxiproxy' } },
  { name: containerImages.node, usedBy: 'thap run --stack docker, docker/Dockerfile', origin: { kind: 'pull', standIn: 'node' } },
  { name: toolPins.k6.image, usedBy: 'thap k8s (the k6 runners)', origin: { kind: 'pull', standIn: 'k6' } },
  { name: goImage, usedBy: 'docker/Dockerfile (the Go stage)', origin: { kind: 'pull', standIn: 'go' } },
  { name: thapImage, usedBy: 'docker-compose.yml, thap k8s, CI pipelines', origin: { kind: 'build' } },
];
