import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amsterdamDateOf } from '../shared/domain/calendar-date';
import { dayResponseSchema } from '../shared/sync/day';
import { startApiServer, type ApiServer } from '../server/test/support/server-process';
import { launchDeskBrowser } from './support/chromium';
import { freePort } from '../server/test/support/free-port';
import { startStaticDeskServer, type StaticDeskServer } from './support/static-desk-server';

describe('a desk in Chromium keeps its day when the server goes away', () => {
  let workDir: string;
  let api: ApiServer;
  let desk: StaticDeskServer;
  let browser: BrowserContext;
  let deskUrl: string;
  let page: Page;
  let expectedNames: string[];

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'balie-e2e-'));
    const [apiPort, deskPort] = [await freePort(), await freePort()];
    const deskOrigin = `http://127.0.0.1:${deskPort}`;
    api = await startApiServer({ port: apiPort, dataDir: join(workDir, 'server-data'), deskOrigins: [deskOrigin] });
    desk = await startStaticDeskServer(deskPort, api.url);
    deskUrl = `${desk.origin}/?server=${encodeURIComponent(api.url)}`;
    const today = amsterdamDateOf(new Date());
    const day = dayResponseSchema.parse(await (await fetch(`${api.url}/api/v1/appointments?date=${today}`)).json());
    // The agenda names each person once, on the first of their services.
    expectedNames = day.appointments.map((appointment, index, all) =>
      all[index - 1]?.personId === appointment.personId ? '' : appointment.personName,
    );
    browser = await launchDeskBrowser(join(workDir, 'chromium-profile'));
  });

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    await desk?.close();
    await rm(workDir, { recursive: true, force: true });
  });

  const agendaNames = (page: Page) => page.locator('[data-testid=booking] td:nth-child(3)').allTextContents();

  it('loads the demo day from the server into the desk', async () => {
    page = await browser.newPage();
    await page.goto(deskUrl);
    await expect.poll(() => page.getByTestId('sync-status').textContent()).toMatch(/^Verbonden/);
    await expect.poll(() => agendaNames(page)).toEqual(expectedNames);
    expect(expectedNames.filter(Boolean).length).toBeGreaterThanOrEqual(40);
    // `BALIE_SCREENSHOTS=docs/screenshots npm run test:e2e` refreshes the pictures in the docs.
    if (process.env.BALIE_SCREENSHOTS) await page.screenshot({ path: join(process.env.BALIE_SCREENSHOTS, 'desk-agenda.png') });
  });

  it('still shows the day after a reload with the server stopped, and says it is offline', async () => {
    await api.stop();
    await page.reload();
    await expect.poll(() => page.getByTestId('sync-status').textContent(), { timeout: 20_000 }).toMatch(/^Geen verbinding/);
    await expect.poll(() => agendaNames(page)).toEqual(expectedNames);
  });

  it('still shows the day after the browser itself was closed and opened again', async () => {
    await browser.close();
    browser = await launchDeskBrowser(join(workDir, 'chromium-profile'));
    page = await browser.newPage();
    // No ?server= this time: the desk must remember its server, as it does after a PC restart.
    await page.goto(`${desk.origin}/`);
    await expect.poll(() => page.getByTestId('sync-status').textContent(), { timeout: 20_000 }).toMatch(/^Geen verbinding/);
    await expect.poll(() => agendaNames(page)).toEqual(expectedNames);
  });
});
