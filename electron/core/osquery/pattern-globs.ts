/**
 * A catalog pattern (a JavaScript regular expression matched against the WHOLE value, case
 * insensitively: catalog-schema.ts, load-catalog.ts compilePattern) → anchored SQLite GLOB
 * patterns for the value in lower case, one of which the value matches when the pattern does. The
 * Fleet policies decide with these. A policy has no second step: the importer's native matcher
 * drops a report's extra rows, but nothing drops a policy's. So a glob must say what the pattern
 * says, as far as SQL can.
 *
 * GLOB rather than LIKE: GLOB has character classes ('[0-9]' for \d), LIKE only '_' (any one
 * character). With LIKE, 'Kaspersky( (?<version>\d+(\.\d+)*))?' could only become 'Kaspersky _%',
 * which keeps every program named "Kaspersky " and anything; as GLOB it is 'kaspersky [0-9]*',
 * a version number first. GLOB is case sensitive, so the value is compared as lower(trim(column)):
 * trimmed as the observers trim every value (osquery-records.ts cell()), lower-cased as SQLite's
 * lower() does, A-Z only (sqlite.org/lang_corefunc.html#lower), the glob's text lower-cased the
 * same way. GLOB and lower() are core SQLite (sqlite.org/lang_expr.html#glob), which osquery's
 * SQLite is.
 *
 * How each part of a pattern is written:
 * - a literal stays itself, A-Z lower-cased, and GLOB's own '*', '?' and '[' written '[*]', '[?]'
 *   and '[[]';
 * - '.' becomes '?' (exact: one character, as '.' is, a line break aside, which names have none);
 * - a class becomes the GLOB class that says it ('[0-9]' for \d, '[^/]' for [^/]: exact), '[^ ]'
 *   for \S (wider: a tab gets through) or '?' for \s and what does not translate (wider);
 * - a repeat becomes its least count of the item then '*': '.+' → '?*' is exact, '\d+' →
 *   '[0-9]*' is wider (after the first digit, anything), which is the one way a glob still says
 *   more than its pattern. It is acceptable because the literals and the first item stay in place:
 *   'avp[0-9]*' (for AVP\d+(\.\d+)*) keeps a service named AVP and a digit and more, not every
 *   service with "avp" somewhere in its name;
 * - an optional part or an alternation becomes its alternatives, at most MAX_GLOBS of them per
 *   pattern; past that, the alternation that multiplies most becomes '*', every literal around
 *   it kept in order (still far tighter than one factor of like-factors.ts);
 * - \b, ^ and $ say nothing a glob can: dropped, which widens;
 * - lower() leaves letters outside A-Z as they are, so a glob holding such a letter that has a
 *   case is given as written, in lower case and in upper case (as like-factors.ts does): a value in
 *   some other mix of cases is missed, which is why such a glob is not called exact.
 *
 * A glob is `exact` when none of the above widened or narrowed it: a value matches it only if the
 * pattern matches the value (pattern-globs.test.ts checks it on random strings and on every name
 * in the catalog). Values are compared as ASCII folds them: JavaScript's 'iu' also folds the
 * Kelvin sign to k and the long s to s, which no product name holds.
 */
import { asciiLower, type PatternNode, parsePattern } from './catalog-pattern-syntax';

/** One piece of a glob: literal text, '?', '*', or a GLOB class as written ('[0-9]'). */
type Piece =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'one' }
  | { readonly kind: 'many' }
  | { readonly kind: 'class'; readonly glob: string };
type Glob = readonly Piece[];

interface Globs {
  readonly globs: readonly Glob[];
  readonly exact: boolean;
}

export interface PatternGlob {
  /** GLOB syntax for the lower-cased value, not yet quoted for SQL. */
  readonly glob: string;
  /**
   * True when every value the glob matches, its pattern matches too (nothing widened it). Every
   * pattern's globs together match every value the pattern matches (the mixed cases of a letter
   * outside A-Z aside, above).
   */
  readonly exact: boolean;
}

/** The most alternatives one pattern expands to before its widest alternation becomes '*'. */
export const MAX_GLOBS = 32;

const ONE: Piece = { kind: 'one' };
const MANY: Piece = { kind: 'many' };
const ANYTHING: Globs = { globs: [[MANY]], exact: false };

