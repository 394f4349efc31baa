/**
 * One practice server and the desks of a busy practice (issue 16, item 5): what one `j3490 serve`
 * holds, and where it stops.
 *
 * Seeded in-process first, through the services, in an encrypted data folder (as a desk's folder
 * is, J3490_PASSPHRASE): practice-server-seed.ts. Then the server runs as its own process, as at a
 * practice (`node bin/j3490.cjs --data-dir DIR serve --listen 127.0.0.1:0`), so its event loop is
 * not the desks'. Client and server share this machine's cores (printed), and so do whatever else
 * runs on it (load average printed with each step).
 *
 * Steps (practice-server-desks.ts says what a desk does):
 *   1. 20 desks sign in at once (scrypt on the server, one after another on its event loop);
 *   2. the transport alone: app:info, one desk, one call at a time;
 *   3. 20 desks, 1–3 s pause before every call (a fast biller; people usually pause longer), the
 *      figures to reach: reads p95 ≤ 100 ms, saves p95 ≤ 250 ms; per kind count, p50/p95/p99,
 *      calls per second; errors by code; RECORD_CHANGED counted apart (two desks saved one record);
 *   4. the load raised until it stops: more desks, shorter pauses, then desks that never pause (40
 *      and 80 desks share the 20 sessions, each desk on its own connection);
 *   5. where the time goes: right after step 3, with the server idle, a copy of the folder taken
 *      before the server started is opened in this process and the same mix run by one desk with no
 *      pause through the dispatcher (no TLS, no HTTP, no queue): the server's own time per call and
 *      the CPU in it (the rest is waiting, mostly fsync), beside what the desks measured; and the
 *      server's CPU per step (/proc/<pid>/stat): its CPU per call says what one core holds.
 *
 * Run: npm run bench practice-server (about 2.5 minutes). BENCH_SERVER_SECONDS sets step 3's length,
 * BENCH_SERVER_STEP_SECONDS each of step 4's.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pinServer, practiceDispatcher, type PinnedServer } from '../../electron/host/practice-client';
import { accountsFor } from '../../electron/services/accounts/account-service';
import { openServices } from '../../electron/services/context';
import { dispatch, localDispatcher, type Dispatcher } from '../../electron/services/dispatch';
import { KINDS, percentile, Recorder, runDesk, type Kind } from './practice-server-desks';
import { seedAccounts, seedServerPractice, type Accounts, type Practice } from './practice-server-seed';
import { figure, tempDir } from './bench-util';

const DESKS = 20;
const PATIENTS = Number(process.env.BENCH_SERVER_PATIENTS ?? 2500);
const ADMINISTRATIONS = Number(process.env.BENCH_SERVER_ADMINISTRATIONS ?? 3000);
const MAIN_SECONDS = Number(process.env.BENCH_SERVER_SECONDS ?? 40);
const STEP_SECONDS = Number(process.env.BENCH_SERVER_STEP_SECONDS ?? 15);
const READ_TARGET_MS = 100;
const SAVE_TARGET_MS = 250;
const PASSPHRASE = 'bench practice passphrase';
const ROOT = join(__dirname, '../..');
/** Linux's clock ticks in /proc/<pid>/stat (`getconf CLK_TCK`). */
const TICKS_PER_SECOND = 100;

type Answer = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };
type Step = { label: string; desks: number; think: { min: number; max: number }; warmS: number; measureS: number };
type StepResult = Step & { rec: Recorder; seconds: number; serverCpu: number; clientCpu: number; load: number };

const LADDER: Step[] = [
  { label: '40 desks, 0.25–0.75 s pause', desks: 40, think: { min: 250, max: 750 }, warmS: 3, measureS: STEP_SECONDS },
  { label: '80 desks, 0.1–0.3 s pause', desks: 80, think: { min: 100, max: 300 }, warmS: 3, measureS: STEP_SECONDS },
  { label: '20 desks, no pause', desks: 20, think: { min: 0, max: 0 }, warmS: 3, measureS: STEP_SECONDS },
];

