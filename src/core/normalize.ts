/**
 * Text normalisation, done once at ingest. Offsets of every layer point into the
 * result, so it must never change afterwards. Typography (curly quotes, dashes) is kept:
 * it carries meaning for quote detection.
 */
export function normalizeText(raw: string): string {
  let t = raw;
  if (t.charCodeAt(0) === 0xfeff) t = t.slice(1);
  t = t.normalize('NFC');
  // One line-ending convention; stray NULs and other C0 controls except tab/newline become spaces.
  t = t.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' ');
  // Non-breaking and other exotic spaces stay one code unit long (offsets unchanged in length) but plain.
  t = t.replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ');
  // No trimming: leading blanks keep offsets aligned with the source where the source allows it.
  return t;
}
