/**
 * The package as a user meets it: `npm pack`, the tarball installed into an empty project
 * (offline: its dependencies are packed from this checkout's node_modules), then used with
 * plain Node, no TypeScript or tsx anywhere: the library and its worker threads give the same
 * bytes as the sources, the command runs, a consumer type-checks against the shipped
 * declarations (and a wrong use of them fails), and a bundler for the browser takes `flowlab`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../../src/index.ts';

let work: string;
let app: string;
let packed: string[];

function run(command: string, args: string[], cwd: string) {
  const out = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, FLOWLAB_PROGRESS: '0' },
  });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

const npm = (args: string[], cwd: string) => {
  const out = run('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], cwd);
  if (out.code !== 0) throw new Error(`npm ${args.join(' ')} failed:\n${out.stdout}${out.stderr}`);
  return out.stdout;
};

/** The names a package depends on at run time, and theirs, as installed here. */
function runtimeDependencies(pkg: { dependencies?: Record<string, string> }, seen = new Set<string>()) {
  for (const name of Object.keys(pkg.dependencies ?? {})) {
    if (seen.has(name)) continue;
    seen.add(name);
    runtimeDependencies(
      JSON.parse(readFileSync(resolve('node_modules', name, 'package.json'), 'utf8')),
      seen,
    );
  }
  return seen;
}

const tsc = (args: string[]) =>
  run(
    process.execPath,
    [
      resolve('node_modules/typescript/bin/tsc'),
      '--noEmit',
      '--strict',
      '--target',
      'es2022',
      '--types',
      'node',
      '--typeRoots',
      resolve('node_modules/@types'),
      ...args,
    ],
    app,
  );

