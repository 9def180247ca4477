#!/usr/bin/env node
// flowlab's command line. The sources are TypeScript; tsx compiles them on the fly,
// so `npx flowlab` works straight after `npm install`, with no build step to forget.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
