/**
 * Every alternative (one JSON per alternative, validated by alternativeSchema in ../load-alternatives.ts).
 * Static imports so the catalog needs no file system at run time. A test checks that every
 * JSON file in this folder is listed here.
 */
import avast from './avast.json' with { type: 'json' };
import avg from './avg.json' with { type: 'json' };
import avira from './avira.json' with { type: 'json' };
import bitdefender from './bitdefender.json' with { type: 'json' };
import bitdefenderGravityzone from './bitdefender-gravityzone.json' with { type: 'json' };
import clamav from './clamav.json' with { type: 'json' };
import crowdstrikeFalcon from './crowdstrike-falcon.json' with { type: 'json' };
import eset from './eset.json' with { type: 'json' };
import esetProtect from './eset-protect.json' with { type: 'json' };
import fSecure from './f-secure.json' with { type: 'json' };
import gData from './g-data.json' with { type: 'json' };
import macosXprotect from './macos-xprotect.json' with { type: 'json' };
import malwarebytes from './malwarebytes.json' with { type: 'json' };
import mcafee from './mcafee.json' with { type: 'json' };
import microsoftDefender from './microsoft-defender.json' with { type: 'json' };
import microsoftDefenderForBusiness from './microsoft-defender-for-business.json' with { type: 'json' };
import microsoftDefenderForEndpoint from './microsoft-defender-for-endpoint.json' with { type: 'json' };
import norton from './norton.json' with { type: 'json' };
import panda from './panda.json' with { type: 'json' };
import sentineloneSingularity from './sentinelone-singularity.json' with { type: 'json' };
import sophosCentral from './sophos-central.json' with { type: 'json' };
import sophosHome from './sophos-home.json' with { type: 'json' };
import totalav from './totalav.json' with { type: 'json' };
import trendMicro from './trend-micro.json' with { type: 'json' };
import ultraav from './ultraav.json' with { type: 'json' };
import webroot from './webroot.json' with { type: 'json' };

export const alternativeFiles: readonly { readonly file: string; readonly data: unknown }[] = [
  { file: 'avast.json', data: avast },
  { file: 'avg.json', data: avg },
  { file: 'avira.json', data: avira },
  { file: 'bitdefender.json', data: bitdefender },
  { file: 'bitdefender-gravityzone.json', data: bitdefenderGravityzone },
  { file: 'clamav.json', data: clamav },
  { file: 'crowdstrike-falcon.json', data: crowdstrikeFalcon },
  { file: 'eset.json', data: eset },
  { file: 'eset-protect.json', data: esetProtect },
  { file: 'f-secure.json', data: fSecure },
  { file: 'g-data.json', data: gData },
  { file: 'macos-xprotect.json', data: macosXprotect },
  { file: 'malwarebytes.json', data: malwarebytes },
  { file: 'mcafee.json', data: mcafee },
  { file: 'microsoft-defender.json', data: microsoftDefender },
  { file: 'microsoft-defender-for-business.json', data: microsoftDefenderForBusiness },
  { file: 'microsoft-defender-for-endpoint.json', data: microsoftDefenderForEndpoint },
  { file: 'norton.json', data: norton },
  { file: 'panda.json', data: panda },
  { file: 'sentinelone-singularity.json', data: sentineloneSingularity },
  { file: 'sophos-central.json', data: sophosCentral },
  { file: 'sophos-home.json', data: sophosHome },
  { file: 'totalav.json', data: totalav },
  { file: 'trend-micro.json', data: trendMicro },
  { file: 'ultraav.json', data: ultraav },
  { file: 'webroot.json', data: webroot },
];
