import { describe, expect, it } from 'vitest';
import { presetsFrom } from '../../web/viewmodel/presets.ts';
import { PRESETS } from './presets-fixture.ts';

describe('the preset picker', () => {
  it('lists the token ring and the dynamic network first, then the rest by name', () => {
    const ids = PRESETS.map((p) => p.id);
    expect(ids.slice(0, 2)).toEqual(['token-ring', 'dynamic-network']);
    const rest = PRESETS.slice(2).map((p) => p.name);
    expect(rest).toEqual([...rest].sort((a, b) => a.localeCompare(b, 'en')));
  });

  it('leaves out the $schema line and names a preset without a name by its file', () => {
    const [p] = presetsFrom({ '../../scenarios/plain.json': { default: { $schema: 'x', run: {} } } });
    expect(p.id).toBe('plain');
    expect(p.name).toBe('plain');
    expect('$schema' in p.document).toBe(false);
  });
});
