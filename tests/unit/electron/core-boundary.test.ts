import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// DESIGN §1: core is plain Node, so it runs unchanged in vitest, benchmarks and the e2e harness.
const CORE = fileURLToPath(new URL('../../../electron/core', import.meta.url));

/** `import … from 'electron'`, `import 'electron'`, `export … from`, `require(…)`, `import(…)`, subpaths too. */
const ELECTRON_IMPORT =
  /(?:\bfrom\s*|\bimport\s*|\brequire\s*\(\s*|\bimport\s*\(\s*)(['"`])electron(?:\/[^'"`]*)?\1/;

const tsFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });

describe('core boundary', () => {
  it('recognises every way of importing electron', () => {
    for (const line of [
      "import { app } from 'electron';",
      'import type { App } from "electron";',
      "import 'electron';",
      "export { shell } from 'electron/main';",
      "const { app } = require('electron');",
      'const e = await import(`electron`);',
      "const e = require ( 'electron' )",
    ]) {
      expect(line).toMatch(ELECTRON_IMPORT);
    }
    for (const line of ["import { x } from './electron-like';", "const s = 'electron is a word';", "from 'electron-vite'"]) {
      expect(line).not.toMatch(ELECTRON_IMPORT);
    }
  });

  it('no file under electron/core imports electron', () => {
    const files = tsFiles(CORE);
    expect(files.length).toBeGreaterThan(0);
    const offenders = files.filter((file) => ELECTRON_IMPORT.test(readFileSync(file, 'utf8'))).map((file) => relative(CORE, file));
    expect(offenders).toEqual([]);
  });
});
