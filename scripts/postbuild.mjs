// Makes the CLI entry executable after tsc (tsc does not keep the mode bit).
import { chmodSync, existsSync } from 'node:fs';
const bin = new URL('../dist/cli/main.js', import.meta.url);
if (existsSync(bin)) chmodSync(bin, 0o755);
// The web app's static assets (HTML, CSS) sit beside its compiled modules in dist/web.
import { cpSync } from 'node:fs';
cpSync(new URL('../src/web/static', import.meta.url), new URL('../dist/web/static', import.meta.url), { recursive: true });
// Content-hash versions of the stages, read by the pipeline at run time.
await import('./stage-versions.mjs');
