/**
 * Which code bin/flowlab.js runs in a checkout: the build in lib/ only while it was built from
 * the sources as they are, the sources (through tsx) after any change to them, so a test or a
 * user never runs code older than the sources. The checkout here is a copy of the bin and
 * the build's scripts, with a lib/ and a src/ that each say which one ran.
 */
import { spawnSync } from 'node:child_process';
import { rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { libIsCurrent, STAMP, sourcesFingerprint } from '../../scripts/lib-state.mjs';
import { fakeCheckout, put } from '../fake-checkout.ts';

let checkout: string;
const root = () => pathToFileURL(`${checkout}/`);
const said = (who: string) =>
  `export async function main(argv) { console.log('${who}', argv.join(' ')); return 0; }\n`;

function ranBy(): string {
  const out = spawnSync(process.execPath, [join(checkout, 'bin/flowlab.js'), 'run', 'x.json'], {
    encoding: 'utf8',
  });
  expect(out.stderr).toBe('');
  return out.stdout.trim();
}

/** What the build does last: record the fingerprint of the sources it was built from. */
const stamp = () => writeFileSync(join(checkout, STAMP), `${sourcesFingerprint(root())}\n`);

beforeEach(() => {
  checkout = fakeCheckout('flowlab-checkout-', 'bin/flowlab.js');
  put(checkout, 'src/cli/main.ts', said('sources'));
  put(checkout, 'lib/cli.js', said('lib'));
});

afterEach(() => rmSync(checkout, { recursive: true, force: true }));

describe('bin/flowlab.js in a checkout', () => {
  it('runs lib/ when it was built from the sources as they are', () => {
    stamp();
    expect(libIsCurrent(root())).toBe(true);
    expect(ranBy()).toBe('lib run x.json');
  });

  it('runs the sources when lib/ was never built', () => {
    rmSync(join(checkout, 'lib'), { recursive: true });
    expect(ranBy()).toBe('sources run x.json');
  });

  it('runs the sources after a source file changed, even to an older time than the build', () => {
    stamp();
    writeFileSync(join(checkout, 'src/cli/main.ts'), said('edited'));
    // As a copy that keeps old times would leave it: the change must count all the same.
    utimesSync(join(checkout, 'src/cli/main.ts'), new Date(2001, 0, 1), new Date(2001, 0, 1));
    expect(libIsCurrent(root())).toBe(false);
    expect(ranBy()).toBe('edited run x.json');
  });

  it('runs the sources after a source file was added or removed', () => {
    writeFileSync(join(checkout, 'src/extra.ts'), 'export {};\n');
    stamp();
    expect(ranBy()).toBe('lib run x.json');
    rmSync(join(checkout, 'src/extra.ts'));
    expect(ranBy()).toBe('sources run x.json');
    stamp();
    writeFileSync(join(checkout, 'src/cli/new.ts'), 'export {};\n');
    expect(ranBy()).toBe('sources run x.json');
  });

  it('runs the sources after package.json or the build script changed, or its config was removed', () => {
    stamp();
    writeFileSync(join(checkout, 'package.json'), '{ "type": "module", "version": "2.0.0" }\n');
    expect(ranBy()).toBe('sources run x.json');
    stamp();
    writeFileSync(join(checkout, 'scripts/build-lib.mjs'), '// another build\n');
    expect(ranBy()).toBe('sources run x.json');
    stamp();
    rmSync(join(checkout, 'tsconfig.lib.json'));
    expect(ranBy()).toBe('sources run x.json');
  });

  it('runs lib/ where there are no sources beside it (the installed package)', () => {
    rmSync(join(checkout, 'src'), { recursive: true });
    rmSync(join(checkout, 'scripts'), { recursive: true });
    expect(ranBy()).toBe('lib run x.json');
  });
});
