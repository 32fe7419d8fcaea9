// Builds windows-engine/data/ps51-commands.json, Windows PowerShell 5.1's built-in cmdlets, their
// parameters (with parameter aliases) and the built-in command aliases, from Microsoft's own
// reference documentation (MicrosoftDocs/PowerShell-Docs, reference/5.1/<module>/<cmdlet>.md:
// the "aliases:" front matter, "Windows PowerShell includes the following aliases for ..." notes,
// and every "### -Parameter" heading with its "Aliases:" line).
//
//   node windows-engine/tools/extract-ps51-commands.mjs <git dir of MicrosoftDocs/PowerShell-Docs>
//
// The 5.1 guard of the engine tests (windows-engine/src/ScriptGuard.cs) and scan-script.test.ts
// read the result. Run it again only to take a newer copy of the documentation.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const gitDir = process.argv[2];
if (!gitDir) {
  console.error('usage: node windows-engine/tools/extract-ps51-commands.mjs <PowerShell-Docs git dir>');
  process.exit(2);
}
const git = (...args) =>
  execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
const commit = git('rev-parse', 'HEAD').trim();
const files = git('ls-tree', '-r', '--name-only', 'HEAD', 'reference/5.1/')
  .split('\n')
  .filter((f) => /^reference\/5\.1\/[^/]+\/[A-Z][A-Za-z]+-[A-Za-z0-9]+\.md$/.test(f));

const aliases = {};
const cmdlets = {};
for (const file of files) {
  const text = git('show', `HEAD:${file}`);
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text.replace(/\r\n/g, '\n'))?.[1] ?? '';
  const title = /^title:\s*(\S+)/m.exec(front)?.[1];
  const module = /^Module Name:\s*(\S+)/m.exec(front)?.[1];
  if (!title || !module) continue;
  const frontAliases = /^aliases:\n((?:[ \t]+-[ \t]+.*(?:\n|$))+)/m.exec(front)?.[1] ?? '';
  for (const m of frontAliases.matchAll(/-\s+(\S+)/g)) aliases[m[1]] = title;
  for (const note of text.matchAll(
    /includes the following aliases for `([^`]+)`:\s*\n((?:\s*\n|\s+-\s+`[^`]+`.*\n)+)/g,
  )) {
    for (const m of note[2].matchAll(/`([^`]+)`/g)) aliases[m[1]] = note[1];
  }
  const parameters = new Set();
  const sections = text.split(/^### -/m).slice(1);
  for (const section of sections) {
    const name = /^([A-Za-z][A-Za-z0-9]*)/.exec(section)?.[1];
    if (!name) continue;
    parameters.add(name);
    const aliasLine = /^Aliases:[ \t]*(.*)$/m.exec(section)?.[1] ?? '';
    for (const a of aliasLine
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s && s !== 'None'))
      parameters.add(a);
  }
  cmdlets[title] = { module, parameters: [...parameters].sort() };
}

const out = {
  description:
    "Windows PowerShell 5.1's built-in cmdlets (with their parameters and parameter aliases) and its built-in aliases, extracted from Microsoft's reference documentation by windows-engine/tools/extract-ps51-commands.mjs.",
  source: {
    repository: 'MicrosoftDocs/PowerShell-Docs',
    commit,
    paths: 'reference/5.1/<module>/<cmdlet>.md',
  },
  aliases: Object.fromEntries(Object.entries(aliases).sort(([a], [b]) => a.localeCompare(b))),
  cmdlets: Object.fromEntries(Object.entries(cmdlets).sort(([a], [b]) => a.localeCompare(b))),
  otherCommands: {
    'Get-WinHomeLocation': {
      module: 'International',
      source:
        'Microsoft Learn, Get-WinHomeLocation (International module, Windows 8 and Windows Server 2012 and later): no parameters besides the common ones; MicrosoftDocs/windows-powershell-docs docset/winserver2025-ps/international/Get-WinHomeLocation.md',
      parameters: [],
    },
  },
};
const target = resolve(import.meta.dirname, '../data/ps51-commands.json');
writeFileSync(target, `${JSON.stringify(out, null, 2)}\n`);
console.error(
  `${Object.keys(cmdlets).length} cmdlets, ${Object.keys(aliases).length} aliases → ${join('windows-engine/data', 'ps51-commands.json')}`,
);
