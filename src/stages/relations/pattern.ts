import { CLOSE, OPEN } from '../../text/frame.js';

/**
 * A small pattern language over masked sentences, compiled once:
 *   <A:CLS> <B:CLS>  an argument slot (optionally preceded by "the"), CLS one of the class sets below
 *   <X>              any other argument placeholder
 *   <W>              one plain word (no placeholder, no clause punctuation)
 *   <POS>            a possessive ending ('s, ’s, ’)
 *   a space          one space (masked text has single spaces)
 */
export const CLASSES = {
  PER: 'P',
  ORG: 'O',
  GRP: 'OGN',
  AGT: 'POGN',
  PLC: 'GL',
  ANY: 'POGNLM',
  ORGPER: 'OP',
  ORGGPE: 'OG',
} as const;

export type ClassSet = keyof typeof CLASSES;

const WORD = `[^\\s${OPEN}${CLOSE},.;:()\\[\\]]+`;

export function compile(src: string, flags = 'gi'): RegExp {
  let out = src
    .replace(/<([AB]):([A-Z]+)>/g, (_, slot: string, cls: string) => {
      const set = CLASSES[cls as ClassSet];
      if (!set) throw new Error(`unknown class ${cls}`);
      return `(?:[Tt]he )?${OPEN}(?<${slot.toLowerCase()}>\\d+)[${set}]${CLOSE}`;
    })
    .replace(/<X>/g, `${OPEN}\\d+[A-Z]${CLOSE}`)
    .replace(/<W>/g, WORD)
    .replace(/<POS>/g, `(?:[’']s?)`);
  return new RegExp(out, flags);
}

/** Class letters allowed for a slot of a compiled pattern, read back from its source. */
export function slotClasses(src: string, slot: 'A' | 'B'): string | undefined {
  const m = new RegExp(`<${slot}:([A-Z]+)>`).exec(src);
  return m ? CLASSES[m[1] as ClassSet] : undefined;
}
