/**
 * The app's bundled resources (resources/<subfolder>: the PDF fonts, the reference starter set)
 * found by walking up from a module's folder, so the same code works from the bundled Electron
 * main (out/main), from tsx (the CLI) and under vitest; a packaged app also looks under
 * Electron's `process.resourcesPath` and the folder above it (resources/ beside app.asar).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The first `resources/<subfolder>` holding `marker`, walking up from `start`, then under
 * Electron's resourcesPath; null when there is none (the caller says what is missing).
 */
export function findResourcesDir(subfolder: string, marker: string, start: string = __dirname): string | null {
  const roots: string[] = [];
  for (let dir = start; ; dir = dirname(dir)) {
    roots.push(dir);
    if (dirname(dir) === dir) break;
  }
  // Electron sets resourcesPath; a packaged app may keep resources/ beside app.asar.
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  if (resourcesPath) roots.push(resourcesPath, dirname(resourcesPath));
  for (const root of roots) {
    const candidate = join(root, 'resources', subfolder);
    if (existsSync(join(candidate, marker))) return candidate;
  }
  return null;
}