const scenario = (() => {
  const ring = JSON.parse(readFileSync('scenarios/token-ring.json', 'utf8'));
  return { ...ring, run: { ...ring.run, duration: 400, warmup: 40, replications: 4 } };
})();

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'flowlab-package-'));
  const packs = join(work, 'packs');
  mkdirSync(packs);
  // As a user's `npm pack` would: prepare builds lib/ from the sources first.
  npm(['pack', '--pack-destination', packs], process.cwd());
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  for (const name of runtimeDependencies(pkg))
    npm(['pack', '--ignore-scripts', '--pack-destination', packs, resolve('node_modules', name)], work);
  packed = readdirSync(packs);
  app = join(work, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), '{ "name": "app", "private": true, "type": "module" }\n');
  npm(['install', '--offline', '--ignore-scripts', ...packed.map((p) => join(packs, p))], app);
  writeFileSync(join(app, 'scenario.json'), JSON.stringify(scenario));
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('holds the build, the bin, the declarations and the schema, and no sources', () => {
    const listing = run('tar', ['-tzf', join(work, 'packs', `flowlab-${pkgVersion()}.tgz`)], work).stdout;
    const files = listing.split('\n').filter(Boolean);
    for (const file of [
      'package/bin/flowlab.js',
      'package/lib/index.js',
      'package/lib/node.js',
      'package/lib/cli.js',
      'package/lib/worker.mjs',
      'package/lib/types/index.d.ts',
      'package/lib/types/node/index.d.ts',
      'package/schema/scenario.schema.json',
    ])
      expect(files).toContain(file);
    expect(files.filter((f) => /\.ts$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);
    expect(files.filter((f) => f.startsWith('package/src/') || f.startsWith('package/tests/'))).toEqual([]);
  });

  it('needs nothing at run time beyond its dependencies (no tsx, no TypeScript)', () => {
    const installed = JSON.parse(readFileSync(join(app, 'node_modules/flowlab/package.json'), 'utf8'));
    expect(Object.keys(installed.dependencies).sort()).toEqual(['seedrandom', 'zod']);
    expect(readdirSync(join(app, 'node_modules')).sort()).toEqual([
      '.bin',
      '.package-lock.json',
      'flowlab',
      'seedrandom',
      'zod',
    ]);
  });

  it('simulates in plain Node, on this thread and on worker threads, with the same bytes as the sources', () => {
    writeFileSync(
      join(app, 'use.mjs'),
      `import { readFileSync } from 'node:fs';
import { simulate } from 'flowlab';
import { simulateParallel } from 'flowlab/node';
const json = JSON.parse(readFileSync('scenario.json', 'utf8'));
const here = JSON.stringify(simulate(json));
const threads = JSON.stringify(await simulateParallel(json, { workers: 2 }));
console.log(JSON.stringify({ here, threads }));
`,
    );
    const out = run(process.execPath, ['use.mjs'], app);
    expect(out.stderr).toBe('');
    const { here, threads } = JSON.parse(out.stdout);
    const sources = JSON.stringify(simulate(scenario));
    expect(here).toBe(sources);
    expect(threads).toBe(sources);
  });

  it('ships the JSON Schema as flowlab/scenario.schema.json', () => {
    const out = run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "import s from 'flowlab/scenario.schema.json' with { type: 'json' }; console.log(JSON.stringify(s));",
      ],
      app,
    );
    expect(JSON.parse(out.stdout)).toEqual(JSON.parse(readFileSync('schema/scenario.schema.json', 'utf8')));
  });

  it('runs the flowlab command: --version, validate, run, and exit 2 for a bad file', () => {
    const bin = join(app, 'node_modules/.bin/flowlab');
    expect(run(bin, ['--version'], app).stdout).toBe(`flowlab ${pkgVersion()}\n`);
    const valid = run(bin, ['validate', 'scenario.json'], app);
    expect(valid.code).toBe(0);
    expect(valid.stdout).toMatch(/^scenario\.json: valid/);
    const result = run(bin, ['run', 'scenario.json', '--json', '--workers', '2'], app);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${JSON.stringify(simulate(scenario), null, 2)}\n`);
    writeFileSync(join(app, 'bad.json'), JSON.stringify({ ...scenario, nodes: [{ id: 'x', capacity: 0 }] }));
    const bad = run(bin, ['validate', 'bad.json'], app);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^bad\.json: nodes\[0\] \(x\)\.capacity: /m);
  });

  it('type-checks a consumer against the shipped declarations, which catch a wrong use', () => {
    writeFileSync(
      join(app, 'consumer.ts'),
      `import { type NodeLoad, nodeLoads, parseScenario, type Scenario, type SimulationResult, simulate } from 'flowlab';
import { simulateParallel } from 'flowlab/node';

const parsed = parseScenario({});
const scenario: Scenario | undefined = parsed.ok ? parsed.scenario : undefined;
const result: SimulationResult = simulate({});
const mean: number = result.leadTime.mean;
const loads: NodeLoad[] = scenario ? nodeLoads(scenario) : [];
const later: Promise<SimulationResult> = simulateParallel({}, { workers: 2 });
export { later, loads, mean };
`,
    );
    writeFileSync(
      join(app, 'wrong.ts'),
      `import { simulate } from 'flowlab';

export const mean: string = simulate({}).leadTime.mean;
`,
    );
    for (const resolution of [
      ['--module', 'nodenext', '--moduleResolution', 'nodenext'],
      ['--module', 'esnext', '--moduleResolution', 'bundler'],
    ]) {
      const good = tsc([...resolution, 'consumer.ts']);
      expect(good.stdout + good.stderr).toBe('');
      expect(good.code).toBe(0);
      const wrong = tsc([...resolution, 'wrong.ts']);
      expect(wrong.stdout).toMatch(
        /wrong\.ts\(3,14\): error TS2322: Type 'number' is not assignable to type 'string'/,
      );
    }
  });

  it('bundles for the browser: the flowlab entry point imports nothing from node:', async () => {
    writeFileSync(
      join(app, 'page.mjs'),
      "import { simulate } from 'flowlab';\nglobalThis.simulate = simulate;\n",
    );
    const bundled = await build({
      absWorkingDir: app,
      entryPoints: ['page.mjs'],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(bundled.metafile.inputs);
    expect(inputs.some((i) => i.includes('node_modules/flowlab/lib/'))).toBe(true);
    expect(inputs.filter((i) => i.startsWith('node:'))).toEqual([]);
  });
});

function pkgVersion(): string {
  return JSON.parse(readFileSync('package.json', 'utf8')).version;
}
