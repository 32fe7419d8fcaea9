/**
 * The report page's only styles, inline in its <style>: the page must open from an e-mail
 * attachment with no network, so no fonts, images or url() (the page's CSP forbids them too).
 * Colours are dark enough on white for WCAG AA, and never carry meaning alone: every state is
 * also written in words, so a black-and-white printout says the same.
 */
export const REPORT_CSS = `
:root { color: #1a1a1a; background: #ffffff; }
body {
  margin: 0 auto; max-width: 52rem; padding: 1.5rem;
  font: 11pt/1.45 system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif;
}
h1 { font-size: 1.5rem; margin: 0 0 .75rem; }
h2 { font-size: 1.2rem; margin: 1.75rem 0 .5rem; border-bottom: 1px solid #595959; padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .4rem; }
h4 { font-size: 1rem; margin: 1rem 0 .3rem; }
p, ul, ol, dl { margin: .4rem 0; }
.meta { color: #404040; }
.iso { color: #404040; font-size: .9em; white-space: nowrap; }
.verdict { border: 3px solid #404040; border-left-width: 12px; padding: .75rem 1rem; margin: .75rem 0; }
.verdict .level { font-weight: 700; text-transform: uppercase; letter-spacing: .04em; margin: 0; }
.verdict .headline { font-size: 1.6rem; line-height: 1.25; font-weight: 700; margin: .3rem 0; }
.level-protected { border-color: #1b5e20; }
.level-at-risk { border-color: #8a4b00; }
.level-unprotected { border-color: #a00000; }
.level-cannot-tell { border-color: #404040; }
.level-protected .level { color: #1b5e20; }
.level-at-risk .level { color: #8a4b00; }
.level-unprotected .level { color: #a00000; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
caption { text-align: left; font-weight: 700; padding: .2rem 0; }
th, td { border: 1px solid #8c8c8c; padding: .3rem .45rem; text-align: left; vertical-align: top; }
thead th { background: #ececec; }
tbody th { font-weight: 600; width: 30%; }
pre, code, .code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, Liberation Mono, monospace; font-size: .85em; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f4f4f4; border: 1px solid #bfbfbf; padding: .4rem .5rem; margin: .3rem 0; }
/* Long values (paths, command lines) wrap; words in narrow columns are not cut mid-word. */
td, th, dd, li { overflow-wrap: break-word; }
.code { overflow-wrap: anywhere; }
.detection, .evidence { border: 1px solid #bfbfbf; padding: .5rem .75rem; margin: .75rem 0; }
.evidence { border-style: dashed; }
.steps li { margin: .15rem 0; }
.state { font-weight: 700; }
.support-code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, Liberation Mono, monospace; font-size: 1.5rem; font-weight: 700; letter-spacing: .08em; }
footer { margin-top: 2rem; border-top: 1px solid #595959; padding-top: .4rem; color: #404040; font-size: .9em; }
@page { size: A4; margin: 16mm 15mm 18mm; }
@media print {
  :root, body { background: #ffffff; color: #000000; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  .technical { break-before: page; }
  h2, h3, h4, caption { break-after: avoid; }
  tr, .evidence, .verdict, .step, li { break-inside: avoid; }
  thead { display: table-header-group; }
  pre { background: none; }
  thead th { background: none; }
}
`;
