// Types of find-browser.mjs, for its unit test (the scripts are plain JavaScript run by Node).
export type BrowserProbes = {
  env: Record<string, string | undefined>;
  isProgram: (path: string) => boolean;
  onPath: (name: string) => string | null;
  playwrightBrowser: () => string | null;
  playwrightInstall: () => boolean;
  canUseApt: () => boolean;
  aptInstall: () => boolean;
  say: (line: string) => void;
};
export type FoundBrowser = { path: string; source: string } | { path: null; advice: string };

export const SYSTEM_CHROMIUM: string;
export const BROWSER_NAMES: string[];
export const INSTALL_ADVICE: string;
export function findBrowser(probes: BrowserProbes): FoundBrowser;
export function systemProbes(root: string): BrowserProbes;
