/** The gold format of `eval times`, shown in its help (kept apart so help needs no scorer code). */
export const TIMES_GOLD_HELP = `
Gold file: JSON Lines, one document a line, offsets in UTF-16 code units into "text" (end exclusive):
  {"id": "a1", "published": "2017-07-24", "text": "Talks resumed last week and ran for three days.",
   "times": [{"start": 14, "end": 23, "value": "2017-W29"}, {"start": 36, "end": 46, "value": "P3D"}]}
"published" anchors relative expressions; each time may also carry "mod" (START, END, MORE_THAN...).
A prediction matches when its span overlaps a gold span (relaxed) or equals it (strict); value F1
counts relaxed matches with the same TIMEX3 value.`;
