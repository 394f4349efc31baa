/** What the preload puts on window (absent in browser mode, where fetch backs the same Api). */
import type { Api } from '../../shared/api/client';

declare global {
  interface Window {
    api?: Api;
  }
}

export {};
