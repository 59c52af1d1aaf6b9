import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import { z } from 'zod';
import { UserError } from '../../errors.ts';
import { renderK8s } from '../../k8s/renderK8s.ts';
import { loadScenario } from '../../scenario/loadScenario.ts';

const optionsSchema = z.object({
  parallelism: z.string().regex(/^\d+$/, 'must be a whole number, e.g. 4'),
  out: z.string().min(1),
  namespace: z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be a Kubernetes namespace name (lower-case, digits, dashes)').optional(),
  image: z.string().min(1).optional(),
  target: z.url({ protocol: /^https?$/ }).optional(),
  script: z.string().min(1).optional(),
  storageClass: z.string().min(1).optional(),
});

/** `thap k8s render`: manifests for k6-operator (docs/scale.md). */
export function k8sCommand(): Command {
  const render = new Command('render')
    .description('write Kubernetes manifests for a scenario: the stack (Toxiproxy, NIC mocks, client) and a k6-operator TestRun')
    .argument('<scenario>', 'scenario file (.yaml or .ts)')
    .requiredOption('--parallelism <n>', 'number of k6 runners (TestRun spec.parallelism)')
    .requiredOption('--out <dir>', 'directory to write stack.yaml, load.yaml and README.md into')
    .option('--namespace <ns>', 'namespace of every object', 'thap')
    .option('--image <image>', 'thap image that runs the mocks and the reference client (docker/Dockerfile)')
    .option('--target <url>', 'your client in the cluster; without it the scenario\'s reference client runs in the stack pod')
    .option('--script <file>', 'use this k6 script instead of the one generated from the scenario')
    .option('--storage-class <name>', 'storage class of the ReadWriteMany results volume')
    .action(async (file: string, raw: unknown) => {
      const parsed = optionsSchema.safeParse(raw);
      if (!parsed.success) throw new UserError(parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('\n'));
      const options = parsed.data;
      const { scenario } = await loadScenario(file);
      const script = options.script ? await readFile(options.script, 'utf8').catch((error: NodeJS.ErrnoException) => {
        throw new UserError(`--script ${options.script}: cannot read it (${error.code ?? error.message})`);
      }) : undefined;
      const rendered = renderK8s({
        scenario,
        parallelism: Number(options.parallelism),
        namespace: options.namespace,
        thapImage: options.image,
        target: options.target,
        script,
        resultsStorageClass: options.storageClass,
      });
      await mkdir(options.out, { recursive: true });
      for (const [name, text] of Object.entries(rendered.files)) await writeFile(path.join(options.out, name), text);
      process.stdout.write(`${Object.keys(rendered.files).map((name) => path.join(options.out, name)).join('\n')}\n`);
    });
  return new Command('k8s').description('run scenarios on Kubernetes with k6-operator').addCommand(render);
}
