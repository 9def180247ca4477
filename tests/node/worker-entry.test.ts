/**
 * Which code a worker thread runs when flowlab runs from its sources (src/node/worker.mjs):
 * the build in lib/ while it was built from the sources as they are, which starts in a fraction
 * of the time, and the sources through tsx otherwise. The checkout here is a copy of the entry
 * and the build's scripts, with a lib/ and a src/ whose workers each say which one started.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STAMP, sourcesFingerprint } from '../../scripts/lib-state.mjs';

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
  checkout = mkdtempSync(join(tmpdir(), 'flowlab-threads-'));
  for (const path of [
    'src/node/worker.mjs',
    'scripts/lib-state.mjs',
    'scripts/build-lib.mjs',
    'tsconfig.lib.json',
  ])
    cpSync(resolve(path), join(checkout, path));
  writeFileSync(join(checkout, 'package.json'), '{ "type": "module" }\n');
  symlinkSync(resolve('node_modules'), join(checkout, 'node_modules'));
  writeFileSync(join(checkout, 'src/node/replication-worker.ts'), says('sources'));
  mkdirSync(join(checkout, 'lib'));
  writeFileSync(join(checkout, 'lib/worker.mjs'), says('lib'));
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
