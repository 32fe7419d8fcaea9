/**
 * Palo Alto Networks Cortex XDR's cytool. Real outputs (GLPI agent resources, Linux agent
 * 8.2.1.120305 and macOS agent 8.2.1.47908):
 * - `info`: 'Cortex XDR (R) supervisor tool 8.2.1.120305';
 * - `info query`: 'Content Version: 1270-120305' (the security content Cortex XDR runs);
 * - `runtime query`: a table 'Name PID User Status Command' whose 'pmd' row is the protection
 *   service ('Running'); on macOS a kernel piece shows 'Loaded'.
 * The content version is not dated, so no signature date is claimed.
 */
import { err, ok, type Result } from '../../util/result';
import { outputOf, type StatusOutput, type VendorStatus } from './vendor-status';

export function parseCytool(outputs: readonly StatusOutput[]): Result<VendorStatus> {
  const info = outputOf(outputs, ['info']) ?? '';
  const query = outputOf(outputs, ['info', 'query']) ?? '';
  const runtime = outputOf(outputs, ['runtime', 'query']) ?? '';
  const version = /^Cortex XDR\b.*?(\d+(?:\.\d+){2,})\s*$/m.exec(info)?.[1];
  const content = /^Content Version:\s*(\S+)/im.exec(query)?.[1];
  const pmd = /^\s*pmd\s+\S+\s+\S+\s+(\S+)/m.exec(runtime);
  if (!version && !content && !pmd)
    return err(
      'the output has none of the lines cytool prints (supervisor tool version, Content Version, pmd)',
    );
  const realtime = pmd ? /^running$/i.test(pmd[1] ?? '') : null;
  const decoded: Record<string, string> = {};
  if (content) decoded['Content Version'] = content;
  decoded['Protection service (pmd)'] = pmd
    ? `${pmd[1]}${realtime ? '' : ': the protection service is not running'}`
    : 'not in the runtime table (or the table could not be read)';
  return ok({
    ...(version ? { version } : {}),
    realtime,
    signaturesDate: null,
    signaturesUpToDate: null,
    ...(content ? { signaturesVersion: `content ${content}` } : {}),
    decoded,
    summary: [
      version ? `version ${version}` : null,
      content ? `content ${content}` : null,
      pmd ? `pmd ${pmd[1]}` : null,
    ]
      .filter(Boolean)
      .join(', '),
  });
}
