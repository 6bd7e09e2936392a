// Writing what zhucun produces to a file the user named: a path that cannot be written is a clear
// message (exit 2), not an internal error.
import { writeFileSync } from 'node:fs';
import { UsageError } from './errors.js';

export function writeOutput(file: string, data: string | Uint8Array): void {
  try {
    writeFileSync(file, data);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UsageError({
      zh: `${file}: 无法写入(${reason}),请检查文件夹是否存在、是否有写权限`,
      en: `${file}: cannot be written (${reason}); check that the folder exists and can be written to`,
    });
  }
}
