// k8s: a scenario as Kubernetes manifests (k6-operator TestRun and the stack pod).
export { renderK8s } from './renderK8s.ts';
