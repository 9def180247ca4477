/**
 * Imported first by the page and by the worker. zod compiles its object parsers with
 * `new Function` when it may; the sandbox's Content-Security-Policy (csp.ts) allows no eval,
 * and the browser reports even zod's probe for it as a violation. Told to go without, zod
 * never tries, and parses exactly as before.
 */
import { z } from 'zod';

z.config({ jitless: true });
