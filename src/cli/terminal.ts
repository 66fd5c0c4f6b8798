/**
 * Stored text (titles, authors, article text, names) comes from documents anyone could have
 * written; printed as it is, an escape sequence in it would drive the reader's terminal (move the
 * cursor, retitle the window, rewrite what was printed before). Every command prints stored text
 * through these.
 */

// Escape sequences whole: CSI (ESC [ … final byte, or its 8-bit form 0x9B), OSC and the other
// string commands (ESC ] P X ^ _ … up to BEL or ST), two-byte ESC forms. An unterminated string
// command loses only its introducer (its payload stays as visible text), so a stray byte never
// swallows the rest of an article.
const SEQUENCES = /\x1b\[[0-?]*[ -/]*[@-~]|\x9b[0-?]*[ -/]*[@-~]|\x1b[\]PX^_][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)|\x1b[ -~]?/g;
// What is left of C0 (tab and newline stay), DEL and C1.
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

/** Text with terminal escape sequences and control characters taken out (tab and newline kept). */
export function printable(s: string): string {
  return s.replace(SEQUENCES, '').replace(CONTROLS, '');
}

/**
 * JSON for a terminal: JSON.stringify escapes C0 controls itself; DEL and C1 are escaped here too,
 * so the text reads back the same and none of it reaches the terminal raw.
 */
export function jsonText(value: unknown): string {
  return JSON.stringify(value).replace(/[\x7f-\x9f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Prints on stdout (stderr with `to`), stored text made printable. */
export function out(text: string, to: NodeJS.WriteStream = process.stdout): void {
  to.write(printable(text));
}
