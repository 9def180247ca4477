/**
 * The sandbox's Content-Security-Policy. The page runs only its own scripts and workers (no
 * inline script, no eval, nothing from another origin), styles only from its own stylesheet,
 * and connects nowhere but where it came from; images may be data: (the favicon) and blob:
 * (a chart drawn to PNG). A share link is data in the hash, so even a crafted one has nothing
 * it could load or run. Charts set styles through the CSSOM, which the policy allows.
 *
 * The built site carries the policy in a <meta> tag, so it holds on any static host. The dev
 * server sends it as a header, loosened only as Vite's client needs: the styles it injects
 * and the websocket it reloads the page through.
 */

export const SITE_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

export const DEV_POLICY = SITE_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'").replace(
  "connect-src 'self'",
  "connect-src 'self' ws://127.0.0.1:* ws://localhost:*",
);

/**
 * The policy of the single-file sandbox (scripts/single-file.ts), opened from a file:// URL:
 * the site's, with its one inline script and one inline stylesheet allowed by their hashes,
 * workers from the blob: URL it makes of the worker's script, and no connections anywhere.
 */
export function filePolicy(scriptHash: string, styleHash: string): string {
  return SITE_POLICY.replace("script-src 'self'", `script-src ${scriptHash}`)
    .replace("worker-src 'self'", 'worker-src blob:')
    .replace("style-src 'self'", `style-src ${styleHash}`)
    .replace("img-src 'self' data: blob:", 'img-src data: blob:')
    .replace("connect-src 'self'", "connect-src 'none'")
    .replace("manifest-src 'self'", "manifest-src 'none'");
}