const fmt = (x: number, digits = 0): string => (Number.isFinite(x) ? x.toFixed(digits) : '–');
const sleep = (msec: number) => new Promise((r) => setTimeout(r, msec));

/** CPU seconds (user + system) the process `pid` has used so far. */
function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

async function seed(dir: string): Promise<{ practice: Practice; accounts: Accounts; seconds: number }> {
  const started = performance.now();
  const services = openServices({ dataDir: dir, mode: 'cli', actor: 'bench', unlock: { passphrase: PASSPHRASE } });
  try {
    // Seeding only: the server opens the file again with the app's own synchronous=FULL.
    services.ctx.db.pragma('synchronous = OFF');
    const value = async <T>(channel: string, args: unknown): Promise<T> => {
      const r = await dispatch(services.handlers, channel, args);
      if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
      return r.value as T;
    };
    const practice = await seedServerPractice(value, { patients: PATIENTS, administrations: ADMINISTRATIONS });
    const accounts = seedAccounts(services.ctx, DESKS);
    return { practice, accounts, seconds: (performance.now() - started) / 1000 };
  } finally {
    services.close();
  }
}

/** `j3490 serve` as its own process; resolves with its JSON line once it listens. */
async function startServer(dir: string): Promise<{ child: ChildProcess; url: string; fingerprint: string }> {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'bin/j3490.cjs'), '--data-dir', dir, 'serve', '--listen', '127.0.0.1:0'],
    { cwd: ROOT, env: { ...process.env, J3490_PASSPHRASE: PASSPHRASE }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The server did not start in 60 s: ${stderr}`)), 60_000);
    createInterface({ input: child.stdout! }).once('line', (l) => {
      clearTimeout(timer);
      resolve(l);
    });
    child.once('exit', (code) => reject(new Error(`The server exited (${code}): ${stderr}`)));
  });
  const started = JSON.parse(line) as { url: string; fingerprint: string };
  return { child, url: started.url, fingerprint: started.fingerprint };
}

async function stopServer(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

async function runStep(
  step: Step,
  pinned: PinnedServer,
  sessions: string[],
  practice: Practice,
  serverPid: number,
): Promise<StepResult> {
  const start = performance.now();
  const from = start + step.warmS * 1000;
  const to = from + step.measureS * 1000;
  const rec = new Recorder(from, to);
  const clients = Array.from({ length: step.desks }, () => practiceDispatcher(pinned));
  let serverCpu = 0;
  let clientCpu = process.cpuUsage();
  const marks = (async () => {
    await sleep(from - performance.now());
    serverCpu = cpuSecondsOf(serverPid);
    clientCpu = process.cpuUsage();
  })();
  await Promise.all(
    clients.map((send, i) =>
      runDesk({
        send,
        session: sessions[i % sessions.length] as string,
        practice,
        think: step.think,
        until: to,
        recorder: rec,
        seed: 1000 * step.desks + i + 1,
      }),
    ),
  );
  await marks;
  const seconds = (performance.now() - from) / 1000;
  const serverUsed = cpuSecondsOf(serverPid) - serverCpu;
  const clientUsed = process.cpuUsage(clientCpu);
  for (const c of clients) c.close();
  return {
    ...step,
    rec,
    // The last calls started before `to` end a little after it: CPU over the whole window they took.
    seconds,
    serverCpu: serverUsed / seconds,
    clientCpu: (clientUsed.user + clientUsed.system) / 1e6 / seconds,
    load: loadavg()[0] ?? 0,
  };
}

function printStep(r: StepResult): void {
  const rate = (n: number) => n / r.measureS;
  console.log(`\n## ${r.label}: ${r.measureS} s measured after ${r.warmS} s warm-up`);
  console.log('kind                           calls   /s     p50 ms  p95 ms  p99 ms');
  for (const kind of Object.keys(KINDS) as Kind[]) {
    const t = r.rec.times.get(kind) ?? [];
    console.log(
      `${kind.padEnd(30)} ${String(t.length).padStart(5)} ${fmt(rate(t.length), 1).padStart(6)}  ` +
        `${fmt(percentile(t, 50), 1).padStart(6)}  ${fmt(percentile(t, 95), 1).padStart(6)}  ${fmt(percentile(t, 99), 1).padStart(6)}`,
    );
  }
  summary(r);
  const errors = [...r.rec.errors].map(([k, n]) => `${k} ×${n}`).join(', ');
  figure('errors by code', errors === '' ? '0' : errors, '0');
  figure('RECORD_CHANGED (two desks saved one record; expected, refused without loss)', String(r.rec.conflicts));
}

