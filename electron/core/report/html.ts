/**
 * Markup built so that every value is escaped: `html` escapes each interpolated value unless it
 * is itself the result of `html`. There is deliberately no way to mark a string as safe, so a
 * value from a report (a product name from a capture may be "<script>...") can only ever become
 * text. The document shell and its constant CSS are put together in render-report-html.ts.
 */
import { visibleText } from '../util/visible-text';

const SAFE: unique symbol = Symbol('safe-html');

/** Markup made by `html`: its literal parts written in this code, its values escaped. */
export interface SafeHtml {
  readonly [SAFE]: string;
}

/** What may go into `html`: text (escaped), numbers, markup, lists of those; null/undefined/false add nothing. */
export type HtmlPart = SafeHtml | string | number | null | undefined | false | readonly HtmlPart[];

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text for an element or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return visibleText(text).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

const isSafe = (part: unknown): part is SafeHtml => typeof part === 'object' && part !== null && SAFE in part;

function render(part: HtmlPart): string {
  if (part === null || part === undefined || part === false) return '';
  if (typeof part === 'number') return escapeHtml(String(part));
  if (typeof part === 'string') return escapeHtml(part);
  if (isSafe(part)) return part[SAFE];
  if (Array.isArray(part)) return part.map(render).join('');
  // Anything else reached here around the types: it is text like the rest.
  return escapeHtml(String(part));
}

export function html(strings: TemplateStringsArray, ...values: readonly HtmlPart[]): SafeHtml {
  let markup = strings[0] ?? '';
  values.forEach((value, i) => {
    markup += render(value) + (strings[i + 1] ?? '');
  });
  return { [SAFE]: markup };
}

/** The markup as a string, to put in the document. */
export const markupOf = (part: SafeHtml): string => part[SAFE];
