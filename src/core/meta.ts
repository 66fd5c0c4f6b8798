/** What is known about an article besides its text. All fields optional. */
export interface DocMeta {
  readonly title?: string;
  readonly author?: string;
  readonly outlet?: string;
  readonly url?: string;
  /** Publication date, ISO 8601 (YYYY-MM-DD or a full timestamp). */
  readonly published?: string;
  /** The language its source declares (an HTML lang attribute), as given. */
  readonly lang?: string;
  /** The language detected from the text by the pipeline: ISO 639-3 (`eng`, `fra`), `und` when it cannot tell. */
  readonly language?: string;
  /** Where the text came from: a file path, a URL, "stdin", with a record index for multi-record inputs. */
  readonly origin?: string;
}

const FIELDS: readonly (keyof DocMeta)[] = ['title', 'author', 'outlet', 'url', 'published', 'lang', 'origin'];

/** Keeps only known, non-empty string fields, trimmed and NFC-normalised. */
export function cleanMeta(m: Partial<Record<keyof DocMeta, unknown>>): DocMeta {
  const out: Record<string, string> = {};
  for (const k of FIELDS) {
    const v = m[k];
    if (v == null) continue;
    const s = String(v).normalize('NFC').replace(/\s+/g, ' ').trim();
    if (s) out[k] = s;
  }
  return out as DocMeta;
}
