import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { singleFilePlugin } from './scripts/single-file.ts';
import { DEV_POLICY, SITE_POLICY } from './web/csp.ts';

/** The Content-Security-Policy (web/csp.ts): a <meta> tag in the built page, a header in dev. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'flowlab-content-security-policy',
    transformIndexHtml: {
      order: 'post',
      handler: (_html, context) =>
        context.server
          ? []
          : [
              {
                tag: 'meta',
                attrs: { 'http-equiv': 'Content-Security-Policy', content: SITE_POLICY },
                injectTo: 'head-prepend',
              },
            ],
    },
    configureServer(server) {
      server.middlewares.use((_req, res, next) => {
        res.setHeader('Content-Security-Policy', DEV_POLICY);
        next();
      });
    },
  };
}

export default defineConfig({
  root: 'web',
  base: './',
  plugins: [contentSecurityPolicy(), singleFilePlugin()],
  build: { outDir: '../dist', emptyOutDir: true },
  test: {
    root: '.',
    include: ['tests/**/*.test.ts'],
    // Brings lib/ up to date before any test, so the tests that run bin/flowlab.js run what
    // the package ships, and start in a fraction of the time tsx takes (a stale lib/ would not
    // be run: the bin falls back to the sources).
    globalSetup: ['scripts/build-lib.mjs'],
    // One fixed seed for the property tests (tests/fast-check-seed.ts says why).
    setupFiles: ['tests/fast-check-seed.ts'],
    // A timeout is there to catch a hang, not to time a test: on the busy 2-core machine CI runs
    // on, single CLI tests that spawn flowlab several times took up to 40 s, so 60 s failed
    // tests for the machine's load. Speed is measured by the bench, never asserted here.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