function summary(r: StepResult): void {
  const reads = r.rec.all(false);
  const saves = r.rec.all(true);
  const met = (p: number, target: number) => (p <= target ? 'met' : 'NOT met');
  figure('calls per second sustained', `${fmt(r.rec.calls / r.measureS, 1)} (${r.rec.calls} calls)`);
  figure(
    'reads p95 (lists, opening a record, estimates)',
    `${fmt(percentile(reads, 95), 1)} ms, ${met(percentile(reads, 95), READ_TARGET_MS)}`,
    `≤ ${READ_TARGET_MS} ms`,
  );
  figure(
    'saves p95 (new, changed, attachment)',
    `${fmt(percentile(saves, 95), 1)} ms, ${met(percentile(saves, 95), SAVE_TARGET_MS)}`,
    `≤ ${SAVE_TARGET_MS} ms`,
  );
  const records = [...r.rec.times]
    .filter(([k]) => k === 'save new administration' || k === 'save changed administration')
    .flatMap(([, t]) => t);
  figure('saves p95 of administrations alone (no attachment)', `${fmt(percentile(records, 95), 1)} ms`);
  figure(
    'server CPU',
    `${fmt(r.serverCpu * 100)}% of one core; desks' process ${fmt(r.clientCpu * 100)}%; load average ${fmt(r.load, 1)}`,
  );
}

function metBoth(r: StepResult): string {
  const reads = percentile(r.rec.all(false), 95) <= READ_TARGET_MS;
  const saves = percentile(r.rec.all(true), 95) <= SAVE_TARGET_MS;
  return reads && saves ? 'met' : `missed (${[reads ? '' : 'reads', saves ? '' : 'saves'].filter(Boolean).join(', ')})`;
}

/**
 * The same mix by one desk with no pause, in this process through the dispatcher: the server's own
 * time per call (no TLS, HTTP or queue), and the CPU in it (the rest is waiting: fsync).
 */
async function inProcessTimes(
  dir: string,
  practice: Practice,
  accounts: Accounts,
): Promise<{ rec: Recorder; cpuMs: Map<string, number[]> }> {
  const services = openServices({ dataDir: dir, mode: 'server', unlock: { passphrase: PASSPHRASE } });
  try {
    const biller = accounts.billers[0] as { name: string; password: string };
    const { token } = await accountsFor(services.ctx).signIn(biller.name, biller.password);
    const local: Dispatcher = localDispatcher(services.handlers, { error: (m, e) => console.error(m, e) });
    const cpuMs = new Map<string, number[]>();
    // One call at a time, so the process's CPU between its start and end is that call's.
    const send: Dispatcher = async (channel, args, caller) => {
      const before = process.cpuUsage();
      const reply = await local(channel, args, caller);
      const used = process.cpuUsage(before);
      cpuMs.set(channel, [...(cpuMs.get(channel) ?? []), (used.user + used.system) / 1000]);
      return reply;
    };
    const from = performance.now() + 1000;
    const rec = new Recorder(from, from + 8000);
    await runDesk({ send, session: token, practice, think: { min: 0, max: 0 }, until: rec.to, recorder: rec, seed: 7 });
    return { rec, cpuMs };
  } finally {
    services.close();
  }
}

