import { describe, expect, it } from 'vitest';
import { tempTree, type FileTree } from '../../test/support/fileTree.ts';
import { clientSources } from './clientSources.ts';

const tree = (files: FileTree): Promise<string> => tempTree('sources', files);

const contract = {
  'src/contract/index.ts': "// the barrel\nexport * from './codes.ts';\nexport * from './schema.ts';\nexport { stepsTable as steps } from './steps.ts';\nexport * as mapping from './mapping/index.ts';\nexport type * from './types.ts';",
  'src/contract/codes.ts': "import { unit } from './units.ts';\nexport const labCode = (name: string) => `${name}${unit}`;",
  'src/contract/units.ts': "export const unit = 'x';",
  'src/contract/schema.ts': "import { z } from 'zod';\nexport const schema = z.object({});",
  'src/contract/steps.ts': 'export const stepsTable = {};',
  'src/contract/mapping/index.ts': "export * from './read.ts';",
  'src/contract/mapping/read.ts': 'export function readMapping() {}',
  'src/contract/types.ts': 'export interface Step { name: string }',
};

describe('clientSources', () => {
  it('follows a barrel only to the modules that give the names the client imports', async () => {
    const dir = await tree({ ...contract, 'examples/c/server.ts': "import { labCode } from '../../src/contract/index.ts';" });
    expect(clientSources(dir, 'examples/c/server.ts')).toEqual(['examples/c/server.ts', 'src/contract/codes.ts', 'src/contract/index.ts', 'src/contract/units.ts']);
  });

  it('follows renamed re-exports, namespace re-exports and nested barrels by name', async () => {
    const dir = await tree({ ...contract, 'examples/c/server.ts': "import { steps, mapping } from '../../src/contract/index.ts';" });
    expect(clientSources(dir, 'examples/c/server.ts')).toEqual([
      'examples/c/server.ts',
      'src/contract/index.ts',
      'src/contract/mapping/index.ts',
      'src/contract/mapping/read.ts',
      'src/contract/steps.ts',
    ]);
  });

  it('reaches every module of a barrel imported whole, and none through a type-only import', async () => {
    const whole = await tree({ ...contract, 'examples/c/server.ts': "import * as contract from '../../src/contract/index.ts';\nimport type { Step } from '../../src/contract/types.ts';" });
    expect(clientSources(whole, 'examples/c/server.ts')).toEqual([
      'examples/c/server.ts',
      'src/contract/codes.ts',
      'src/contract/index.ts',
      'src/contract/mapping/index.ts',
      'src/contract/mapping/read.ts',
      'src/contract/schema.ts',
      'src/contract/steps.ts',
      'src/contract/units.ts',
    ]);
    const typesOnly = await tree({ ...contract, 'examples/c/server.ts': "import type { Step } from '../../src/contract/index.ts';\nimport { type Step as S } from '../../src/contract/types.ts';\nexport type { Step } from '../../src/contract/types.ts';" });
    expect(clientSources(typesOnly, 'examples/c/server.ts')).toEqual(['examples/c/server.ts']);
  });

  it('runs a module that is not a barrel whole: its own imports, re-exports, side-effect and dynamic imports', async () => {
    const dir = await tree({
      'examples/c/server.ts': "import './setup.ts';\nimport { a } from './a.ts';\nconst later = () => import('./later.ts');",
      'examples/c/setup.ts': '',
      'examples/c/a.ts': "import { b } from './b.ts';\nexport const a = b;\nexport { c } from './c.ts';",
      'examples/c/b.ts': 'export const b = 1;',
      'examples/c/c.ts': 'export const c = 1;',
      'examples/c/later.ts': "import { x } from 'vitest';",
    });
    expect(clientSources(dir, 'examples/c/server.ts')).toEqual(['examples/c/a.ts', 'examples/c/b.ts', 'examples/c/c.ts', 'examples/c/later.ts', 'examples/c/server.ts', 'examples/c/setup.ts']);
  });
});
