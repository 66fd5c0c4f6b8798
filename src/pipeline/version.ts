import { readFileSync } from 'node:fs';
import type { Stage } from './stage.js';

/**
 * Stage versions are content hashes written at build time (scripts/stage-versions.mjs) into
 * dist/stage-versions.json: the compiled code a stage's module loads, transitively, and the
 * assets it declares (model, gazetteer). Any change to its rules, word lists or model gives a
 * new version, so a store can tell which records an older build made.
 */
const MANIFEST = new URL('../stage-versions.json', import.meta.url);
const modules = new Map<string, string>();
let manifest: Record<string, string> | undefined;

/** This build's version of a stage; "dev" when the build wrote no manifest. */
export function builtVersion(name: string): string {
  if (!manifest) {
    try {
      manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, string>;
    } catch {
      manifest = {};
    }
  }
  return manifest[name] ?? 'dev';
}

/** The module that defines each stage, by stage name, for the build step that hashes it. */
export function stageModules(): ReadonlyMap<string, string> {
  return modules;
}

/**
 * A project stage (document or collection) whose version is its build's content hash.
 * `moduleUrl` is the defining module's `import.meta.url`: the hash covers everything that
 * module imports.
 */
export function defineStage<S extends { readonly name: string; readonly version: string } = Stage>(moduleUrl: string, spec: Omit<S, 'version'>): S {
  modules.set(spec.name, moduleUrl);
  return Object.defineProperty({ ...spec }, 'version', { enumerable: true, get: () => builtVersion(spec.name) }) as unknown as S;
}
