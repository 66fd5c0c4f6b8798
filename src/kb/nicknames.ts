/*
 * Given names that name one person: equal, an initial ("J." for John), a short form that
 * starts the full one ("Alex", "Alexander"), or a common English hypocorism ("Bill", "William").
 */
const HYPOCORISMS: Record<string, readonly string[]> = {
  william: ['bill', 'billy', 'will', 'willie', 'liam'],
  robert: ['bob', 'bobby', 'rob', 'robbie', 'bert'],
  richard: ['dick', 'rick', 'ricky', 'rich'],
  james: ['jim', 'jimmy', 'jamie'],
  john: ['jack', 'johnny', 'jon'],
  jonathan: ['jon', 'jonny'],
  margaret: ['peggy', 'maggie', 'meg', 'marge'],
  elizabeth: ['betty', 'beth', 'liz', 'lizzie', 'eliza', 'betsy'],
  katherine: ['kate', 'katie', 'kathy', 'kat'],
  catherine: ['kate', 'katie', 'cathy', 'cat'],
  michael: ['mike', 'mikey', 'mick'],
  edward: ['ed', 'eddie', 'ted', 'ned'],
  theodore: ['ted', 'teddy', 'theo'],
  charles: ['chuck', 'charlie', 'chas'],
  henry: ['hank', 'harry'],
  harold: ['harry', 'hal'],
  lawrence: ['larry'],
  gerald: ['jerry', 'gerry'],
  anthony: ['tony'],
  joseph: ['joe', 'joey'],
  maurice: ['mo', 'mau'],
  mohammed: ['mo'],
  muhammad: ['mo'],
  alexandra: ['sandy', 'alex'],
  susan: ['sue', 'suzy'],
  bernard: ['bernie'],
  stephen: ['steve', 'stevie'],
  steven: ['steve', 'stevie'],
  nicholas: ['nick', 'nicky'],
  andrew: ['andy', 'drew'],
  patrick: ['pat', 'paddy'],
  patricia: ['pat', 'patty', 'trish'],
  jeffrey: ['jeff'],
  geoffrey: ['geoff', 'jeff'],
  gregory: ['greg'],
  albert: ['al', 'bert'],
  alan: ['al'],
  david: ['dave', 'davey'],
  frederick: ['fred', 'freddie'],
  benjamin: ['ben', 'benny'],
  samuel: ['sam', 'sammy'],
  matthew: ['matt'],
  peter: ['pete'],
  ronald: ['ron', 'ronnie'],
  timothy: ['tim', 'timmy'],
  vincent: ['vince', 'vinny'],
  walter: ['walt', 'wally'],
  thomas: ['tom', 'tommy'],
  daniel: ['dan', 'danny'],
  donald: ['don', 'donnie'],
  kenneth: ['ken', 'kenny'],
  christopher: ['chris', 'kit'],
  jennifer: ['jen', 'jenny'],
  rebecca: ['becky', 'becca'],
  deborah: ['debbie', 'deb'],
  victoria: ['vicky', 'tori'],
  barbara: ['barb', 'babs'],
  abraham: ['abe'],
  newton: ['newt'],
};

const SAME = new Map<string, Set<string>>();
for (const [full, shorts] of Object.entries(HYPOCORISMS)) {
  for (const s of [full, ...shorts]) {
    const set = SAME.get(s) ?? new Set<string>();
    set.add(full);
    SAME.set(s, set);
  }
}

/** True when two given names (folded, lower case) can name one person. */
export function givenNamesMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length === 1) return long.startsWith(short);
  if (short.length >= 3 && long.startsWith(short)) return true;
  const sa = SAME.get(a), sb = SAME.get(b);
  return !!sa && !!sb && [...sa].some((x) => sb.has(x));
}
