import { errorMessage } from '../core/errors.js';
import { printable } from './terminal.js';

/** The one shape of a user-facing failure: `newsgraph: <input>: <reason>` on one line. */
export function reportFailure(input: string, reason: unknown): void {
  process.stderr.write(`newsgraph: ${oneLine(input)}: ${oneLine(typeof reason === 'string' ? reason : errorMessage(reason))}\n`);
}

/** Something the user should know although the input was read: `newsgraph: <input>: warning: <what>`. */
export function warningLine(input: string, what: string): string {
  return `newsgraph: ${oneLine(input)}: warning: ${oneLine(what)}`;
}

/** One line of a message, printable on a terminal (messages quote inputs' names and stored ids). */
export function oneLine(s: string): string {
  return printable(s).replace(/\s*\n\s*/g, ' ').trim();
}

/** A positive whole number from a CLI flag, or a one-line error naming the flag. */
export function positiveInt(flag: string, v: string | undefined, dflt: number): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${flag} must be a whole number, got "${v}"`);
  return n;
}

/** A mistake in how the command was called: reported in one line, exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
export function checkDate(flag: string, v: string | undefined): string | undefined {
  if (v !== undefined && !DATE.test(v)) throw new UsageError(`${flag} must be a date YYYY-MM-DD (or YYYY-MM, YYYY), got "${v}"`);
  return v;
}
