/**
 * The process boundaries are kept by lint (eslint.config.mjs), so this proves the lint rules
 * themselves: a wrong import in each folder is an error, a right one is not.
 */
import { ESLint } from 'eslint';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../../..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

type Found = { ruleId: string | null; severity: number; message: string };

async function lint(relativePath: string, code: string): Promise<Found[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, relativePath) });
  if (!result) throw new Error('no lint result');
  return result.messages.map(({ ruleId, severity, message }) => ({ ruleId, severity, message }));
}

const errorsOf = (found: Found[], ruleId: string): Found[] =>
  found.filter((m) => m.ruleId === ruleId && m.severity === 2);

describe('shared/ is pure', () => {
  const file = 'shared/domain/x.ts';

  for (const [label, code] of [
    ['node:fs', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n"],
    ['bare fs', "import fs from 'fs';\nexport const r = fs;\n"],
    ['path', "import { join } from 'path';\nexport const j = join;\n"],
    ['electron', "import { app } from 'electron';\nexport const a = app;\n"],
    [
      'better-sqlite3-multiple-ciphers',
      "import Database from 'better-sqlite3-multiple-ciphers';\nexport const D = Database;\n",
    ],
  ] as const) {
    it(`refuses importing ${label}`, async () => {
      const errors = errorsOf(await lint(file, code), 'no-restricted-imports');
      expect(errors).toHaveLength(1);
    });
  }

  it('refuses DOM and Node globals (window, process, console)', async () => {
    const found = await lint(file, 'export const a = window.foo;\nexport const b = process.env;\nconsole.log(a);\n');
    const restricted = errorsOf(found, 'no-restricted-globals');
    expect(restricted.map((m) => m.message.split("'")[1])).toEqual(['window', 'process', 'console']);
    for (const m of restricted) expect(m.message).toContain('shared/ is pure');
  });

  it('allows relative imports, even ones whose last segment is a Node built-in name', async () => {
    const found = await lint(
      file,
      "import { parseNdc } from './ndc';\nimport { z } from 'zod';\nimport * as d from '../domain';\nexport const x = [parseNdc, z, d];\n",
    );
    expect(errorsOf(found, 'no-restricted-imports')).toEqual([]);
  });
});

describe('electron/services runs under plain Node', () => {
  it('refuses importing electron', async () => {
    const errors = errorsOf(
      await lint('electron/services/x.ts', "import { app } from 'electron';\nexport const a = app;\n"),
      'no-restricted-imports',
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toContain('Only electron/main and electron/preload may import electron');
  });

  it('accepts node:fs (no lint message at all)', async () => {
    const found = await lint(
      'electron/services/x.ts',
      "import { readFileSync } from 'node:fs';\nexport const read = (p: string): string => readFileSync(p, 'utf8');\n",
    );
    expect(found).toEqual([]);
  });

  for (const file of ['electron/host/x.ts', 'electron/cli.ts']) {
    it(`${file} may not import electron either`, async () => {
      const errors = errorsOf(
        await lint(file, "import { app } from 'electron';\nexport const a = app;\n"),
        'no-restricted-imports',
      );
      expect(errors).toHaveLength(1);
    });
  }

  it('electron/main may import electron', async () => {
    const found = await lint('electron/main/x.ts', "import { app } from 'electron';\nexport const a = app;\n");
    expect(found).toEqual([]);
  });
});

describe('renderer/ talks to window.api only', () => {
  const file = 'renderer/src/x.ts';

  for (const [label, code] of [
    [
      'better-sqlite3-multiple-ciphers',
      "import Database from 'better-sqlite3-multiple-ciphers';\nexport const D = Database;\n",
    ],
    [
      'the services',
      "import { openServices } from '../../electron/services/context';\nexport const o = openServices;\n",
    ],
    ['the main process', "import { registerIpc } from '../../electron/main/ipc';\nexport const r = registerIpc;\n"],
    ['electron', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n"],
    ['node:fs', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n"],
  ] as const) {
    it(`refuses importing ${label}`, async () => {
      const errors = errorsOf(await lint(file, code), 'no-restricted-imports');
      // 'electron' is refused twice over (by name and by the electron/ folder pattern).
      expect(errors.length).toBeGreaterThanOrEqual(1);
    });
  }

  it('accepts the shared contract and the DOM', async () => {
    const found = await lint(
      file,
      "import { channels } from '../../shared/api/contract';\nexport const n = channels.length + window.innerWidth;\n",
    );
    expect(found).toEqual([]);
  });
});
