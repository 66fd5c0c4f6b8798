// Long made-up text for the tests of limits: news-like sentences from a small grammar, so the
// pipeline has names, places, numbers and quotes to work on, in paragraphs as an article has.
const PEOPLE = ['Amara Okafor', 'Tomas Verde', 'Lina Haddad', 'Jonas Berg', 'Mira Castell'];
const PLACES = ['Port Elden', 'Kessel', 'Marrow', 'Dunmore', 'Ashford'];
const VERBS = ['said', 'told reporters', 'announced', 'denied', 'confirmed'];
const THINGS = ['the bridge', 'the budget', 'the convoy', 'the school', 'the ceasefire'];

/** About `chars` characters of text, the same every time. */
export function longArticle(chars: number): string {
  const out: string[] = [];
  let n = 0;
  for (let i = 0; n < chars; i++) {
    const who = PEOPLE[i % PEOPLE.length]!, where = PLACES[(i * 3) % PLACES.length]!;
    const s = i % 4 === 3
      ? `"We will rebuild ${THINGS[i % THINGS.length]} in ${where}," ${who} ${VERBS[0]} on Monday.`
      : `${who} ${VERBS[i % VERBS.length]} in ${where} on ${1 + (i % 28)} March that ${i % 500} people had left ${THINGS[(i * 7) % THINGS.length]}.`;
    out.push(i % 5 === 4 ? `${s}\n\n` : `${s} `);
    n += s.length + 1;
  }
  return out.join('');
}
