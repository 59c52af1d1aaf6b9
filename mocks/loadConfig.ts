import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { UserError } from '../src/core/index.ts';
import { mocksConfigSchema, type MocksConfig } from './config.ts';

/** Reads a mocks config file (YAML or JSON), validated in full; every problem is listed with its field path. */
export async function loadMocksConfig(file: string): Promise<MocksConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UserError(`${file}: cannot read mocks config (${(error as NodeJS.ErrnoException).code ?? String(error)}); fix: check the path`);
  }
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new UserError(`${file}: not valid YAML or JSON: ${(error as Error).message}`);
  }
  const result = mocksConfigSchema.safeParse(data ?? {});
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new UserError(`invalid mocks config\n${lines.join('\n')}`);
  }
  return data as MocksConfig;
}
