import { FNV_START, fnvStep } from './hash.js';

/*
 * Word shapes and casing classes. Shapes generalise over unseen names ("Xxxx", "XX",
 * "Xx-Xxxx", "d,ddd"); the casing class is what separates a name from a common word
 * in most positions.
 */

const enum C { Upper = 1, Lower = 2, Digit = 3, Other = 4 }

function cls(code: number, ch: string): C {
  if (code >= 48 && code <= 57) return C.Digit;
  if (code >= 65 && code <= 90) return C.Upper;
  if (code >= 97 && code <= 122) return C.Lower;
  if (code < 128) return C.Other;
  const up = ch.toUpperCase(), low = ch.toLowerCase();
  if (up !== low) return ch === up ? C.Upper : C.Lower;
  return C.Other;
}

const SYM: Record<C, string> = { [C.Upper]: 'X', [C.Lower]: 'x', [C.Digit]: 'd', [C.Other]: '' };

const SYM_CODE: Record<C, number> = { [C.Upper]: 88, [C.Lower]: 120, [C.Digit]: 100, [C.Other]: -1 };

/**
 * The FNV-1a states (hash.ts fnvStep) of shortShape(w) and longShape(w), built without the
 * strings: a word's shapes are hashed for every new word in a stream.
 */
export function shapeStates(w: string): [short: number, long: number] {
  let short = FNV_START, long = FNV_START, last = -1, run = 0;
  for (let i = 0; i < w.length; i++) {
    const code = w.charCodeAt(i);
    const c = cls(code, w[i]!);
    const s = c === C.Other ? code : SYM_CODE[c];
    if (s === last) {
      if (++run > 4) continue;
    } else {
      short = fnvStep(short, s);
      last = s;
      run = 1;
    }
    long = fnvStep(long, s);
  }
  return [short, long];
}

/** Long shape: each char mapped to X/x/d or itself, runs longer than 4 cut to 4. */
export function longShape(w: string): string {
  let out = '';
  let last = '';
  let run = 0;
  for (let i = 0; i < w.length; i++) {
    const ch = w[i]!;
    const c = cls(ch.charCodeAt(0), ch);
    const s = c === C.Other ? ch : SYM[c];
    if (s === last) {
      if (++run > 4) continue;
    } else {
      last = s;
      run = 1;
    }
    out += s;
  }
  return out;
}

/** Short shape: runs collapsed to one symbol ("Xx", "X.X.", "Xx-Xx", "d,d"). */
export function shortShape(w: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < w.length; i++) {
    const ch = w[i]!;
    const c = cls(ch.charCodeAt(0), ch);
    const s = c === C.Other ? ch : SYM[c];
    if (s !== last) out += s;
    last = s;
  }
  return out;
}

export const enum Casing { None = 0, Lower = 1, Title = 2, AllCaps = 3, Mixed = 4, Digit = 5 }

export function casing(w: string): Casing {
  let up = 0, low = 0, dig = 0;
  let firstUpper = false;
  for (let i = 0; i < w.length; i++) {
    const ch = w[i]!;
    const c = cls(ch.charCodeAt(0), ch);
    if (c === C.Upper) { up++; if (up + low === 1) firstUpper = true; }
    else if (c === C.Lower) low++;
    else if (c === C.Digit) dig++;
  }
  if (up + low === 0) return dig ? Casing.Digit : Casing.None;
  if (up === 0) return Casing.Lower;
  if (low === 0) return Casing.AllCaps;
  if (firstUpper && up === 1) return Casing.Title;
  return firstUpper ? Casing.Mixed : Casing.Mixed;
}

export function isCapitalised(w: string): boolean {
  const c = casing(w);
  return c === Casing.Title || c === Casing.AllCaps || c === Casing.Mixed;
}
