/**
 * Saving generated documents where the person wants them. The desktop app asks for a folder
 * (the native picker of electron/main/desktop-bridge.ts) and the service writes the files there
 * (`documents:save`, never over an existing file). A browser cannot hand a folder to the server,
 * so in browser mode each document is read and downloaded through a Blob URL instead.
 */
import type { QueryClient } from '@tanstack/react-query';
import { savedFileName } from '../../../shared/api/document-names';
import { call } from '../api';
import { bytesOfBase64 } from '../components/blob-view';

const desktop = window.desktop;

/** True in the desktop app, where Save means "choose a folder"; false in a browser (download). */
export const savesToFolder = desktop !== undefined;

export type SaveOutcome =
  | { kind: 'saved'; folder: string; paths: string[] }
  | { kind: 'downloaded'; fileNames: string[] }
  | { kind: 'cancelled' };

/** The bytes of one document, kept while they are on screen so View then Save reads them once. */
export const contentQuery = (id: number) => ({
  queryKey: ['documents', 'content', id] as const,
  queryFn: () => call('documents:read', { id }),
  staleTime: Infinity,
});

export async function saveDocuments(queryClient: QueryClient, ids: readonly number[]): Promise<SaveOutcome> {
  if (desktop) {
    const folder = await desktop.chooseFolder();
    if (folder === null) return { kind: 'cancelled' };
    const { written } = await call('documents:save', { ids: [...ids], folder });
    return { kind: 'saved', folder, paths: written.map((w) => w.path) };
  }
  const fileNames: string[] = [];
  for (const id of ids) {
    const { document, contentBase64 } = await queryClient.fetchQuery(contentQuery(id));
    const fileName = savedFileName(document);
    downloadBase64(fileName, contentBase64, 'application/pdf');
    fileNames.push(fileName);
  }
  return { kind: 'downloaded', fileNames };
}

/** Downloads a file the service sent as base64 (an export, a letter, a document). */
export function downloadBase64(fileName: string, base64: string, mediaType: string): void {
  download(fileName, new Blob([bytesOfBase64(base64)], { type: mediaType }));
}

function download(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The browser reads the Blob after the click returns; give it time before letting it go.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
