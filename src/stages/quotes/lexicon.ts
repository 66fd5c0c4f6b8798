/*
 * The small closed classes the speaker finder needs, looked up lower-cased (reporting verbs:
 * src/text/reporting-verbs.ts).
 */

/** Words that cannot sit inside a speaker noun phrase: they open clauses or are verbs. */
export const NP_BREAKERS: ReadonlySet<string> = new Set([
  'that', 'which', 'who', 'whom', 'whose', 'but', 'because', 'while', 'when', 'if', 'as', 'after', 'before', 'since',
  'although', 'though', 'so', 'than', 'where', 'whether', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have',
  'had', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'must', 'do', 'does', 'did', 'not', 'to', 'also', 'then',
  'there', 'here', 'it', 'this', 'these', 'those', 'what', 'how', 'why', 'once', 'until', 'or', 'nor', 'yet', 'by', 'on',
  'at', 'into', 'onto', 'about', 'over', 'under', 'during', 'without', 'through', 'against', 'said', 'says', 'told', 'say',
  'unless', 'whereas', 'like', 'even', 'just', 'only', 'now', 'still', 'already', 'again', 'recently', 'later', 'earlier',
]);

/** Adverbs and auxiliaries allowed between a subject and its reporting verb ("he has also said"). */
export const VERB_PREMODIFIERS: ReadonlySet<string> = new Set([
  'has', 'have', 'had', 'also', 'later', 'then', 'once', 'previously', 'earlier', 'often', 'repeatedly', 'recently',
  'again', 'further', 'will', 'would', 'could', 'might', 'may', 'did', 'does', 'do', 'is', 'was', 'were', 'are', 'been',
  'reportedly', 'publicly', 'privately', 'flatly', 'simply', 'even', 'already', 'still', 'never', 'always', 'first', 'just',
  'frequently', 'famously', 'openly', 'angrily', 'bluntly', 'quickly', 'immediately', 'similarly', 'separately', 'not',
]);

export const DETERMINERS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'another', 'other', 'some', 'many', 'several', 'two', 'three', 'four', 'both', 'his', 'her', 'their',
  'its', 'our', 'one', 'most', 'few', 'all', 'senior', 'top', 'former',
]);
