/**
 * Asking for the passphrase at the terminal that started `npm run web`, without echoing it.
 * Only when no --passphrase-file or J3490_PASSPHRASE was given and the terminal is interactive.
 */
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

export function askHidden(question: string): Promise<string> {
  let muted = false;
  // Echo the question, then swallow what readline would echo of the typed characters.
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolveAnswer) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolveAnswer(answer);
    });
    muted = true;
  });
}
