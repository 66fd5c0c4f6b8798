/**
 * Cross-document identity until a knowledge-base stage resolves entities properly:
 * an entity is its type plus its normalised full name. Normalisation folds what varies
 * between outlets for the same name (case, accents, curly apostrophes, a leading "the",
 * dots in initials, runs of spaces) and nothing else, so distinct names never merge.
 */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\.(?=\S)/g, '')
    .replace(/\.$/, '')
    .replace(/^the\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function entityKey(type: string, name: string): string {
  return `${type}:${normalizeName(name)}`;
}

/** YYYY-MM-DD when the value starts with a calendar date, else undefined. */
export function dayOf(value: string | undefined): string | undefined {
  const m = value ? /^(\d{4}-\d{2}-\d{2})/.exec(value) : null;
  return m ? m[1] : undefined;
}
