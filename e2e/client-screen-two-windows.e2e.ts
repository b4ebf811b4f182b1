/**
 * The client screen in Chromium as the browser desk opens it: the clerk's window opens
 * client-screen.html as a second window of the same origin, and the two talk over the
 * BroadcastChannel. The clerk's side here is the desk's own page posting the channel's messages
 * (the rating's way into the outbox and onto the server is proven in
 * renderer/test/client-screen-rating.test.tsx). The screen shows the welcome after a call, the DOC
 * check, the service point's information in both languages, and takes a rating by keyboard only;
 * axe finds no WCAG 2.1 AA violation in any state.
 */
import AxeBuilder from '@axe-core/playwright';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../server/test/support/free-port';
import { launchDeskBrowser } from './support/chromium';
import { startStaticDeskServer, type StaticDeskServer } from './support/static-desk-server';
import { keepScreenshot } from './support/screenshots';

// The channel and its messages as renderer/src/features/client-view/client-channel.ts declares them.
const CHANNEL = 'balie-client-screen';

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

describe('the client screen at the desk, in a second browser window', () => {
  let workDir: string;
  let shell: StaticDeskServer;
  let browser: BrowserContext;
  let clerk: Page;
  let client: Page;

  /** What the clerk's window received from the client screen. */
  const received = () => clerk.evaluate(() => (window as unknown as { clientMessages: unknown[] }).clientMessages);
  const show = (view: unknown) => clerk.evaluate((message) => (window as unknown as { clientChannel: BroadcastChannel }).clientChannel.postMessage(message), { type: 'view', view });

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'balie-client-screen-'));
    // No API is needed: the two windows talk only to each other.
    shell = await startStaticDeskServer(await freePort(), 'http://127.0.0.1:9');
    browser = await launchDeskBrowser(join(workDir, 'profile'));
    clerk = browser.pages()[0] ?? (await browser.newPage());
    await clerk.goto(`${shell.origin}/index.html`);
    await clerk.evaluate((name) => {
      const holder = window as unknown as { clientChannel: BroadcastChannel; clientMessages: unknown[] };
      holder.clientMessages = [];
      holder.clientChannel = new BroadcastChannel(name);
      holder.clientChannel.addEventListener('message', (event) => holder.clientMessages.push(event.data));
    }, CHANNEL);
    const opened = browser.waitForEvent('page');
    await clerk.evaluate(() => window.open(new URL('client-screen.html', document.baseURI).href, 'balie-client-screen', 'popup,width=1280,height=800'));
    client = await opened;
    await client.setViewportSize({ width: 1280, height: 800 });
  });

  afterAll(async () => {
    await browser?.close();
    await shell?.close();
    await rm(workDir, { recursive: true, force: true });
  });

  it('opens on the same origin, says hello in Dutch, and shows the service point information in both languages', async () => {
    expect(new URL(client.url()).origin).toBe(shell.origin);
    await client.getByRole('heading', { name: 'Welkom bij het IND-loket' }).waitFor();
    await expect.poll(received).toContainEqual({ type: 'hello', language: 'nl' });
    expect(await violations(client)).toEqual([]);
    await keepScreenshot(client, 'client-idle.png');

    // The client switches the language by keyboard; the clerk's window hears of it.
    await client.getByRole('button', { name: 'Switch to English' }).focus();
    await client.keyboard.press('Enter');
    await client.getByRole('heading', { name: 'Welcome to the IND desk' }).waitFor();
    expect(await client.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect.poll(received).toContainEqual({ type: 'language', language: 'en' });
    expect(await violations(client)).toEqual([]);
    await client.getByRole('button', { name: 'Wissel naar Nederlands' }).press('Enter');
    await client.getByRole('heading', { name: 'Welkom bij het IND-loket' }).waitFor();
  });

  it('shows the welcome with the desk and ticket after a call posted on the channel, and ignores a forged message', async () => {
    await clerk.evaluate((name) => new BroadcastChannel(name).postMessage({ type: 'view', view: { kind: 'welcome', desk: '', ticket: '<b>x</b>' } }), CHANNEL);
    await show({ kind: 'welcome', desk: 'Balie 3', ticket: 'A-017' });
    await client.getByRole('heading', { name: 'Welkom' }).waitFor();
    expect(await client.locator('main').innerText()).toContain('U wordt geholpen aan Balie 3.');
    expect(await client.locator('.client-ticket').innerText()).toBe('Uw nummer: A-017');
    expect(await violations(client)).toEqual([]);
    await keepScreenshot(client, 'client-welcome.png');
    // In English the desk is named as the English wall names it.
    await client.getByRole('button', { name: 'Switch to English' }).press('Enter');
    await client.getByText('You are helped at Desk 3.').waitFor();
    expect(await client.locator('.client-ticket').innerText()).toBe('Your number: A-017');
    expect(await violations(client)).toEqual([]);
    await client.getByRole('button', { name: 'Wissel naar Nederlands' }).press('Enter');
    await client.getByText('U wordt geholpen aan Balie 3.').waitFor();
  });

  it("shows the card's name and date of birth for the client to check during DOC", async () => {
    await show({ kind: 'confirm', name: 'Amira Haddad', dateOfBirth: '1990-03-03' });
    await client.getByRole('heading', { name: 'Kloppen uw gegevens?' }).waitFor();
    expect(await client.locator('.client-details').innerText()).toMatch(/Amira Haddad[\s\S]*3 maart 1990/);
    expect(await violations(client)).toEqual([]);
    await keepScreenshot(client, 'client-confirm.png');
    // The next view leaves no personal data behind on the screen.
    await show({ kind: 'idle' });
    await client.getByRole('heading', { name: 'Welkom bij het IND-loket' }).waitFor();
    expect(await client.content()).not.toContain('Amira');
  });

  it('takes a rating 1-10 and a comment by keyboard only, sends it once, and thanks the client', async () => {
    await show({ kind: 'rating', appointmentId: 'a-amira-doc', desk: 'Balie 3' });
    await client.getByRole('heading', { name: 'Hoe tevreden bent u over de hulp aan Balie 3?' }).waitFor();
    expect(await violations(client)).toEqual([]);
    // The new view starts at its heading: one Tab goes into the scores; the arrows move the choice.
    expect(await client.evaluate(() => document.activeElement?.id)).toBe('client-title');
    await client.keyboard.press('Tab');
    expect(await client.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('1');
    for (let step = 0; step < 8; step++) await client.keyboard.press('ArrowRight');
    expect(await client.getByRole('radio', { name: '9' }).isChecked()).toBe(true);
    await client.keyboard.press('Tab');
    await client.keyboard.type('Vriendelijk geholpen');
    await client.keyboard.press('Tab');
    // The focus ring is drawn on the focused button, and is visible.
    expect(await client.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');
    await keepScreenshot(client, 'client-rating.png', { fullPage: true });
    await client.keyboard.press('Enter');
    await client.keyboard.press('Enter');
    await expect.poll(received).toContainEqual({ type: 'rating', appointmentId: 'a-amira-doc', score: 9, comment: 'Vriendelijk geholpen' });
    expect((await received()).filter((message) => (message as { type: string }).type === 'rating')).toHaveLength(1);

    await show({ kind: 'thanks' });
    await client.getByRole('heading', { name: 'Dank u wel!' }).waitFor();
    expect(await violations(client)).toEqual([]);
  });
});
