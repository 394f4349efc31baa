/** Cost attachments and generated documents: make one, make a batch, list, read and save them. */
import { isAbsolute } from 'node:path';
import { attachmentBatches } from '../attachments/attachment-batch';
import { attachmentService } from '../attachments/attachment-service';
import { AppError, fieldError } from '../app-error';
import type { ServiceContext } from '../context';
import type { AuditLog } from '../repositories/audit-log';
import { currentCall } from '../accounts/actor-scope';
import type { HandlersFor } from './handler-types';
import { realDate } from './real-date';

export function attachmentHandlers(
  ctx: ServiceContext,
  audit: AuditLog,
): HandlersFor<
  | 'attachments:generate'
  | 'attachments:batchStart'
  | 'attachments:batchStatus'
  | 'attachments:batchCancel'
  | 'documents:list'
  | 'documents:read'
  | 'documents:save'
> {
  const attachments = attachmentService(ctx, audit);
  const batches = attachmentBatches(ctx, audit, attachments);

  return {
    'attachments:generate': ({ administrationId, ...options }) => attachments.generate(administrationId, options),
    'attachments:batchStart': (req) => {
      realDate('from', 'From', req.from);
      realDate('to', 'To', req.to);
      return batches.start(req);
    },
    'attachments:batchStatus': ({ jobId }) => batches.status(jobId),
    'attachments:batchCancel': ({ jobId }) => batches.cancel(jobId),
    'documents:list': (q) => attachments.list(q),
    'documents:read': ({ id }) => {
      const { document, bytes } = attachments.read(id);
      return { document, contentBase64: bytes.toString('base64') };
    },
    'documents:save': ({ ids, folder }) => {
      // A folder names a place on the computer that holds the data: another desk through the
      // practice server saves into its own folders (its door reads the documents and writes them).
      if (currentCall()?.network) {
        throw new AppError(
          'SAVE_AT_THE_DESK',
          'Documents are saved on the desk that asks for them; this request named a folder on the practice server.',
        );
      }
      // A relative path would land wherever the app happened to start; the caller means a real folder.
      if (!isAbsolute(folder)) throw fieldError('folder', 'FOLDER_INVALID', 'Choose a folder by its full path.');
      return { written: attachments.saveToFolder(ids, folder) };
    },
  };
}
