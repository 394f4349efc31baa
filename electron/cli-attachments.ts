/**
 * `j3490 attachment ID --out FILE` and `j3490 attachments --payer P --from D --to D --out DIR`:
 * the CLI's door to the cost attachments. Like the rest of the CLI it only makes contract calls;
 * what it adds is writing the PDFs where the person said and following a batch to its end
 * (progress on stderr, the summary as JSON on stdout).
 */
import { resolve } from 'node:path';
import type { BatchStatus, GeneratedDocument } from '../shared/api/document-schemas';
import { fail, ok, type Reply } from '../shared/api/reply';
import type { CliIo } from './cli';
import { optionText, payerIdOf, writeNewFile, type Call } from './cli-common';

async function writePdf(call: Call, id: number, file: string): Promise<Reply<string>> {
  const read = await call('documents:read', { id });
  if (!read.ok) return read;
  const { contentBase64 } = read.value as { contentBase64: string };
  return writeNewFile(file, Buffer.from(contentBase64, 'base64'));
}

async function single(
  id: string | undefined,
  options: Map<string, string | true>,
  call: Call,
): Promise<Reply<unknown>> {
  if (!id || !/^\d{1,9}$/.test(id))
    return fail('ARGUMENT_MISSING', 'Say which administration: j3490 attachment ID --out FILE.');
  const out = optionText(options, 'out');
  if (!out) return fail('ARGUMENT_MISSING', 'Say where to write the PDF: --out FILE.');
  const worksheetOut = optionText(options, 'worksheet');
  const made = await call('attachments:generate', {
    administrationId: Number(id),
    includePhysicianNotes: !options.has('no-physician-notes'),
    withWorksheet: worksheetOut !== undefined,
  });
  if (!made.ok) return made;
  const { attachment, worksheet } = made.value as {
    attachment: GeneratedDocument;
    worksheet: GeneratedDocument | null;
  };
  const written = await writePdf(call, attachment.id, out);
  if (!written.ok) return written;
  let worksheetPath: string | null = null;
  if (worksheet && worksheetOut) {
    const w = await writePdf(call, worksheet.id, worksheetOut);
    if (!w.ok) return w;
    worksheetPath = w.value;
  }
  return ok({ attachment, file: written.value, worksheet, worksheetFile: worksheetPath });
}

async function batch(options: Map<string, string | true>, call: Call, io: CliIo): Promise<Reply<unknown>> {
  const payer = optionText(options, 'payer');
  const from = optionText(options, 'from');
  const to = optionText(options, 'to');
  const out = optionText(options, 'out');
  if (!payer || !from || !to || !out) {
    return fail(
      'ARGUMENT_MISSING',
      'Usage: j3490 attachments --payer ID|NAME --from YYYY-MM-DD --to YYYY-MM-DD --out DIR.',
    );
  }
  const payerId = await payerIdOf(call, payer);
  if (!payerId.ok) return payerId;
  const started = await call('attachments:batchStart', {
    payerId: payerId.value,
    from,
    to,
    status: options.has('billed') ? 'billed' : 'ready',
    includePhysicianNotes: !options.has('no-physician-notes'),
    merged: options.has('merged'),
  });
  if (!started.ok) return started;
  let status = started.value as BatchStatus;
  let shown = -1;
  while (status.state === 'running') {
    await new Promise((r) => setTimeout(r, 100));
    const polled = await call('attachments:batchStatus', { jobId: status.jobId });
    if (!polled.ok) return polled;
    status = polled.value as BatchStatus;
    if (status.done !== shown) io.err(`${(shown = status.done)} of ${status.total} claims`);
  }
  const ids = [...status.made.map((m) => m.documentId), ...(status.mergedDocumentId ? [status.mergedDocumentId] : [])];
  let files: { id: number; path: string }[] = [];
  if (ids.length > 0) {
    const saved = await call('documents:save', { ids, folder: resolve(out) });
    if (!saved.ok) return saved;
    files = (saved.value as { written: { id: number; path: string }[] }).written;
  }
  const pathOf = (id: number): string | null => files.find((f) => f.id === id)?.path ?? null;
  const summary = {
    state: status.state,
    made: status.made.map((m) => ({ ...m, file: pathOf(m.documentId) })),
    skipped: status.skipped,
    merged: status.mergedDocumentId ? pathOf(status.mergedDocumentId) : null,
  };
  if (status.state === 'failed' && status.error)
    return { ...fail(status.error.code, status.error.message), ...summary };
  return ok(summary);
}

export function attachmentCommand(
  command: 'attachment' | 'attachments',
  id: string | undefined,
  options: Map<string, string | true>,
  call: Call,
  io: CliIo,
): Promise<Reply<unknown>> {
  return command === 'attachment' ? single(id, options, call) : batch(options, call, io);
}