async function main(): Promise<void> {
  const dir = tempDir('j3490-server-bench-');
  const copyDir = `${dir}-copy`;
  let server: ChildProcess | undefined;
  try {
    figure(
      'machine',
      `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown'}), shared by the server, the desks' process and anything else running; load average ${fmt(loadavg()[0] ?? 0, 1)} at start`,
    );
    const { practice, accounts, seconds } = await seed(dir);
    figure(
      'practice',
      `${PATIENTS} patients, ${ADMINISTRATIONS} administrations (${practice.openIds.length} open), ` +
        `${practice.lots.length} lots, ${practice.payerIds.length} payers; encrypted folder; seeded in ${fmt(seconds, 1)} s`,
    );

    // An identical copy for the in-process comparison (step 5), taken before the server opens the folder.
    cpSync(dir, copyDir, { recursive: true });
    const started = await startServer(dir);
    server = started.child;
    const pid = server.pid as number;
    const pinned = await pinServer(started.url, started.fingerprint);

    // The owner signs in first, alone: one sign-in's cost. The server backs up on start (as at a
    // practice); the figures start once that copy is done.
    const probe = practiceDispatcher(pinned);
    const ownerStart = performance.now();
    const ownerIn = (await probe('auth:signIn', accounts.owner, {})) as Answer;
    const ownerMs = performance.now() - ownerStart;
    if (!ownerIn.ok) throw new Error(`sign-in: ${ownerIn.error.code} ${ownerIn.error.message}`);
    const ownerSession = (ownerIn.value as { token: string }).token;
    for (let i = 0; i < 150; i++) {
      const listed = (await probe('backups:list', {}, { session: ownerSession })) as Answer;
      if (listed.ok && (listed.value as { rows: unknown[] }).rows.length > 0) break;
      await sleep(200);
    }
    const again = performance.now();
    await probe('auth:signIn', accounts.owner, {});
    figure(
      'one sign-in, alone',
      `${fmt(ownerMs)} ms (first call of the server), ${fmt(performance.now() - again)} ms (warm)`,
    );

    // Everyone signs in at 8 a.m.: scrypt (~0.1 s of CPU each) runs one after another on the server.
    const signIns = await Promise.all(
      accounts.billers.map(async (b) => {
        const send = practiceDispatcher(pinned);
        const t = performance.now();
        const reply = (await send('auth:signIn', b, {})) as Answer;
        const took = performance.now() - t;
        send.close();
        if (!reply.ok) throw new Error(`sign-in: ${reply.error.code} ${reply.error.message}`);
        return { token: (reply.value as { token: string }).token, took };
      }),
    );
    const signInTimes = signIns.map((s) => s.took);
    figure(
      `${DESKS} desks signing in at once`,
      `first ${fmt(Math.min(...signInTimes))} ms, median ${fmt(percentile(signInTimes, 50))} ms, last ${fmt(Math.max(...signInTimes))} ms (scrypt N=2^15 on libuv’s thread pool)`,
    );
    const sessions = signIns.map((s) => s.token);

    const transport: number[] = [];
    for (let i = 0; i < 300; i++) {
      const t = performance.now();
      await probe('app:info', {}, {});
      if (i >= 50) transport.push(performance.now() - t);
    }
    probe.close();
    figure(
      'transport alone (app:info, one desk, one call at a time, kept-alive TLS)',
      `p50 ${fmt(percentile(transport, 50), 2)} ms, p95 ${fmt(percentile(transport, 95), 2)} ms`,
    );

    const mainStep: Step = {
      label: `${DESKS} desks, 1–3 s pause before each call`,
      desks: DESKS,
      think: { min: 1000, max: 3000 },
      warmS: 5,
      measureS: MAIN_SECONDS,
    };
    const baseline = await runStep(mainStep, pinned, sessions, practice, pid);
    printStep(baseline);
    // Right after, while the server is idle: the same mix in this process on the copy.
    const { rec: own, cpuMs } = await inProcessTimes(copyDir, practice, accounts);

    const ladder: StepResult[] = [baseline];
    for (const step of LADDER) {
      const r = await runStep(step, pinned, sessions, practice, pid);
      ladder.push(r);
      printStep(r);
    }
    await stopServer(server);
    server = undefined;

    console.log('\n## Load steps');
    console.log(
      'step                              calls/s  reads p95  saves p95  server CPU  conflicts  errors  targets',
    );
    for (const r of ladder) {
      const errs = [...r.rec.errors.values()].reduce((a, b) => a + b, 0);
      console.log(
        `${r.label.padEnd(33)} ${fmt(r.rec.calls / r.measureS, 1).padStart(7)}  ${fmt(percentile(r.rec.all(false), 95), 1).padStart(9)}  ` +
          `${fmt(percentile(r.rec.all(true), 95), 1).padStart(9)}  ${`${fmt(r.serverCpu * 100)}%`.padStart(10)}  ` +
          `${String(r.rec.conflicts).padStart(9)}  ${String(errs).padStart(6)}  ${metBoth(r)}`,
      );
    }
    const peak = ladder.reduce((a, b) => (b.rec.calls / b.measureS > a.rec.calls / a.measureS ? b : a));
    figure('saturation', `${fmt(peak.rec.calls / peak.measureS, 1)} calls/s (${peak.label})`);
    const crossed = ladder.find((r) => metBoth(r) !== 'met');
    figure(
      'targets first missed at',
      crossed ? `${crossed.label} (${fmt(crossed.rec.calls / crossed.measureS, 1)} calls/s)` : 'no step (all met)',
    );

    console.log('\n## Where the time goes: p50 ms per call');
    console.log(
      `kind                           server's own (CPU in it)  desk at ${DESKS} desks  difference (TLS, HTTP, JSON, queue)`,
    );
    for (const kind of Object.keys(KINDS) as Kind[]) {
      const inside = percentile(own.times.get(kind) ?? [], 50);
      const cpu = percentile(cpuMs.get(KINDS[kind].channel) ?? [], 50);
      const outside = percentile(baseline.rec.times.get(kind) ?? [], 50);
      console.log(
        `${kind.padEnd(30)} ${fmt(inside, 1).padStart(12)} (${fmt(cpu, 1).padStart(5)})  ` +
          `${fmt(outside, 1).padStart(16)}  ${fmt(outside - inside, 1).padStart(9)}`,
      );
    }
    const ownMs = [...own.times.values()].flat().reduce((a, b) => a + b, 0);
    figure(
      'server time for the mix, in-process',
      `${fmt(ownMs / own.calls, 1)} ms a call on average, so one event loop is full at about ${fmt(own.calls / (ownMs / 1000))} calls/s of this mix`,
    );
    const cpuAll = [...cpuMs.values()].flat().reduce((a, b) => a + b, 0);
    const cpuPdf = (cpuMs.get(KINDS['make attachment (PDF)'].channel) ?? []).reduce((a, b) => a + b, 0);
    figure(
      'server CPU for the mix, in-process',
      `${fmt(cpuAll / own.calls, 1)} ms a call on average, ${fmt((100 * cpuPdf) / cpuAll)}% of it making attachments (PDF); the rest of the time in-process is waiting (fsync)`,
    );
    const cpuPerCall = ladder.map((r) => (r.serverCpu * r.seconds * 1000) / r.rec.calls);
    figure(
      'server CPU per call, measured at the server process',
      `${cpuPerCall.map((c) => fmt(c, 1)).join(', ')} ms (one per step), so a core it had to itself would hold about ${fmt(1000 / Math.max(...cpuPerCall))}–${fmt(1000 / Math.min(...cpuPerCall))} calls/s`,
    );
  } finally {
    if (server) await stopServer(server);
    rmSync(dir, { recursive: true, force: true });
    rmSync(copyDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
