import { describe, expect, it } from 'vitest';
import type { Detection } from '../scan-result';
import { detectionWith } from '../test-support/plan-inputs';
import { keepDataItems } from './keep-data-items';

const detection = (productId: string, extra: Partial<Detection> = {}): Detection =>
  detectionWith(productId, { vendor: 'Kaspersky', vendorId: 'kaspersky', ...extra });

describe('keepDataItems', () => {
  it('Kaspersky Standard with Password Manager, Safe Kids and VPN: every item, each saying what is lost', () => {
    const items = keepDataItems([
      detection('kaspersky-unified'),
      detection('kaspersky-password-manager', { kind: 'password-manager' }),
      detection('kaspersky-safe-kids', { kind: 'parental-control' }),
      detection('kaspersky-vpn-secure-connection', { kind: 'vpn' }),
    ]);
    expect(items.map((i) => i.id)).toEqual([
      'password-manager-export',
      'password-manager-images',
      'safe-kids-rules',
      'vpn-subscription',
      'quarantine',
      'stop-auto-renewal',
    ]);
    expect(items.every((i) => i.lostIfSkipped.length > 0)).toBe(true);
    expect(items.find((i) => i.id === 'password-manager-export')?.handoverHelps).toBe(true);
  });

  it('a business install has no My Kaspersky subscription to stop; leftovers ask for nothing', () => {
    expect(
      keepDataItems([detection('kaspersky-endpoint-security-windows', { business: true })]).map((i) => i.id),
    ).toEqual(['quarantine']);
    expect(keepDataItems([detection('kaspersky-leftovers', { status: 'leftover', kind: 'other' })])).toEqual(
      [],
    );
  });

  it('UltraAV: cancel its subscription', () => {
    const items = keepDataItems([detection('ultraav', { vendorId: 'ultraav', vendor: 'Pango Group' })]);
    expect(items.map((i) => i.id)).toEqual(['ultraav-subscription']);
  });
});
