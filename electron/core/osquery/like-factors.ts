/**
 * A catalog pattern (a JavaScript regular expression matched against a whole value, case
 * insensitively: catalog-schema.ts) → literal "factors" such that every value the pattern matches
 * contains at least one of them. A query that keeps the rows where a column is LIKE '%factor%'
 * keeps every row the pattern would match (and some more, which matching then drops), so the
 * generated osquery queries read exactly the catalog's footprints without needing a regular
 * expression engine on the endpoint: osquery's regex_match is std::regex, whose grammar lacks the
 * named groups the catalog uses.
 *
 * The parser covers the syntax the catalog uses (literals, escapes, groups, alternation, classes,
 * ?, *, +, {n,m}); anything else is a programming error, thrown so a new catalog pattern that
 * cannot be narrowed fails the tests instead of widening a query.
 */

type Node =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'any' }
  | { readonly kind: 'sequence'; readonly items: readonly Node[] }
  | { readonly kind: 'alternation'; readonly branches: readonly Node[] }
  | { readonly kind: 'repeat'; readonly item: Node; readonly min: number };

/** Escapes that stand for a class of characters, not for themselves. */
const CLASS_ESCAPES = new Set(['d', 'D', 's', 'S', 'w', 'W', 'b', 'B']);

class PatternParser {
  private at = 0;

  constructor(private readonly source: string) {}

  parse(): Node {
    const node = this.alternation();
    if (this.at < this.source.length) throw this.fail('unexpected character');
    return node;
  }

  private fail(what: string): Error {
    return new Error(`catalog pattern /${this.source}/: ${what} at ${this.at}`);
  }

  private peek(): string | undefined {
    return this.source[this.at];
  }

  private alternation(): Node {
    const branches = [this.sequence()];
    while (this.peek() === '|') {
      this.at += 1;
      branches.push(this.sequence());
    }
    return branches.length === 1 ? (branches[0] as Node) : { kind: 'alternation', branches };
  }

  private sequence(): Node {
    const items: Node[] = [];
    for (let c = this.peek(); c !== undefined && c !== '|' && c !== ')'; c = this.peek()) {
      items.push(this.quantified(this.atom()));
    }
    return { kind: 'sequence', items };
  }

  private atom(): Node {
    const c = this.peek() as string;
    this.at += 1;
    if (c === '(') {
      if (this.source.startsWith('?:', this.at)) this.at += 2;
      else if (this.source.startsWith('?<', this.at) && !/^\?<[=!]/.test(this.source.slice(this.at))) {
        const end = this.source.indexOf('>', this.at);
        if (end < 0) throw this.fail('unclosed group name');
        this.at = end + 1;
      } else if (this.peek() === '?') throw this.fail('lookaround is not supported');
      const inner = this.alternation();
      if (this.peek() !== ')') throw this.fail('unclosed group');
      this.at += 1;
      return inner;
    }
    if (c === '[') {
      const end = this.classEnd();
      this.at = end + 1;
      return { kind: 'any' };
    }
    if (c === '.') return { kind: 'any' };
    if (c === '^' || c === '$') return { kind: 'sequence', items: [] };
    if (c === '\\') {
      const e = this.peek();
      if (e === undefined) throw this.fail('trailing backslash');
      this.at += 1;
      if (CLASS_ESCAPES.has(e))
        return e === 'b' || e === 'B' ? { kind: 'sequence', items: [] } : { kind: 'any' };
      if (/[a-zA-Z0-9]/.test(e)) throw this.fail(`escape \\${e} is not supported`);
      return { kind: 'literal', text: e };
    }
    if ('*+?{'.includes(c)) throw this.fail('quantifier without an item');
    return { kind: 'literal', text: c };
  }

  private classEnd(): number {
    let i = this.at;
    if (this.source[i] === '^') i += 1;
    if (this.source[i] === ']') i += 1;
    for (; i < this.source.length; i += 1) {
      if (this.source[i] === '\\') i += 1;
      else if (this.source[i] === ']') return i;
    }
    throw this.fail('unclosed character class');
  }

  private quantified(item: Node): Node {
    const c = this.peek();
    let min: number | null = null;
    if (c === '?') min = -1;
    else if (c === '*') min = 0;
    else if (c === '+') min = 1;
    else if (c === '{') {
      const m = /^\{(\d+)(,\d*)?\}/.exec(this.source.slice(this.at));
      if (!m) return item;
      this.at += m[0].length - 1;
      min = Number(m[1]);
    }
    if (min === null) return item;
    this.at += 1;
    if (this.peek() === '?') this.at += 1;
    // '?' is "zero or one": a repeat with min 0 for what follows (no exact set survives it).
    return min === -1
      ? { kind: 'alternation', branches: [item, { kind: 'sequence', items: [] }] }
      : { kind: 'repeat', item, min };
  }
}

