/**
 * Simulated desks for the practice-server bench: each desk is one biller at one computer, with
 * its own TLS client (practiceDispatcher: its own kept-alive connection) and session, repeating
 * the tasks of a billing day with a person's pause before every call:
 *   - record a new administration (35%): find the patient (patients:list, searched), the form's
 *     estimate twice while typing (administrations:preview), save (administrations:create, draws
 *     the dose from the lot), the saved record opens (administrations:get);
 *   - correct an open administration (20%): the drafts' list (administrations:list, one of the
 *     first three pages: the desks share one work queue, so two may open the same record), open it,
 *     the estimate with the change, save it with the version it was opened at
 *     (administrations:update; RECORD_CHANGED when another desk saved it first);
 *   - make a cost attachment (15%): ready claims without one (administrations:list), open one,
 *     attachments:generate (the PDF, stored);
 *   - look something up (30%): a list of administrations (a payer, a status, a name, a later page)
 *     and open one, or the patients' list (a page or a name) and open one.
 * Every call is timed from the desk (TLS, HTTP, JSON and the server's queue included) and counted
 * by kind when it starts inside the measured window.
 */
import { administrationInputOf, type Administration } from '../../shared/domain/administration';
import type { Dispatcher } from '../../electron/services/dispatch';
import { administrationFor, type Practice } from './practice-server-seed';
import { seededRandom } from './bench-util';

export const KINDS = {
  'list administrations': { channel: 'administrations:list', save: false },
  'list patients': { channel: 'patients:list', save: false },
  'open administration': { channel: 'administrations:get', save: false },
  'open patient': { channel: 'patients:get', save: false },
  'estimate (form preview)': { channel: 'administrations:preview', save: false },
  'save new administration': { channel: 'administrations:create', save: true },
  'save changed administration': { channel: 'administrations:update', save: true },
  'make attachment (PDF)': { channel: 'attachments:generate', save: true },
} as const;
export type Kind = keyof typeof KINDS;

type Answer = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

/** What a step measured: per kind the times in ms, per error code the count. */
export class Recorder {
  readonly times = new Map<Kind, number[]>();
  readonly errors = new Map<string, number>();
  conflicts = 0;
  constructor(
    readonly from: number,
    readonly to: number,
  ) {}

  add(kind: Kind, startedAt: number, took: number, reply: Answer): void {
    if (startedAt < this.from || startedAt >= this.to) return;
    const list = this.times.get(kind) ?? [];
    list.push(took);
    this.times.set(kind, list);
    if (reply.ok) return;
    if (reply.error.code === 'RECORD_CHANGED') this.conflicts++;
    else this.errors.set(`${kind}: ${reply.error.code}`, (this.errors.get(`${kind}: ${reply.error.code}`) ?? 0) + 1);
  }

  all(save: boolean): number[] {
    return [...this.times].filter(([k]) => KINDS[k].save === save).flatMap(([, t]) => t);
  }

  get calls(): number {
    return [...this.times.values()].reduce((n, t) => n + t.length, 0);
  }
}

/** Nearest-rank percentile of `xs` (not sorted in place). */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

export type DeskOptions = {
  send: Dispatcher;
  session: string;
  practice: Practice;
  /** Pause before each call, ms: drawn uniformly from [min, max]. */
  think: { min: number; max: number };
  /** The desk stops starting calls at this time (performance.now()). */
  until: number;
  recorder: Recorder;
  seed: number;
};

const NAMES = ['Garcia', 'Nguyen', 'Okafor', 'Schmidt', 'Kowalski', 'Haddad', 'Johnson', 'Martinez', 'Chen', 'Brown'];
const NOTES = [
  'Infused over 30 minutes, no reaction.',
  'Infused over 35 minutes; patient tolerated well.',
  'Given as ordered; vital signs stable throughout.',
];

class Stop extends Error {}

/** One desk's working loop until `until`; each call waits for the one before, as a person does. */
export async function runDesk(o: DeskOptions): Promise<void> {
  const rand = seededRandom(o.seed);
  const pause = () => o.think.min + rand(Math.max(1, o.think.max - o.think.min + 1));
  let made = 0;

  const call = async (kind: Kind, args: unknown): Promise<Answer> => {
    const wait = pause();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const startedAt = performance.now();
    if (startedAt >= o.until) throw new Stop();
    const reply = (await o.send(KINDS[kind].channel, args, { session: o.session })) as Answer;
    o.recorder.add(kind, startedAt, performance.now() - startedAt, reply);
    return reply;
  };
  const rowsOf = <T>(reply: Answer): T[] => (reply.ok ? (reply.value as { rows: T[] }).rows : []);
  const pick = <T>(xs: readonly T[]): T | undefined => xs[rand(xs.length)];

  const recordNew = async () => {
    const found = rowsOf<{ id: number }>(await call('list patients', { search: pick(NAMES), limit: 50 }));
    const input = { ...administrationFor(o.practice, o.seed * 100_000 + made++, rand) };
    input.patientId = pick(found)?.id ?? input.patientId;
    await call('estimate (form preview)', input);
    input.billedCharge = (Number(input.billedCharge) + 25).toFixed(2);
    await call('estimate (form preview)', input);
    const saved = await call('save new administration', input);
    if (saved.ok) await call('open administration', { id: (saved.value as Administration).id });
  };

  const correct = async () => {
    const offset = 25 * rand(3);
    const rows = rowsOf<{ id: number }>(await call('list administrations', { status: 'draft', limit: 25, offset }));
    const row = pick(rows);
    if (!row) return;
    const opened = await call('open administration', { id: row.id });
    if (!opened.ok) return;
    const a = opened.value as Administration;
    const input = {
      ...administrationInputOf(a),
      billedCharge: (400 + rand(2000)).toFixed(2),
      physicianNotes: pick(NOTES) ?? '',
    };
    await call('estimate (form preview)', { ...input, editingId: a.id });
    await call('save changed administration', { id: a.id, version: a.version, administration: input });
  };

  const attach = async () => {
    const offset = 25 * rand(4);
    const rows = rowsOf<{ id: number }>(
      await call('list administrations', { status: 'ready', noAttachment: true, limit: 25, offset }),
    );
    const row = pick(rows);
    if (!row) return;
    const opened = await call('open administration', { id: row.id });
    if (!opened.ok) return;
    await call('make attachment (PDF)', { administrationId: row.id, includePhysicianNotes: true });
  };

  const lookUp = async () => {
    if (rand(2) === 0) {
      const filters = [
        { limit: 50 },
        { payerId: pick(o.practice.payerIds), limit: 50 },
        { status: 'paid', limit: 50, offset: 50 * rand(10) },
        { search: pick(NAMES), limit: 50 },
        { from: '2026-03-01', to: '2026-03-31', limit: 50, offset: 50 * rand(3) },
      ];
      const row = pick(rowsOf<{ id: number }>(await call('list administrations', pick(filters))));
      if (row) await call('open administration', { id: row.id });
    } else {
      const args = rand(2) ? { limit: 50, offset: 50 * rand(40) } : { search: pick(NAMES), limit: 50 };
      const row = pick(rowsOf<{ id: number }>(await call('list patients', args)));
      if (row) await call('open patient', { id: row.id });
    }
  };

  try {
    for (;;) {
      const roll = rand(100);
      if (roll < 35) await recordNew();
      else if (roll < 55) await correct();
      else if (roll < 70) await attach();
      else await lookUp();
    }
  } catch (err) {
    if (!(err instanceof Stop)) throw err;
  }
}
