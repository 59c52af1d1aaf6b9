/** A DNS-1123 label (what Kubernetes names must be): lower-case letters, digits, dashes, at most 63 chars. */
export function kubeName(...parts: string[]): string {
  const name = parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return name.slice(0, 63).replace(/-$/, '');
}

/** The names of everything one rendered scenario creates. */
export function resourceNames(scenarioName: string) {
  return {
    stack: kubeName('thap', scenarioName, 'stack'),
    stackConfig: kubeName('thap', scenarioName, 'stack-config'),
    runConfig: kubeName('thap', scenarioName, 'run-config'),
    results: kubeName('thap', scenarioName, 'results'),
    conductor: kubeName('thap', scenarioName, 'conductor'),
    testRun: kubeName('thap', scenarioName),
  };
}
