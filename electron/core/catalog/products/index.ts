/**
 * Every product family file (one JSON per family, validated by catalogFamilySchema in ../load-catalog.ts).
 * Static imports so the catalog needs no file system at run time. A test checks that every
 * JSON file in this folder is listed here.
 */
import avast from './avast.json';
import avg from './avg.json';
import avira from './avira.json';
import bitdefender from './bitdefender.json';
import clamav from './clamav.json';
import crowdstrike from './crowdstrike.json';
import cylance from './cylance.json';
import eset from './eset.json';
import fSecure from './f-secure.json';
import fortinet from './fortinet.json';
import gData from './g-data.json';
import huorong from './huorong.json';
import kasperskyBusiness from './kaspersky-business.json';
import kasperskyCompanionApps from './kaspersky-companion-apps.json';
import kasperskyConsumerMac from './kaspersky-consumer-mac.json';
import kasperskyConsumerWindows from './kaspersky-consumer-windows.json';
import kasperskyLinux from './kaspersky-linux.json';
import malwarebytes from './malwarebytes.json';
import mcafee from './mcafee.json';
import microsoftDefender from './microsoft-defender.json';
import norton from './norton.json';
import panda from './panda.json';
import sentinelone from './sentinelone.json';
import sophos from './sophos.json';
import symantec from './symantec.json';
import totalav from './totalav.json';
import trendMicro from './trend-micro.json';
import ultraav from './ultraav.json';
import webroot from './webroot.json';

export const productFamilyFiles: readonly { readonly file: string; readonly data: unknown }[] = [
  { file: 'avast.json', data: avast },
  { file: 'avg.json', data: avg },
  { file: 'avira.json', data: avira },
  { file: 'bitdefender.json', data: bitdefender },
  { file: 'clamav.json', data: clamav },
  { file: 'crowdstrike.json', data: crowdstrike },
  { file: 'cylance.json', data: cylance },
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
  { file: 'microsoft-defender.json', data: microsoftDefender },
  { file: 'norton.json', data: norton },
  { file: 'panda.json', data: panda },
  { file: 'sentinelone.json', data: sentinelone },
  { file: 'sophos.json', data: sophos },
  { file: 'symantec.json', data: symantec },
  { file: 'totalav.json', data: totalav },
  { file: 'trend-micro.json', data: trendMicro },
  { file: 'ultraav.json', data: ultraav },
  { file: 'webroot.json', data: webroot },
];
