import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import { z } from 'zod';
import { UserError } from '../../core/index.ts';
import { readScenarioFile, renderK8s, writeRunnerFiles } from '../../k8s/index.ts';
import { loadScenario } from '../../scenario/index.ts';
import { refuseGovernmentHost } from '../../run/index.ts';
import { ensureOutputDir } from '../../util/index.ts';
import { defineOptions } from '../options/defineOptions.ts';
import { httpUrl, text, wholeNumber } from '../options/optionValues.ts';

const renderOptions = defineOptions('k8s render', {
  parallelism: { flags: '--parallelism <n>', description: 'number of k6 runners (TestRun spec.parallelism)', schema: wholeNumber({ min: 1, max: 1000 }) },
  out: { flags: '--out <dir>', description: 'directory to write stack.yaml, conductor.yaml, load.yaml and README.md into', schema: text('a directory to write the manifests into') },
  namespace: { flags: '--namespace <ns>', description: 'namespace of every object', schema: z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be a Kubernetes namespace name (lower-case letters, digits, dashes), e.g. thap').default('thap') },
  image: { flags: '--image <image>', description: 'thap image that runs the mocks, the reference client, the runners\' init containers and the conductor (docker/Dockerfile)', schema: text('an image name, e.g. thap:0.1.0').optional() },
  target: { flags: '--target <url>', description: "your client in the cluster; without it the scenario's reference client runs in the stack pod", schema: httpUrl().optional() },
  script: { flags: '--script <file>', description: 'use this k6 script instead of the one generated from the scenario', schema: text('the path of a k6 script').optional() },
  storageClass: { flags: '--storage-class <name>', description: 'storage class of the ReadWriteMany results volume', schema: text('a storage class name').optional() },
});

const prepareOptions = defineOptions('k8s prepare', {
  out: { flags: '--out <dir>', description: 'directory to write the k6 script and its data into', schema: text('a directory') },
  digest: { flags: '--digest <sha256:hex>', description: 'refuse to write files whose digest differs from the rendered one', schema: z.string().regex(/^sha256:[0-9a-f]{64}$/, 'must be sha256: and 64 hex digits, as thap k8s render writes it').optional() },
  script: { flags: '--script <file>', description: 'a k6 script given at render time (instead of the generated one)', schema: text('the path of a k6 script').optional() },
});

/** `thap k8s render`: manifests for k6-operator (docs/k8s.md). */
export function k8sCommand(): Command {
  const render = renderOptions
    .addTo(new Command('render').description('write Kubernetes manifests for a scenario: the stack (Toxiproxy, NIC mocks, client) and a k6-operator TestRun').argument('<scenario>', 'scenario file (.yaml or .ts)'))
    .action(async (file: string, raw: unknown) => {
      const options = renderOptions.parse(raw);
      if (options.target) refuseGovernmentHost(options.target);
      const { scenario } = await loadScenario(file);
      const script = options.script ? await readScript(options.script) : undefined;
      const rendered = renderK8s({
        scenario,
        parallelism: options.parallelism,
        namespace: options.namespace,
        thapImage: options.image,
        target: options.target,
        script,
        resultsStorageClass: options.storageClass,
      });
      await ensureOutputDir({ dir: options.out, what: '--out' });
      for (const [name, content] of Object.entries(rendered.files)) await writeFile(path.join(options.out, name), content);
      process.stdout.write(`${Object.keys(rendered.files).map((name) => path.join(options.out, name)).join('\n')}\n`);
    });
  const prepare = prepareOptions
    .addTo(new Command('prepare').description("write the k6 script and its data for a scenario, generated from its seed (each runner's init container runs this)").argument('<scenario>', 'scenario file (.yaml or .ts), or the scenario.resolved.json thap k8s render wrote'))
    .action(async (file: string, raw: unknown) => {
      const options = prepareOptions.parse(raw);
      const scenario = await readScenarioFile(file);
      const script = options.script ? await readScript(options.script) : undefined;
      const written = await writeRunnerFiles({ scenario, out: options.out, ...(script === undefined ? {} : { script }), ...(options.digest ? { expectDigest: options.digest } : {}) });
      process.stdout.write(`${written.files.length} files in ${options.out} (${written.digest})\n`);
    });
  return new Command('k8s').description('run scenarios on Kubernetes with k6-operator').addCommand(render).addCommand(prepare);
}

function readScript(file: string): Promise<string> {
  return readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UserError(`--script ${file}: cannot read it (${error.code ?? error.message})`);
  });
}
