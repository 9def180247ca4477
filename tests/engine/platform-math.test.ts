/**
 * The engine's elementary functions (src/engine/math.ts) give the same bits in every
 * JavaScript engine; the platform's need not (math.ts says how often they differ). Any call
 * of the platform's on the result path would let Node and the browser disagree, so none may
 * appear in src/ outside math.ts, nor the `**` operator, which is the platform's pow. This
 * reads the source text, so it also covers code no test happens to run.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sources } from '../source-files.ts';

const SRC = join(import.meta.dirname, '../../src');
const MATH_MODULE = 'engine/math.ts';

/**
 * The functions ECMAScript lets an engine approximate (ECMA-262, "Function Properties of the
 * Math Object": implementation-approximated). Math.sqrt, abs, floor, min, max, round, fround,
 * imul and friends are exact, and stay allowed.
 */
const APPROXIMATED = [
  'acos',
  'acosh',
  'asin',
  'asinh',
  'atan',
  'atanh',
  'atan2',
  'cbrt',
  'cos',
  'cosh',
  'exp',
  'expm1',
  'hypot',
  'log',
  'log1p',
  'log10',
  'log2',
  'pow',
  'sin',
  'sinh',
  'tan',
  'tanh',
];
const CALL = new RegExp(`\\bMath\\s*(?:\\?\\.|\\.)\\s*(${APPROXIMATED.join('|')})\\b`, 'g');
/**
 * `x ** y` is Math.pow (and differs between engines for about 10% of inputs, integer
 * exponents included); `x ** 2` is x * x everywhere, and 2 ** n for a whole n is exact.
 */
const POWER = /(?<!\b2\s*)\*\*(?!\s*2\b(?!\.))|\b2\s*\*\*(?!\s*-?\d+\b(?!\.))/g;
/** `Math[name]` and `const { log } = Math` reach them too. */
const INDIRECT = /\bMath\s*\[|=\s*Math\b(?!\s*(?:\??\.|\[))/g;

/** The text without comments, which may name a function to say why it is not used. */
function code(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:\\])\/\/.*$/gm, '$1');
}

/** Where `text` uses a platform function ("3: Math.log", "7: Math[", ...), by line, in order. */
function platformMath(text: string): string[] {
  const source = code(text);
  const lineOf = (index: number) => source.slice(0, index).split('\n').length;
  const found = [
    ...[...source.matchAll(CALL)].map((m) => ({ at: m.index, what: `Math.${m[1]}` })),
    ...[...source.matchAll(INDIRECT)].map((m) => ({ at: m.index, what: m[0].replace(/\s+/g, ' ') })),
    ...[...source.matchAll(POWER)].map((m) => ({ at: m.index, what: '**' })),
  ];
  return found.sort((x, y) => x.at - y.at).map((f) => `${lineOf(f.at)}: ${f.what}`);
}

describe("the platform's elementary functions", () => {
  it('are called nowhere in src/ but the engine’s math module', () => {
    const files = sources(SRC, /\.(ts|mts|js|mjs)$/);
    expect(files.length).toBeGreaterThan(50);
    const uses = files
      .filter((f) => relative(SRC, f) !== MATH_MODULE)
      .flatMap((f) => platformMath(readFileSync(f, 'utf8')).map((use) => `${relative(SRC, f)}:${use}`));
    expect(uses).toEqual([]);
  });

  it('are found however they are written, and not in comments', () => {
    const planted = [
      'const a = Math.log(x);',
      'const b = Math.exp (x) + Math.pow(x, 2);',
      'return Math.sin(x) * Math.cos(x) / Math.tan(x);',
      'const c = Math.log1p(x) + Math.expm1(x) + Math.log2(x) + Math.log10(x) + Math.cbrt(x) + Math.atan(x);',
      'const d = Math\n  .hypot(x, y);',
      "const e = Math['log'](x);",
      'const { exp } = Math;',
      'const f = Math?.atan2(y, x);',
      'const g = (1 - p) ** b + x ** 3 + x ** 2.5 + 2 ** k + 12 ** 2;',
      'h **= 3;',
    ].join('\n');
    expect(platformMath(planted)).toEqual([
      '1: Math.log',
      '2: Math.exp',
      '2: Math.pow',
      '3: Math.sin',
      '3: Math.cos',
      '3: Math.tan',
      '4: Math.log1p',
      '4: Math.expm1',
      '4: Math.log2',
      '4: Math.log10',
      '4: Math.cbrt',
      '4: Math.atan',
      '5: Math.hypot',
      '7: Math[',
      '8: = Math',
      '9: Math.atan2',
      '10: **',
      '10: **',
      '10: **',
      '10: **',
      '11: **',
    ]);
    const allowed = [
      '// Math.log would differ between engines in the last bit',
      '/** not Math.pow: 2^e from its bits */',
      'const g = Math.sqrt(x) + Math.floor(x) + Math.abs(x) + Math.max(x, 1);',
      'const h = (b - a) ** 2 + 2 ** 53 + 2 ** -14;',
      "const url = 'https://example.org/Math';",
    ].join('\n');
    expect(platformMath(allowed)).toEqual([]);
  });
});
