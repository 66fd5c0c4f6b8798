/*
 * Personal pronouns with their grammar, and the sets the resolve and quotes stages read:
 * each set is named for what it picks out and derived from the one table.
 */

type Case = 'subject' | 'object' | 'possessive';

interface Pronoun {
  readonly cases: readonly Case[];
  /** 1, 2 or 3. */
  readonly person: number;
  /** 3rd person singular: who or what it stands for. */
  readonly gender?: 'male' | 'female' | 'thing';
}

/** The forms the stages read ("me", "my", "your" and the possessive pronouns but "hers" are not among them). */
const PRONOUNS: Readonly<Record<string, Pronoun>> = {
  i: { cases: ['subject'], person: 1 },
  we: { cases: ['subject'], person: 1 },
  us: { cases: ['object'], person: 1 },
  our: { cases: ['possessive'], person: 1 },
  you: { cases: ['subject', 'object'], person: 2 },
  he: { cases: ['subject'], person: 3, gender: 'male' },
  him: { cases: ['object'], person: 3, gender: 'male' },
  his: { cases: ['possessive'], person: 3, gender: 'male' },
  she: { cases: ['subject'], person: 3, gender: 'female' },
  her: { cases: ['object', 'possessive'], person: 3, gender: 'female' },
  hers: { cases: ['possessive'], person: 3, gender: 'female' },
  it: { cases: ['subject', 'object'], person: 3, gender: 'thing' },
  its: { cases: ['possessive'], person: 3, gender: 'thing' },
  they: { cases: ['subject'], person: 3 },
  them: { cases: ['object'], person: 3 },
  their: { cases: ['possessive'], person: 3 },
};

function pronouns(keep: (p: Pronoun) => boolean): ReadonlySet<string> {
  return new Set(Object.keys(PRONOUNS).filter((w) => keep(PRONOUNS[w]!)));
}

/** Every pronoun in the table, lower-case. */
export const ALL_PRONOUNS = pronouns(() => true);

/** Pronouns that can be a clause subject: he, she, it, they, I, we, you. */
export const SUBJECT_PRONOUNS = pronouns((p) => p.cases.includes('subject'));

/** Subjects that can stand for a speaker: not "it", nor the reader's "you". */
export const SPEAKER_PRONOUNS = pronouns((p) => p.cases.includes('subject') && p.person !== 2 && p.gender !== 'thing');

/** One person as the subject: he, she. */
export const PERSON_SUBJECT_PRONOUNS = pronouns((p) => (p.gender === 'male' || p.gender === 'female') && p.cases.includes('subject'));
