/**
 * A catalog pattern (a JavaScript regular expression matched against a whole value, case
 * insensitively: catalog-schema.ts) → literal "factors" such that every value the pattern matches
 * contains at least one of them. A query that keeps the rows where a column is LIKE '%factor%'
 * keeps every row the pattern would match (and some more, which matching then drops), so the
 * generated osquery queries read exactly the catalog's footprints without needing a regular
 * expression engine on the endpoint: osquery's regex_match is std::regex, whose grammar lacks the
 * named groups the catalog uses.
 *
 * The policies cannot use this superset, since nothing drops their extra rows: they use the
 * anchored globs of pattern-globs.ts. The reports keep these factors, though the globs would fit
 * Fleet's report cap too: a report is evidence the importer's matcher reads, so it must never lose
 * a row the matcher would accept, and a substring test keeps a name SQLite's trim() and lower()
 * would not normalise as JavaScript does (a trailing tab, a letter outside A-Z in a mix of cases),
 * where an anchored glob would drop it. The factors are also about a third of the globs' length
 * (the programs filter: 2,400 characters against 8,300, and the Uninstall query repeats it for each
 * of its three registry roots). Both read the patterns through catalog-pattern-syntax.ts.
 */
import { type PatternNode, parsePattern } from './catalog-pattern-syntax';

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

function factsOf(node: PatternNode): Facts {
  switch (node.kind) {
    case 'literal':
      return { exact: [node.text], factors: [node.text] };
    case 'any':
    case 'class':
      return { exact: null, factors: NO_CONSTRAINT };
    case 'assertion':
      return { exact: [''], factors: NO_CONSTRAINT };
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
  const facts = factsOf(parsePattern(source));
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