/** What a node tells: every string it can match (when few), and factors one of which every match contains. */
interface Facts {
  readonly exact: readonly string[] | null;
  readonly factors: readonly string[];
}

const MAX_EXACT = 24;
const NO_CONSTRAINT: readonly string[] = [''];

/** A factor set is as good as its shortest member (longer literals select fewer rows); fewer members break ties. */
function better(a: readonly string[], b: readonly string[]): readonly string[] {
  const score = (f: readonly string[]) => Math.min(...f.map((s) => s.length));
  const sa = score(a);
  const sb = score(b);
  if (sa !== sb) return sa > sb ? a : b;
  return b.length < a.length ? b : a;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function cross(a: readonly string[], b: readonly string[]): readonly string[] | null {
  if (a.length * b.length > MAX_EXACT) return null;
  return unique(a.flatMap((x) => b.map((y) => x + y)));
}

function factsOf(node: Node): Facts {
  switch (node.kind) {
    case 'literal':
      return { exact: [node.text], factors: [node.text] };
    case 'any':
      return { exact: null, factors: NO_CONSTRAINT };
    case 'repeat': {
      const inner = factsOf(node.item);
      return { exact: null, factors: node.min >= 1 ? inner.factors : NO_CONSTRAINT };
    }
    case 'alternation': {
      const branches = node.branches.map(factsOf);
      const exacts = branches.map((b) => b.exact);
      const exact = exacts.every((e): e is readonly string[] => e !== null) ? unique(exacts.flat()) : null;
      const factors = branches.some((b) => b.factors.includes(''))
        ? NO_CONSTRAINT
        : unique(branches.flatMap((b) => b.factors));
      return exact && exact.length <= MAX_EXACT
        ? { exact, factors: better(factors, exact.includes('') ? NO_CONSTRAINT : exact) }
        : { exact: null, factors };
    }
    case 'sequence': {
      const items = node.items.map(factsOf);
      let best: readonly string[] = NO_CONSTRAINT;
      let run: readonly string[] | null = [''];
      for (const facts of items) {
        best = better(best, facts.factors);
        const joined: readonly string[] | null = run && facts.exact ? cross(run, facts.exact) : null;
        if (joined) {
          run = joined;
          continue;
        }
        if (run && !run.includes('')) best = better(best, run);
        run = facts.exact;
      }
      if (run && !run.includes('')) best = better(best, run);
      const exact = items.every((facts) => facts.exact !== null) ? run : null;
      return { exact, factors: best };
    }
  }
}

/** Drops a factor that contains another one: '%ab%' keeps nothing '%a%' does not. */
function minimal(factors: readonly string[]): string[] {
  const all = unique(factors);
  const lower = all.map((f) => f.toLowerCase());
  return all
    .filter((_, i) => !lower.some((g, j) => j !== i && g !== lower[i] && lower[i]?.includes(g)))
    .sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()) || a.localeCompare(b));
}

/**
 * The factors of one pattern, or null when a match need not contain any literal (such a pattern
 * cannot narrow a query).
 */
export function patternFactors(source: string): readonly string[] | null {
  const facts = factsOf(new PatternParser(source).parse());
  return facts.factors.includes('') ? null : minimal(facts.factors);
}

/**
 * SQLite's LIKE ignores case for ASCII letters only (sqlite.org/lang_expr.html#like), while the
 * catalog matches case-insensitively in every script: a factor with other letters is also given
 * in lower and upper case ('火绒安全软件' has no case and stays one).
 */
function caseVariants(factor: string): string[] {
  if (/^[\u0020-\u007e]*$/.test(factor)) return [factor];
  return unique([factor, factor.toLowerCase(), factor.toUpperCase()]);
}

/**
 * The factors of every pattern, together: a value matching any of the patterns contains one of
 * them. Throws (a programming error) when a pattern cannot be narrowed, naming it.
 */
export function factorsOfAll(sources: readonly string[]): readonly string[] {
  const all: string[] = [];
  for (const source of sources) {
    const factors = patternFactors(source);
    if (!factors) throw new Error(`catalog pattern /${source}/ matches values with no literal in common`);
    all.push(...factors.flatMap(caseVariants));
  }
  return minimal(all);
}
