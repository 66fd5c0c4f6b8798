/*
 * Invented articles for the copies and sources tests: people, places and outlets made up here.
 */

/** A report on a bridge closing in the invented town of Kessel, five paragraphs under a title. */
export const BRIDGE = [
  'Kessel closes its old river bridge after inspectors find cracks.',
  'The town of Kessel closed the Marrow Street bridge to all traffic on Monday after state inspectors found deep cracks in two of its supporting piers, officials said.',
  '“We are not going to take chances with a structure that carries four thousand cars a day,” said Mayor Ilse Brandt, who announced the closure at a news conference outside the town hall.',
  'The bridge, built in 1931, was last repaired eleven years ago. Engineers from the regional transport office will spend the next three weeks deciding whether the piers can be strengthened or the span must be replaced.',
  'Detours will send drivers across the Fennick Road crossing, adding about twenty minutes to the trip between the east bank and the market district. School buses will follow the same route until further notice.',
  'Local shop owners on Marrow Street said they feared a long closure would keep customers away during the busy harvest fair, which opens at the end of the month and usually draws visitors from across the valley.',
];

/** A report on the same town, on another subject: related by place and people, not a copy. */
export const LIBRARY = [
  'Kessel library reopens with a new reading room for children.',
  'After fourteen months of building work, the Kessel public library reopened its doors on Saturday with a glass reading room for children and a workshop where residents can repair bicycles and small appliances.',
  'Mayor Ilse Brandt cut the ribbon in front of a crowd of families, many of whom had signed petitions three years ago asking the council not to sell the building to a developer.',
  'The librarian, Tomas Oyelaran, said the collection had grown by nine thousand books, most of them donated by residents who cleared their shelves when the old branch closed for renovation.',
  'Opening hours will be longer on weekdays, and a mobile book van will visit the farms on the east bank every second Thursday from next month, the library board said in a statement.',
];

/** An unrelated report from elsewhere. */
export const HARBOUR = [
  'Fishing fleet stays in port as storm warnings spread along the coast.',
  'Boats from Port Alden stayed tied up for a third day on Wednesday as forecasters extended gale warnings along the northern coast, leaving crews without income in the middle of the herring season.',
  'The harbour master, Greta Solberg, said more than sixty vessels had been ordered to remain in port, and that the coast guard had moved two rescue cutters closer to the outer islands.',
  'Fish processors in the town said they had laid off part-time workers until the weather clears, and warned that prices at the morning auction could rise sharply next week.',
];

export const article = (paras: readonly string[]) => paras.join('\n\n') + '\n';
