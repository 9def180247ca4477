/**
 * Every scenario in `scenarios/`, bundled at build time: a preset added there shows up in the
 * picker with no code change.
 */
import { type Preset, presetsFrom } from './presets.ts';

export const PRESETS: Preset[] = presetsFrom(import.meta.glob('../../scenarios/*.json', { eager: true }));
