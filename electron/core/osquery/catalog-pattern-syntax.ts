/**
 * The syntax of a catalog pattern (a JavaScript regular expression matched against a whole value,
 * case insensitively: catalog-schema.ts), read into a small tree that the SQL generators narrow:
 * like-factors.ts (the literals every match contains, for the reports) and pattern-globs.ts (anchored
 * GLOB patterns, for the policies).
 *
 * The parser covers the syntax the catalog uses (literals, escapes, groups, alternation, classes,
 * ?, *, +, {n,m}); anything else is a programming error, thrown so a new catalog pattern that
 * cannot be narrowed fails the tests instead of widening a query.
 */

export type PatternNode =
  | { readonly kind: 'literal'; readonly text: string }
  /** One character: '.' (any but a line break, which names and identifiers do not hold). */
  | { readonly kind: 'any' }
  /**
   * One character of a class ([^/], \d, \S, …), with the SQLite GLOB item that says it for a value
   * in lower case (lower() folds ASCII, as the catalog's 'i' flag does): exact when it says exactly
   * that class ('[0-9]' for \d), else wider ('[^ ]' for \S, '?' where GLOB cannot say it).
   */
  | { readonly kind: 'class'; readonly glob: string; readonly exact: boolean }
  /** \b, \B, ^ or $: matches no character; not something a LIKE glob can say. */
  | { readonly kind: 'assertion' }
  | { readonly kind: 'sequence'; readonly items: readonly PatternNode[] }
  | { readonly kind: 'alternation'; readonly branches: readonly PatternNode[] }
  /** `max` null: no upper bound (*, +, {n,}). */
  | {
      readonly kind: 'repeat';
      readonly item: PatternNode;
      readonly min: number;
      readonly max: number | null;
    };

/** Escapes that stand for a class of characters, not for themselves. */
const CLASS_ESCAPES = new Set(['d', 'D', 's', 'S', 'w', 'W', 'b', 'B']);

/**
 * The class escapes as GLOB items for a lower-cased value. \s is any of some twenty Unicode
 * spaces, which a GLOB class would have to hold as raw control characters: '?' stands in for it,
 * and '[^ ]' for \S (wider: it lets a tab through).
 */
const ESCAPE_GLOBS: Readonly<Record<string, { glob: string; exact: boolean }>> = {
  d: { glob: '[0-9]', exact: true },
  D: { glob: '[^0-9]', exact: true },
  w: { glob: '[a-z0-9_]', exact: true },
  W: { glob: '[^a-z0-9_]', exact: true },
  s: { glob: '?', exact: false },
  S: { glob: '[^ ]', exact: false },
};

/** SQLite's lower() without ICU folds A-Z only (sqlite.org/lang_corefunc.html#lower). */
export const asciiLower = (text: string) => text.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** A character as a lower-cased value may hold it: A-Z folded; another letter in either case. */
function caseForms(c: string): string[] {
  if (c <= '\u007f') return [asciiLower(c)];
  return [...new Set([c, c.toLowerCase(), c.toUpperCase()].filter((form) => [...form].length === 1))];
}

const WIDE_CLASS = { kind: 'class', glob: '?', exact: false } as const;

/**
 * A bracket class's body ('^/', 'a-z', '^\\') as a GLOB class for a lower-cased value, or the
 * wide '?' for what this does not translate (']', '-' or '[' as themselves, class escapes inside,
 * ranges across letters and digits). GLOB classes take '^' for "not" and ranges as RegExp does.
 */
function classGlob(body: string): PatternNode {
  const negated = body.startsWith('^');
  const items: string[] = [];
  for (let i = negated ? 1 : 0; i < body.length; i += 1) {
    let c = body[i] as string;
    if (c === '\\') {
      i += 1;
      c = body[i] as string;
      if (/[a-zA-Z0-9]/.test(c) || '[]-^'.includes(c)) return WIDE_CLASS;
    } else if ('[]-'.includes(c)) return WIDE_CLASS;
    if (body[i + 1] === '-' && i + 2 < body.length) {
      const to = body[i + 2] as string;
      const sameKind = [/[a-z]/, /[A-Z]/, /[0-9]/].some((kind) => kind.test(c) && kind.test(to));
      if (!sameKind || to < c) return WIDE_CLASS;
      items.push(`${c.toLowerCase()}-${to.toLowerCase()}`);
      i += 2;
    } else items.push(...caseForms(c));
  }
  if (items.length === 0) return WIDE_CLASS;
  return { kind: 'class', glob: `[${negated ? '^' : ''}${items.join('')}]`, exact: true };
}

class PatternParser {
  private at = 0;

  constructor(private readonly source: string) {}

  parse(): PatternNode {
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

  private alternation(): PatternNode {
    const branches = [this.sequence()];
    while (this.peek() === '|') {
      this.at += 1;
      branches.push(this.sequence());
    }
    return branches.length === 1 ? (branches[0] as PatternNode) : { kind: 'alternation', branches };
  }

  private sequence(): PatternNode {
    const items: PatternNode[] = [];
    for (let c = this.peek(); c !== undefined && c !== '|' && c !== ')'; c = this.peek()) {
      items.push(this.quantified(this.atom()));
    }
    return { kind: 'sequence', items };
  }

  private atom(): PatternNode {
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
      const body = this.source.slice(this.at, end);
      this.at = end + 1;
      return classGlob(body);
    }
    if (c === '.') return { kind: 'any' };
    if (c === '^' || c === '$') return { kind: 'assertion' };
    if (c === '\\') {
      const e = this.peek();
      if (e === undefined) throw this.fail('trailing backslash');
      this.at += 1;
      if (CLASS_ESCAPES.has(e))
        return e === 'b' || e === 'B'
          ? { kind: 'assertion' }
          : { kind: 'class', ...(ESCAPE_GLOBS[e] as { glob: string; exact: boolean }) };
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

  private quantified(item: PatternNode): PatternNode {
    const c = this.peek();
    let min: number | null = null;
    let max: number | null = null;
    if (c === '?') min = -1;
    else if (c === '*') min = 0;
    else if (c === '+') min = 1;
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.at));
      if (!m) return item;
      this.at += m[0].length - 1;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] ? Number(m[3]) : null;
    }
    if (min === null) return item;
    this.at += 1;
    if (this.peek() === '?') this.at += 1;
    // '?' is "zero or one": a repeat with min 0 for what follows (no exact set survives it).
    return min === -1
      ? { kind: 'alternation', branches: [item, { kind: 'sequence', items: [] }] }
      : { kind: 'repeat', item, min, max };
  }
}

/** The tree of one catalog pattern; throws (a programming error) on syntax the catalog does not use. */
export function parsePattern(source: string): PatternNode {
  return new PatternParser(source).parse();
}
