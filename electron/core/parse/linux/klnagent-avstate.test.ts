import { describe, expect, it } from 'vitest';
import { parseKlnagentAvState } from './klnagent-avstate';

// Values in the formats Kaspersky documents for these keys [S70]; no real folder listing is public.
describe('parseKlnagentAvState', () => {
  it('reads the databases date (UTC), RTP state and server', () => {
    const state = parseKlnagentAvState([
      { name: 'Protection_BasesDate', content: '23-08-2018 04-11-00\n' },
      { name: 'Protection_RtpState', content: '4' },
      { name: 'Protection_AvRunning', content: '1' },
      { name: 'Protection_AvInstalled', content: '1' },
      { name: 'Protection_AdmServer', content: 'ksc.example.lan' },
      { name: 'Protection_NagentVersion', content: '15.1.0.20748' },
    ]);
    expect(state).toMatchObject({
      basesDatePrinted: '23-08-2018 04-11-00',
      basesDate: '2018-08-23T04:11:00.000Z',
      rtpState: 4,
      rtpStateName: 'enabled',
      realtime: true,
      adminServer: 'ksc.example.lan',
      avInstalled: true,
      nagentVersion: '15.1.0.20748',
    });
  });

  it('maps the RTP states [S70]', () => {
    const realtime = (rtp: string) =>
      parseKlnagentAvState([{ name: 'Protection_RtpState', content: rtp }]).realtime;
    expect(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'].map(realtime)).toEqual([
      null,
      false,
      false,
      null,
      true,
      true,
      true,
      true,
      true,
      false,
    ]);
  });

  it('falls back to Protection_AvRunning, accepts an extension, and tells nothing from nothing', () => {
    expect(parseKlnagentAvState([{ name: 'Protection_AvRunning.txt', content: '0' }]).realtime).toBe(false);
    expect(parseKlnagentAvState([])).toMatchObject({ realtime: null, basesDate: null, adminServer: null });
  });
});
