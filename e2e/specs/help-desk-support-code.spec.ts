/**
 * The support code the person reads out, and the technician's decoder: shown on the verdict and
 * journey screens, read again when the step changes, decoded to its facts, and a misheard code
 * caught (its check character).
 */
import { expect, journeyStages, test } from '../fixtures';
import { HelpDeskPage } from '../pages/help-desk-page';

const CODE = /^HND-[0-9A-Z]{4}-[0-9A-Z]{4}$/;

/** The same code with one symbol changed, as if misheard ("B" for "D"). */
function misheard(code: string): string {
  const at = code.length - 2;
  const symbol = code[at] === 'B' ? 'D' : 'B';
  return `${code.slice(0, at)}${symbol}${code.slice(at + 1)}`;
}

test.describe('Kaspersky Total Security on Windows, region United States', () => {
  test.use({ cases: journeyStages('windows-kts-to-defender'), region: 'US' });

  test('the person sees a code to read out, and it follows the step they are on', async ({
    page,
    verdictPage,
    journeyPage,
    harness,
  }) => {
    const help = new HelpDeskPage(page);
    await verdictPage.openAndWaitForVerdict();
    await expect(help.supportCodeLine).toContainText('If someone is helping you, read them this code:');
    await expect(help.supportCode).toHaveText(CODE);
    const before = await help.supportCode.textContent();
    expect(before).toBe(await harness.api().getSupportCode());

    await journeyPage.startButton.click();
    await journeyPage.waitForStep('keep-data');
    // The journey screen shows it too, now carrying the step.
    await expect(help.supportCode).toHaveText(CODE);
    await expect(help.supportCode).not.toHaveText(before ?? '');
    expect(await help.supportCode.textContent()).toBe(await harness.api().getSupportCode());
  });

  test('the technician decodes the code read out, and a misheard one is caught', async ({
    page,
    verdictPage,
    harness,
  }) => {
    const help = new HelpDeskPage(page);
    await verdictPage.openAndWaitForVerdict();
    await expect(help.decodeInput).toHaveCount(0);
    await help.turnTechnicianView(true);
    const code = (await help.supportCode.textContent()) ?? '';
    const expected = await harness.api().decodeSupportCode(code);
    expect(expected.lines.length).toBeGreaterThan(0);

    // Read out over the phone: lower case, and with the dashes left out, still reads.
    await help.decode(code.toLowerCase());
    const shown = help.decoded.locator('dl > div');
    await expect(shown).toHaveCount(expected.lines.length);
    for (const line of expected.lines) await expect(help.decodedValue(line.label)).toHaveText(line.value);
    await expect(help.decoded).toContainText('Kaspersky');
    await expect(help.decodeError).toHaveCount(0);

    const wrong = misheard(code);
    // What the handlers answer for it: a failure, with the reason the screen must show.
    const refused = await harness
      .api()
      .decodeSupportCode(wrong)
      .catch((error: Error) => error.message);
    expect(refused).toMatch(/^the call failed: /);
    await help.decode(wrong);
    await expect(help.decodeError).toHaveText(String(refused).replace(/^the call failed: /, ''));
    await expect(help.decoded.locator('dl')).toHaveCount(0);
  });
});
