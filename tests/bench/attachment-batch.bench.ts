/**
 * An attachment batch at a busy month's scale: 500 ready claims (one administration each, with a
 * JW line and the invoice's one-page scan appended) for one payer, made through the handlers the
 * way the Attachments page does it (batchStart, then polling batchStatus). Figures: the whole batch
 * (target ≤ 20 s), claims per second, and the largest attachment file (target ≤ 80 KB before the
 * appended scan: the scan here is under 1 KB, so the figure is an upper bound).
 */
import { rmSync } from 'node:fs';
import type { BatchStatus, GeneratedDocument } from '../../shared/api/document-schemas';
import { dispatch } from '../../electron/services/dispatch';
import { openServices } from '../../electron/services/context';
import { readyAdministration, seedPractice } from '../fixtures/claim-seed';
import { figure, ms, tempDir } from './bench-util';

const N = Number(process.env.BENCH_ATTACHMENTS ?? 500);

async function main(): Promise<void> {
  const dir = tempDir();
  const services = openServices({ dataDir: dir, mode: 'cli', actor: 'bench' });
  const value = async <T>(channel: string, args: unknown): Promise<T> => {
    const r = await dispatch(services.handlers, channel, args);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.value as T;
  };
  try {
    const seeded = await seedPractice(value);
    for (let i = 0; i < N; i++) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      await readyAdministration(value, seeded, seeded.patients[i % seeded.patients.length]!, {
        claimNumber: `CLM-${String(i + 1).padStart(5, '0')}`,
        dateOfService: `2025-02-${day}`,
        dose: { amount: '1', unit: 'mg' },
        wastedAmount: '0.5',
      });
    }

    const start = process.hrtime.bigint();
    let status = await value<BatchStatus>('attachments:batchStart', {
      payerId: seeded.medicare.id,
      from: '2025-02-01',
      to: '2025-02-28',
    });
    let polls = 0;
    while (status.state === 'running') {
      await new Promise((r) => setTimeout(r, 250));
      status = await value<BatchStatus>('attachments:batchStatus', { jobId: status.jobId });
      polls++;
    }
    const took = ms(start);
    if (status.state !== 'done' || status.made.length !== N) {
      throw new Error(`batch ended ${status.state} with ${status.made.length} made, ${status.skipped.length} skipped`);
    }
    const { rows } = await value<{ rows: GeneratedDocument[] }>('documents:list', { limit: 500 });
    const largest = Math.max(...rows.map((d) => d.byteSize));
    figure(`batch of ${N} attachments`, `${(took / 1000).toFixed(2)} s (${polls} progress polls)`, '≤ 20 s');
    figure('claims per second', (N / (took / 1000)).toFixed(1));
    figure('largest attachment file', `${(largest / 1024).toFixed(1)} KB incl. a <1 KB scan`, '≤ 80 KB');
  } finally {
    services.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