/** Literal text merged, and each run of '?' and '*' written as its '?'s then one '*' if any. */
function canonical(glob: Glob): Glob {
  const out: Piece[] = [];
  let ones = 0;
  let many = false;
  const flush = () => {
    for (let i = 0; i < ones; i += 1) out.push(ONE);
    if (many) out.push(MANY);
    ones = 0;
    many = false;
  };
  for (const piece of glob) {
    if (piece.kind === 'one') ones += 1;
    else if (piece.kind === 'many') many = true;
    else if (piece.kind === 'class' || piece.text !== '') {
      flush();
      const last = out.at(-1);
      if (piece.kind === 'text' && last?.kind === 'text')
        out[out.length - 1] = { kind: 'text', text: last.text + piece.text };
      else out.push(piece);
    }
  }
  flush();
  return out;
}

const escaped = (text: string) => asciiLower(text).replace(/[*?[]/g, (c) => `[${c}]`);

function written(glob: Glob): string {
  return glob
    .map((p) =>
      p.kind === 'text' ? escaped(p.text) : p.kind === 'one' ? '?' : p.kind === 'many' ? '*' : p.glob,
    )
    .join('');
}

function distinct(globs: readonly Glob[]): Glob[] {
  const seen = new Map<string, Glob>();
  for (const glob of globs.map(canonical)) seen.set(written(glob), glob);
  return [...seen.values()];
}

function cross(a: readonly Glob[], b: readonly Glob[]): Glob[] {
  return distinct(a.flatMap((x) => b.map((y) => [...x, ...y])));
}

function repeated(item: Globs, times: number): Globs {
  let globs: readonly Glob[] = [[]];
  for (let i = 0; i < times; i += 1) globs = cross(globs, item.globs);
  return globs.length > MAX_GLOBS ? ANYTHING : { globs, exact: item.exact };
}

function globsOf(node: PatternNode): Globs {
  switch (node.kind) {
    case 'literal':
      return { globs: [[{ kind: 'text', text: node.text }]], exact: true };
    case 'any':
      return { globs: [[ONE]], exact: true };
    case 'class':
      return { globs: [[node.glob === '?' ? ONE : { kind: 'class', glob: node.glob }]], exact: node.exact };
    case 'assertion':
      return { globs: [[]], exact: false };
    case 'repeat': {
      const item = globsOf(node.item);
      const least = repeated(item, node.min);
      if (node.max === node.min) return least;
      // '*' after the least count: exact only when the item is any character and the count unbounded.
      const exact = node.item.kind === 'any' && node.max === null;
      return { globs: least.globs.map((g) => [...g, MANY]), exact };
    }
    case 'alternation': {
      const branches = node.branches.map(globsOf);
      const globs = distinct(branches.flatMap((b) => b.globs));
      return globs.length > MAX_GLOBS ? ANYTHING : { globs, exact: branches.every((b) => b.exact) };
    }
    case 'sequence': {
      const items = node.items.map(globsOf);
      const count = () => items.reduce((n, item) => n * item.globs.length, 1);
      while (count() > MAX_GLOBS) {
        const widest = items.reduce(
          (w, item, i) => (item.globs.length > (items[w]?.globs.length ?? 0) ? i : w),
          0,
        );
        items[widest] = ANYTHING;
      }
      return {
        globs: items.reduce<readonly Glob[]>((globs, item) => cross(globs, item.globs), [[]]),
        exact: items.every((item) => item.exact),
      };
    }
  }
}

/** A letter outside A-Z that has a case: lower() does not fold it. */
const hasUnfoldedCase = (glob: Glob) =>
  glob.some(
    (p) => p.kind === 'text' && [...p.text].some((c) => c > '\u007f' && c.toLowerCase() !== c.toUpperCase()),
  );

function caseVariants(glob: Glob): Glob[] {
  const recased = (f: (s: string) => string) =>
    glob.map((p): Piece => (p.kind === 'text' ? { kind: 'text', text: f(p.text) } : p));
  return distinct([glob, recased((s) => s.toLowerCase()), recased((s) => s.toUpperCase())]);
}

export type GlobToken = '?' | '*' | { readonly c: string } | { readonly set: string };

/** A written glob's pieces again: a character, '?', '*' or a class. */
export function globTokens(glob: string): GlobToken[] {
  const out: GlobToken[] = [];
  for (let i = 0; i < glob.length; i += 1) {
    const c = glob[i] as string;
    if (c === '[') {
      const end = glob.indexOf(']', i + 2);
      const set = glob.slice(i, end + 1);
      // '[*]', '[?]' and '[[]' are the characters themselves.
      out.push(set.length === 3 && '*?['.includes(set[1] as string) ? { c: set[1] as string } : { set });
      i = end;
    } else out.push(c === '?' || c === '*' ? c : { c });
  }
  return out;
}

/** A character is in a GLOB class as written here ('[^ ]', '[0-9]'): the same ranges and '^' as a RegExp class, '\\' plain. */
export const inClass = (set: string, c: string) =>
  new RegExp(`^${set.replaceAll('\\', '\\\\')}$`, 'u').test(c);

/** A GLOB class as written here: whether it says "not", and the characters it lists (ranges spelled out). */
function classMembers(set: string): { readonly not: boolean; readonly chars: readonly string[] } {
  const not = set[1] === '^';
  const body = [...set.slice(not ? 2 : 1, -1)];
  const chars: string[] = [];
  for (let i = 0; i < body.length; i += 1) {
    const c = body[i] as string;
    if (body[i + 1] === '-' && i + 2 < body.length) {
      const to = (body[i + 2] as string).codePointAt(0) as number;
      for (let code = c.codePointAt(0) as number; code <= to; code += 1)
        chars.push(String.fromCodePoint(code));
      i += 2;
    } else chars.push(c);
  }
  return { not, chars };
}

/** Every character `narrow` (a class) takes, `wide` (a class) takes too. */
function classCovers(wide: string, narrow: string): boolean {
  if (wide === narrow) return true;
  const w = classMembers(wide);
  const n = classMembers(narrow);
  if (!n.not) return n.chars.every((c) => inClass(wide, c));
  // Both "not": wide leaves out only characters narrow leaves out too.
  return w.not && w.chars.every((c) => n.chars.includes(c));
}

const prefixOf = (tokens: readonly GlobToken[]) => {
  let text = '';
  for (const token of tokens) {
    if (typeof token === 'string' || !('c' in token)) break;
    text += token.c;
  }
  return text;
};

interface Parsed {
  readonly tokens: readonly GlobToken[];
  readonly prefix: string;
}

function parsed(glob: string): Parsed {
  const tokens = globTokens(glob);
  return { tokens, prefix: prefixOf(tokens) };
}

function covering(wide: Parsed, narrow: Parsed): boolean {
  // wide's leading characters only take the same characters: narrow must begin with them.
  if (!narrow.prefix.startsWith(wide.prefix)) return false;
  const w = wide.tokens;
  const n = narrow.tokens;
  const memo = new Map<number, boolean>();
  const covers = (i: number, j: number): boolean => {
    const key = i * (n.length + 1) + j;
    const known = memo.get(key);
    if (known !== undefined) return known;
    const a = w[i];
    const b = n[j];
    let result: boolean;
    if (a === undefined) result = b === undefined;
    else if (a === '*') result = covers(i + 1, j) || (b !== undefined && covers(i, j + 1));
    else if (b === undefined || b === '*') result = false;
    else if (a === '?') result = covers(i + 1, j + 1);
    else if (b === '?') result = false;
    else if ('c' in a) result = 'c' in b && a.c === b.c && covers(i + 1, j + 1);
    else result = ('set' in b ? classCovers(a.set, b.set) : inClass(a.set, b.c)) && covers(i + 1, j + 1);
    memo.set(key, result);
    return result;
  };
  return covers(0, 0);
}

/**
 * True when every value `narrow` matches, `wide` matches too (sound, not complete: a false only
 * keeps a glob that could have gone). `wide`'s '*' takes any run of `narrow`'s tokens, its '?' any
 * one, a class a class it holds or a character in it, a character only the same character.
 */
export function globCovers(wide: string, narrow: string): boolean {
  return covering(parsed(wide), parsed(narrow));
}

/** Drops each glob another one covers (the first of two equal ones stays). */
function widest(globs: readonly PatternGlob[]): PatternGlob[] {
  const all = globs.map((g) => parsed(g.glob));
  return globs.filter((_, i) => {
    const g = all[i] as Parsed;
    return !all.some((o, j) => j !== i && covering(o, g) && (!covering(g, o) || j < i));
  });
}

/** The anchored globs of one pattern, in a fixed order, none covered by another. */
export function patternGlobs(source: string): readonly PatternGlob[] {
  const { globs, exact } = globsOf(parsePattern(source));
  return widest(
    globs.flatMap((glob) => {
      const unfolded = hasUnfoldedCase(glob);
      return (unfolded ? caseVariants(glob) : [glob]).map((g) => ({
        glob: written(g),
        exact: exact && !unfolded,
      }));
    }),
  );
}

/**
 * The globs of every pattern, none covered by another, sorted: the same patterns give the same
 * text. A glob that covers another keeps its own exactness: every value it matches, the pattern
 * it came from matches.
 */
export function globsOfAll(sources: readonly string[]): readonly PatternGlob[] {
  const all = sources.flatMap((source) => patternGlobs(source));
  const sorted = [...all].sort((a, b) =>
    a.glob < b.glob ? -1 : a.glob > b.glob ? 1 : Number(b.exact) - Number(a.exact),
  );
  return widest(sorted);
}
