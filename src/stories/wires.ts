/*
 * The news agency a document credits: the wire in its dateline ("DALMORA (AP) —"), a credit line
 * ("By Reuters", "— Agence France-Presse", "Source: AFP"), a byline ending in a wire ("By Ana
 * Ruiz, Associated Press") or a wire's copyright line. Only the first and last lines are read:
 * an agency named in the body is a source the article cites, not the article's own.
 */

interface Wire {
  /** Folded name (the outlet registry's, where it lists the agency). */
  readonly name: string;
  /** Full names, matched in any case. */
  readonly names: readonly string[];
  /** Short forms, matched as written, in a dateline's parentheses or a credit line only. */
  readonly short?: readonly string[];
}

export const WIRES: readonly Wire[] = [
  { name: 'associated press', names: ['Associated Press', 'The Associated Press'], short: ['AP'] },
  { name: 'reuters', names: ['Reuters', 'Thomson Reuters'] },
  { name: 'agence france-presse', names: ['Agence France-Presse', 'Agence France Presse'], short: ['AFP'] },
  { name: 'united press international', names: ['United Press International'], short: ['UPI'] },
  { name: 'bloomberg', names: ['Bloomberg News', 'Bloomberg'] },
  { name: 'deutsche presse-agentur', names: ['Deutsche Presse-Agentur', 'Deutsche Presse Agentur'], short: ['dpa', 'DPA'] },
  { name: 'efe', names: ['Agencia EFE'], short: ['EFE'] },
  { name: 'ansa', names: ['Agenzia ANSA'], short: ['ANSA'] },
  { name: 'xinhua', names: ['Xinhua News Agency', 'Xinhua'] },
  { name: 'kyodo', names: ['Kyodo News', 'Kyodo'] },
  { name: 'jiji press', names: ['Jiji Press'], short: ['Jiji'] },
  { name: 'yonhap', names: ['Yonhap News Agency', 'Yonhap'] },
  { name: 'press association', names: ['Press Association', 'PA Media'] },
  { name: 'canadian press', names: ['The Canadian Press', 'Canadian Press'], short: ['CP'] },
  { name: 'australian associated press', names: ['Australian Associated Press'], short: ['AAP'] },
  { name: 'anadolu agency', names: ['Anadolu Agency', 'Anadolu'] },
  { name: 'tass', names: ['TASS'] },
  { name: 'interfax', names: ['Interfax'] },
  { name: 'ria novosti', names: ['RIA Novosti'] },
  { name: 'press trust of india', names: ['Press Trust of India'], short: ['PTI'] },
  { name: 'asian news international', names: ['Asian News International'], short: ['ANI'] },
  { name: 'europa press', names: ['Europa Press'] },
];

/** Lines read at each end of the text. */
const HEAD = 4;
const TAIL = 3;

export interface WireCredit {
  /** The wire's folded name. */
  readonly wire: string;
  /** Span of the words that name it. */
  readonly start: number;
  readonly end: number;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[ -]/g, '[\\s-]');
const byForm = new Map<string, string>();
for (const w of WIRES) {
  for (const n of w.names) byForm.set(n.toLowerCase().replace(/^the /, '').replace(/-/g, ' '), w.name);
  for (const s of w.short ?? []) byForm.set(s, w.name);
}
const FULL = WIRES.flatMap((w) => w.names).sort((a, b) => b.length - a.length).map(esc).join('|');
const SHORT = WIRES.flatMap((w) => w.short ?? []).map(esc).join('|');
// Full names any case ((?i) per group is not in JS: the full-name alternatives go in their own regexes).
const ANY = `(?:the\\s+)?(${FULL})`;
const DASH = '[-‐–—―]+';
/** "CITY, Month D (AP) —", "CITY (Reuters) -": the wire in parentheses, then a dash or colon. */
const DATELINE_SHORT = new RegExp(`\\((${SHORT})\\)\\s*(?:${DASH}|:)`);
const DATELINE_FULL = new RegExp(`\\(${ANY}\\)\\s*(?:${DASH}|:)`, 'i');
/** A line that is only a credit: "By Reuters", "— AFP", "Source: The Associated Press", "(AP)". */
const CREDIT_SHORT = new RegExp(`^\\s*(?:by|from|source:|via|${DASH}|\\()?\\s*(${SHORT})\\)?\\s*\\.?\\s*$`, 'i');
const CREDIT_FULL = new RegExp(`^\\s*(?:by|from|source:|via|${DASH}|\\()?\\s*${ANY}(?:\\s+(?:staff|news service|reporters?|writers?))?\\)?\\s*\\.?\\s*$`, 'i');
/** "By Ana Ruiz, Associated Press" / "By Ana Ruiz | Reuters"; a trailing "— Agence France-Presse". */
const BYLINE = new RegExp(`^\\s*by\\s+[^,|\\n]{2,60}[,|]\\s*${ANY}\\b`, 'i');
const TRAILER = new RegExp(`${DASH}\\s*${ANY}\\s*\\.?\\s*$`, 'i');
const COPYRIGHT = new RegExp(`(?:copyright|©|\\(c\\))\\s*(?:\\d{4}\\s*)?${ANY}`, 'i');
/** A short form in a credit line is matched as written: "AP" credits, "ap" does not. */
const SHORT_EXACT = new RegExp(`^(?:${SHORT})$`);

function wireOfForm(form: string): string | undefined {
  if (SHORT_EXACT.test(form)) return byForm.get(form);
  return byForm.get(form.toLowerCase().replace(/^the\s+/, '').replace(/[\s-]+/g, ' '));
}

/** The wire a document credits in its dateline or credit lines, with the span naming it. */
export function wireCredit(text: string): WireCredit | undefined {
  const lines: { start: number; text: string }[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    if (line.trim()) lines.push({ start: at, text: line });
    at += line.length + 1;
  }
  const head = lines.slice(0, HEAD);
  const tail = lines.slice(Math.max(0, lines.length - TAIL));
  const found = (line: { start: number; text: string }, m: RegExpExecArray | null): WireCredit | undefined => {
    const form = m?.[1];
    if (!m || !form) return undefined;
    const wire = wireOfForm(form);
    if (!wire) return undefined;
    const start = line.start + m.index + m[0].indexOf(form);
    return { wire, start, end: start + form.length };
  };
  for (const line of head) {
    // A dateline opens a paragraph: only its first words are read.
    const opening = line.text.slice(0, 160);
    const hit = found(line, DATELINE_SHORT.exec(opening)) ?? found(line, DATELINE_FULL.exec(opening))
      ?? creditLine(line, found) ?? found(line, BYLINE.exec(line.text));
    if (hit) return hit;
  }
  for (const line of tail) {
    const hit = creditLine(line, found) ?? found(line, TRAILER.exec(line.text)) ?? found(line, COPYRIGHT.exec(line.text));
    if (hit) return hit;
  }
  return undefined;
}

function creditLine(line: { start: number; text: string }, found: (l: { start: number; text: string }, m: RegExpExecArray | null) => WireCredit | undefined): WireCredit | undefined {
  if (line.text.length > 80) return undefined;
  return found(line, CREDIT_SHORT.exec(line.text)) ?? found(line, CREDIT_FULL.exec(line.text));
}
