/**
 * The database and its -wal and -shm files hold patients' health information: readable by this
 * account only (private-files.ts). SQLite creates the database with 0644 and gives the -wal and
 * -shm it creates later the database file's own mode, so closing the database file right after it
 * is opened closes those too; existing ones left 0644 by an earlier version are closed here as well.
 */
import { makePrivateFileIfPresent } from '../private-files';

export function tightenDatabaseFiles(file: string): void {
  if (file === '' || file === ':memory:' || file.startsWith('file:')) return;
  for (const path of [file, `${file}-wal`, `${file}-shm`]) makePrivateFileIfPresent(path);
}
