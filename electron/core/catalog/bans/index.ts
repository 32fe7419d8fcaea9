/**
 * Every ban/official-action file (one JSON per action, validated by banSchema in ../load-catalog.ts).
 * Static imports so the catalog needs no file system at run time. A test checks that every
 * JSON file in this folder is listed here.
 */
import auPspf0022025 from './au-pspf-002-2025.json' with { type: 'json' };
import caGovMobile from './ca-gov-mobile.json' with { type: 'json' };
import deBsiWarning from './de-bsi-warning.json' with { type: 'json' };
import itDecreeUcrainaArt29 from './it-decree-ucraina-art29.json' with { type: 'json' };
import ltGovBan from './lt-gov-ban.json' with { type: 'json' };
import nlGovPhaseout from './nl-gov-phaseout.json' with { type: 'json' };
import ukNcscGuidance from './uk-ncsc-guidance.json' with { type: 'json' };
import usBisIcts2024 from './us-bis-icts-2024.json' with { type: 'json' };
import usDhsBod1701 from './us-dhs-bod-17-01.json' with { type: 'json' };
import usFccCoveredList from './us-fcc-covered-list.json' with { type: 'json' };
import usNdaaFy181634 from './us-ndaa-fy18-1634.json' with { type: 'json' };

export const banFiles: readonly { readonly file: string; readonly data: unknown }[] = [
  { file: 'au-pspf-002-2025.json', data: auPspf0022025 },
  { file: 'ca-gov-mobile.json', data: caGovMobile },
  { file: 'de-bsi-warning.json', data: deBsiWarning },
  { file: 'it-decree-ucraina-art29.json', data: itDecreeUcrainaArt29 },
  { file: 'lt-gov-ban.json', data: ltGovBan },
  { file: 'nl-gov-phaseout.json', data: nlGovPhaseout },
  { file: 'uk-ncsc-guidance.json', data: ukNcscGuidance },
  { file: 'us-bis-icts-2024.json', data: usBisIcts2024 },
  { file: 'us-dhs-bod-17-01.json', data: usDhsBod1701 },
  { file: 'us-fcc-covered-list.json', data: usFccCoveredList },
  { file: 'us-ndaa-fy18-1634.json', data: usNdaaFy181634 },
];
