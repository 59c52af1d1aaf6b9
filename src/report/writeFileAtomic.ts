import { rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Writes a file so readers never see half of it: a temporary file beside it, then a rename. */
export async function writeFileAtomic({ file, data }: { file: string; data: string | Uint8Array }): Promise<void> {
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now()}.tmp`);
  await writeFile(temporary, data);
  await rename(temporary, file);
}
