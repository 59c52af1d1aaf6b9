// conductor: `thap conduct`, the cluster side of a distributed run (docs/k8s.md).
export { conduct, type ConductOptions } from './conduct.ts';
export { stackPodUrls } from './remoteStack.ts';
