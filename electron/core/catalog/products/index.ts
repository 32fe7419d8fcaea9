/**
 * Every product family file (one JSON per family, validated by catalogFamilySchema in ../load-catalog.ts).
 * Static imports so the catalog needs no file system at run time. A test checks that every
 * JSON file in this folder is listed here.
 */
import avast from './avast.json' with { type: 'json' };
import avg from './avg.json' with { type: 'json' };
import avira from './avira.json' with { type: 'json' };
import bitdefender from './bitdefender.json' with { type: 'json' };
import bitdefenderGravityzone from './bitdefender-gravityzone.json' with { type: 'json' };
import clamav from './clamav.json' with { type: 'json' };
import crowdstrike from './crowdstrike.json' with { type: 'json' };
import cylance from './cylance.json' with { type: 'json' };
import drweb from './drweb.json' with { type: 'json' };
import eset from './eset.json' with { type: 'json' };
import esetBusiness from './eset-business.json' with { type: 'json' };
import fSecure from './f-secure.json' with { type: 'json' };
import fortinet from './fortinet.json' with { type: 'json' };
import gData from './g-data.json' with { type: 'json' };
import huorong from './huorong.json' with { type: 'json' };
import kasperskyBusiness from './kaspersky-business.json' with { type: 'json' };
import kasperskyCompanionApps from './kaspersky-companion-apps.json' with { type: 'json' };
import kasperskyConsumerMac from './kaspersky-consumer-mac.json' with { type: 'json' };
import kasperskyConsumerWindows from './kaspersky-consumer-windows.json' with { type: 'json' };
import kasperskyLinux from './kaspersky-linux.json' with { type: 'json' };
import malwarebytes from './malwarebytes.json' with { type: 'json' };
import mcafee from './mcafee.json' with { type: 'json' };
import microsoftDefender from './microsoft-defender.json' with { type: 'json' };
import microsoftDefenderEndpoint from './microsoft-defender-endpoint.json' with { type: 'json' };
import norton from './norton.json' with { type: 'json' };
import paloAltoNetworks from './palo-alto-networks.json' with { type: 'json' };
import panda from './panda.json' with { type: 'json' };
import sentinelone from './sentinelone.json' with { type: 'json' };
import sophos from './sophos.json' with { type: 'json' };
import symantec from './symantec.json' with { type: 'json' };
import totalav from './totalav.json' with { type: 'json' };
import trellix from './trellix.json' with { type: 'json' };
import trendMicro from './trend-micro.json' with { type: 'json' };
import trendMicroBusiness from './trend-micro-business.json' with { type: 'json' };
import ultraav from './ultraav.json' with { type: 'json' };
import webroot from './webroot.json' with { type: 'json' };
import withsecure from './withsecure.json' with { type: 'json' };

export const productFamilyFiles: readonly { readonly file: string; readonly data: unknown }[] = [
  { file: 'avast.json', data: avast },
  { file: 'avg.json', data: avg },
  { file: 'avira.json', data: avira },
  { file: 'bitdefender-gravityzone.json', data: bitdefenderGravityzone },
  { file: 'bitdefender.json', data: bitdefender },
  { file: 'clamav.json', data: clamav },
  { file: 'crowdstrike.json', data: crowdstrike },
  { file: 'cylance.json', data: cylance },
  { file: 'drweb.json', data: drweb },
  { file: 'eset-business.json', data: esetBusiness },
  { file: 'eset.json', data: eset },
  { file: 'f-secure.json', data: fSecure },
  { file: 'fortinet.json', data: fortinet },
  { file: 'g-data.json', data: gData },
  { file: 'huorong.json', data: huorong },
  { file: 'kaspersky-business.json', data: kasperskyBusiness },
  { file: 'kaspersky-companion-apps.json', data: kasperskyCompanionApps },
  { file: 'kaspersky-consumer-mac.json', data: kasperskyConsumerMac },
  { file: 'kaspersky-consumer-windows.json', data: kasperskyConsumerWindows },
  { file: 'kaspersky-linux.json', data: kasperskyLinux },
  { file: 'malwarebytes.json', data: malwarebytes },
  { file: 'mcafee.json', data: mcafee },
  { file: 'microsoft-defender-endpoint.json', data: microsoftDefenderEndpoint },
  { file: 'microsoft-defender.json', data: microsoftDefender },
  { file: 'norton.json', data: norton },
  { file: 'palo-alto-networks.json', data: paloAltoNetworks },
  { file: 'panda.json', data: panda },
  { file: 'sentinelone.json', data: sentinelone },
  { file: 'sophos.json', data: sophos },
  { file: 'symantec.json', data: symantec },
  { file: 'totalav.json', data: totalav },
  { file: 'trellix.json', data: trellix },
  { file: 'trend-micro-business.json', data: trendMicroBusiness },
  { file: 'trend-micro.json', data: trendMicro },
  { file: 'ultraav.json', data: ultraav },
  { file: 'webroot.json', data: webroot },
  { file: 'withsecure.json', data: withsecure },
];
