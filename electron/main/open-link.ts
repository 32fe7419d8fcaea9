/**
 * The main process's one way to open a page in the person's browser (issue 12 §2, checklist 15):
 * only an https URL whose host is one of the alternatives catalog's vendor domains (or a subdomain
 * of one), checked here whatever the handler table or the window asked for. Anything else is
 * refused and nothing is opened.
 */
import { shell } from 'electron';
import { isVendorUrl } from '../core/catalog/load-alternatives';

export async function openVendorPage(
  url: string,
  open: (url: string) => Promise<void> = (u) => shell.openExternal(u),
): Promise<void> {
  if (!isVendorUrl(url)) throw new Error('Refused to open a page outside the vendor domains');
  await open(url);
}
