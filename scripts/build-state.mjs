// Whether the built bundles in out/ are older than the sources they come from.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

export function buildIsStale(root) {
  const marker = join(root, 'out/renderer/index.html');
  if (!existsSync(marker) || !existsSync(join(root, 'out/main/index.js'))) return true;
  const built = statSync(marker).mtimeMs;
  const sources = ['renderer', 'shared', 'electron', 'electron.config.ts', 'package.json'].map((p) => join(root, p));
  return sources.some(
    (p) => existsSync(p) && (statSync(p).isDirectory() ? newestMtime(p) : statSync(p).mtimeMs) > built,
  );
}
