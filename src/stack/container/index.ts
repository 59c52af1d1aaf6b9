export { startContainerStack, type ContainerStack, type ContainerClient, type StartContainerStackOptions } from './startContainerStack.ts';
export { assertDockerAvailable, isDockerAvailable } from './dockerAvailable.ts';
export * from './layout.ts';
