/*
 * E-mail and web addresses, handles: never names or places, whatever words they hold
 * ("press@harbour.org", "www.lisbon-port.pt", "@CityOfLisbon").
 */

const ADDRESS = /@|^(?:https?:|www\.)|:\/\/|\.(?:com|org|net|gov|edu|info|io)(?:[/?#]|\W*$)/i;

/** True when a whitespace-free word is, or is part of, an address. */
export function isAddress(word: string): boolean {
  return ADDRESS.test(word);
}

/** True when the span [start, end) lies in a word of the text that is an address. */
export function inAddress(text: string, start: number, end: number): boolean {
  let a = start, b = end;
  while (a > 0 && !/\s/.test(text[a - 1]!)) a--;
  while (b < text.length && !/\s/.test(text[b]!)) b++;
  return isAddress(text.slice(a, b));
}
