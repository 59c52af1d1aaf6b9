// k8s: a scenario as Kubernetes manifests (k6-operator TestRun, the stack pod, the conductor), and the files each runner generates.
export { renderK8s } from './renderK8s.ts';
export { writeRunnerFiles } from './runnerFiles.ts';
export { readScenarioFile } from './readScenarioFile.ts';
