/**
 * Which code a worker thread runs when flowlab runs from its sources (src/node/worker.mjs):
 * the build in lib/ while it was built from the sources as they are, which starts in a fraction
 * of the time, and the sources through tsx otherwise. The checkout here is a copy of the entry
 * and the build's scripts, with a lib/ and a src/ whose workers each say which one started.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STAMP, sourcesFingerprint } from '../../scripts/lib-state.mjs';
import { fakeCheckout, put } from '../fake-checkout.ts';

let checkout: string;
const says = (who: string) =>
  `import { parentPort } from 'node:worker_threads';\nparentPort.postMessage('${who}');\n`;

async function startedBy(): Promise<string> {
  const thread = new Worker(pathToFileURL(join(checkout, 'src/node/worker.mjs')));
  try {
    return await new Promise((done, fail) => {
      thread.once('message', done);
      thread.once('error', fail);
    });
  } finally {
    await thread.terminate();
  }
}

beforeEach(() => {
  checkout = fakeCheckout('flowlab-threads-', 'src/node/worker.mjs');
  put(checkout, 'src/node/replication-worker.ts', says('sources'));
  put(checkout, 'lib/worker.mjs', says('lib'));
});

afterEach(() => rmSync(checkout, { recursive: true, force: true }));

describe('a worker thread started from the sources', () => {
  it('runs the build in lib/ when it was built from the sources as they are', async () => {
    writeFileSync(join(checkout, STAMP), `${sourcesFingerprint(pathToFileURL(`${checkout}/`))}\n`);
    expect(await startedBy()).toBe('lib');
  });

  it('runs the sources through tsx when lib/ is older than they are', async () => {
    writeFileSync(join(checkout, STAMP), `${sourcesFingerprint(pathToFileURL(`${checkout}/`))}\n`);
    writeFileSync(join(checkout, 'src/node/replication-worker.ts'), says('edited sources'));
    expect(await startedBy()).toBe('edited sources');
  });

  it('runs the sources through tsx when lib/ was never built', async () => {
    rmSync(join(checkout, 'lib'), { recursive: true });
    expect(await startedBy()).toBe('sources');
  });
});
