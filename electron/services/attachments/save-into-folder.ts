/**
 * A generated document written into a folder the person chose, under its own file name, never over
 * a file already there: "CLM-1042.pdf", then "CLM-1042 (2).pdf"... Used by the services for this
 * desk's documents and by a desk connected to a practice server, which writes what the server sent
 * into its own folder (electron/host/practice-network-door.ts).
 */
import { join } from 'node:path';
import { AppError } from '../app-error';
import { fileSize, writeFileDurably } from '../durable-file';

export function saveIntoFolder(folder: string, fileName: string, bytes: Uint8Array): string {
  const dot = fileName.lastIndexOf('.');
  const stem = dot > 0 ? fileName.slice(0, dot) : fileName;
  const ext = dot > 0 ? fileName.slice(dot) : '';
  for (let n = 1; ; n++) {
    const path = join(folder, n === 1 ? fileName : `${stem} (${n})${ext}`);
    if (fileSize(path) !== null) continue;
    try {
      writeFileDurably(path, bytes, { exclusive: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw new AppError('SAVE_FAILED', `${fileName} could not be written to ${folder}: ${(err as Error).message}`);
    }
    return path;
  }
}
