/**
 * What a supervisor sees on the steering page, against the real server of the renderer's test
 * setup: a location of this file's own where a desk served walk-ins on known days (two days this
 * quarter, one the quarter before), so every headline figure, its previous period and the change
 * are known by construction; in Dutch and English, by keyboard, and with refusals in words.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { DeskBridge } from '../../../../shared/ipc/desk-bridge';
import { adminToken, browserBridge, serverUrl } from '../../../test/desk-fixtures';
import { I18nProvider, type Language } from '../../i18n/i18n';
import { SteeringPanel, type SteeringPanelProps } from './steering-panel';
import { ownLocation, serveDay, type OwnLocation } from './test-support/served-days';

/** The page's today: 20 May 2026, in the second quarter. */
const TODAY = '2026-05-20';
const SPONSOR_LIST = [{ name: 'Philips', kvk: '17001910' }, { name: 'ASML', kvk: '17014545' }, { name: 'Bakkerij de Vries', kvk: null }];

async function noAxeViolations(container: HTMLElement): Promise<string[]> {
  // jsdom cannot lay out: contrast is checked in Chromium (e2e/steering-report.e2e.ts).
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

const headline = (key: string) => screen.getByTestId(`steering-headline-${key}`);
/** A table's rows as the cells' texts: name, this period, previous period, change. */
const tableRows = (key: string) =>
  within(screen.getByTestId(`steering-table-${key}`)).getAllByRole('row').slice(1).map((row) => [within(row).getByRole('rowheader').textContent, ...within(row).getAllByRole('cell').map((cell) => cell.textContent)]);

describe('the steering page against the real server', () => {
  let own: OwnLocation;

  beforeAll(async () => {
    own = await ownLocation(serverUrl, await adminToken(), SPONSOR_LIST);
    // The quarter before: two clients rated 7 and 5.
    await serveDay(serverUrl, own, '2026-03-10', [{ score: 7 }, { score: 5 }]);
    // This quarter: five clients on two days; one talk ends partial and is not rated.
    await serveDay(serverUrl, own, '2026-04-14', [{ score: 9 }, { score: 8 }, { score: null, partial: true }]);
    await serveDay(serverUrl, own, '2026-05-12', [{ score: 10 }, { score: 7 }]);
  }, 60_000);

  const renderPanel = (language: Language = 'nl', props: Partial<SteeringPanelProps> = {}) =>
    render(
      <I18nProvider initialLanguage={language}>
        <SteeringPanel session={{ serverUrl, token: own.supervisorToken, locationId: own.locationId }} today={TODAY} {...props} />
      </I18nProvider>,
    );

  // The tab that opens it on the supervisor's page is driven in Chromium (e2e/steering-report.e2e.ts).
  it('opens on this quarter: the headline figures with their counts, the previous period and the change', async () => {
    const { container } = renderPanel();
    await screen.findByRole('heading', { name: `Stuurinformatie ${own.locationId}` });
    expect(screen.getByTestId('steering-period')).toHaveTextContent('1 april 2026 tot en met 30 juni 2026, vergeleken met 31 december 2025 tot en met 31 maart 2026');
    expect(screen.getByRole('button', { name: 'Dit kwartaal' })).toHaveAttribute('aria-pressed', 'true');

    expect(headline('clients')).toHaveTextContent('Klanten geholpen5');
    expect(headline('clients')).toHaveTextContent('5 bezoeken afgesloten, 4 in één keer goed');
    expect(headline('clients')).toHaveTextContent('Vorige periode: 2Verandering: +3');
    // Four ratings (9, 8, 10, 7) against two (7, 5): 8,5 against 6,0.
    expect(screen.getByTestId('steering-headline-rating-value')).toHaveTextContent('8,5');
    expect(headline('rating')).toHaveTextContent('100% tevreden (7 of hoger), 4 waarderingen');
    expect(headline('rating')).toHaveTextContent('Vorige periode: 6,0Verandering: +2,5');
    // Walk-ins come without a sponsor: none of the list's three was served.
    expect(screen.getByTestId('steering-headline-sponsors-value')).toHaveTextContent('0');
    expect(headline('sponsors')).toHaveTextContent('0 van de 3 referenten op de lijst van de locatie (0%); 0 erkend');
    // No fast-track registration: no share rather than a misleading 0%.
    expect(screen.getByTestId('steering-headline-fastTrack-value')).toHaveTextContent('–');
    expect(screen.getByTestId('steering-headline-visits-value')).toHaveTextContent('2,5');
    expect(headline('visits')).toHaveTextContent('5 bezoeken op 2 dagen open');
    expect(headline('visits')).toHaveTextContent('Vorige periode: 2,0Verandering: +0,5');

    expect(tableRows('services')).toEqual([['Klanten geholpen', '5', '2', '+3'], ['Adviesgesprek (INFO)', '5', '2', '+3']]);
    expect(tableRows('categories')).toEqual([['Onbekend', '5', '2', '+3']]);
    // Every client waited 5 minutes and was served for 10.
    expect(tableRows('times')).toEqual(expect.arrayContaining([['Wachttijd mediaan', '5 min', '5 min', '0 s'], ['Behandeltijd mediaan', '10 min', '10 min', '0 s']]));
    expect(tableRows('firstTimeRight')).toContainEqual(['Aandeel in één keer goed', '80%', '100%', '−20 %-punt']);
    expect(tableRows('sponsors')).toEqual(expect.arrayContaining([['Referenten op de lijst van de locatie', '3', '3', '0'], ['Aandeel van de lijst bediend', '0%', '0%', '0 %-punt']]));
    expect(tableRows('ratings')).toContainEqual(['Aandeel tevreden (7 of hoger)', '100%', '50%', '+50 %-punt']);
    expect(await noAxeViolations(container)).toEqual([]);
  });

  it('shows last quarter and this year with a quick choice by keyboard, each against the period of the same length before it', async () => {
    const user = userEvent.setup();
    renderPanel();
    await screen.findByRole('heading', { name: `Stuurinformatie ${own.locationId}` });
    screen.getByRole('button', { name: 'Vorig kwartaal' }).focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByTestId('steering-period')).toHaveTextContent('1 januari 2026 tot en met 31 maart 2026, vergeleken met 3 oktober 2025 tot en met 31 december 2025'));
    expect(screen.getByLabelText('Van')).toHaveValue('2026-01-01');
    expect(screen.getByLabelText('Tot en met')).toHaveValue('2026-03-31');
    await waitFor(() => expect(screen.getByTestId('steering-headline-clients-value')).toHaveTextContent('2'));
    expect(headline('clients')).toHaveTextContent('Vorige periode: 0Verandering: +2');
    // Nobody rated the quarter before: no average, and no change to compute.
    expect(headline('rating')).toHaveTextContent('Vorige periode: –Verandering: –');

    await user.tab();
    expect(screen.getByRole('button', { name: 'Dit jaar' })).toHaveFocus();
    await user.keyboard(' ');
    await waitFor(() => expect(screen.getByTestId('steering-period')).toHaveTextContent('1 januari 2026 tot en met 31 december 2026'));
    await waitFor(() => expect(screen.getByTestId('steering-headline-clients-value')).toHaveTextContent('7'));
    expect(screen.getByTestId('steering-headline-rating-value')).toHaveTextContent('7,7');
  });

  it('speaks English: the same figures with English names, decimals and dates', async () => {
    renderPanel('en');
    await screen.findByRole('heading', { name: `Steering report ${own.locationId}` });
    expect(screen.getByTestId('steering-period')).toHaveTextContent('1 April 2026 to 30 June 2026, compared with 31 December 2025 to 31 March 2026');
    expect(headline('clients')).toHaveTextContent('Clients helped5');
    expect(headline('rating')).toHaveTextContent('Average rating8.5100% satisfied (7 or more), 4 ratings');
    expect(headline('rating')).toHaveTextContent('Previous period: 6.0Change: +2.5');
    expect(headline('sponsors')).toHaveTextContent("0 of the 3 sponsors on the location's list (0%)");
    expect(tableRows('services')).toEqual([['Clients helped', '5', '2', '+3'], ['Advice talk (INFO)', '5', '2', '+3']]);
    expect(tableRows('firstTimeRight')).toContainEqual(['First-time-right share', '80%', '100%', '−20 pp']);
  });

  it('refuses a period over the maximum on the form, in words, keeping what was typed and the report shown', async () => {
    const user = userEvent.setup();
    const fetched = vi.spyOn(globalThis, 'fetch');
    renderPanel();
    await screen.findByRole('heading', { name: `Stuurinformatie ${own.locationId}` });
    const asked = fetched.mock.calls.length;
    const from = screen.getByLabelText('Van');
    const to = screen.getByLabelText('Tot en met');
    await user.clear(from);
    await user.type(from, '2025-01-01');
    await user.clear(to);
    await user.type(to, '2026-05-20{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Stuurinformatie beslaat hoogstens 366 dagen. Kies een kortere periode.');
    expect(from).toHaveValue('2025-01-01');
    expect(to).toHaveValue('2026-05-20');
    expect(to).toHaveAttribute('aria-invalid', 'true');
    expect(fetched.mock.calls.length).toBe(asked);
    expect(screen.getByTestId('steering-headline-clients-value')).toHaveTextContent('5');
    fetched.mockRestore();
  });

  it("shows the server's refusal clearly when a supervisor asks for another location's figures", async () => {
    render(
      <I18nProvider>
        <SteeringPanel session={{ serverUrl, token: own.strangerToken, locationId: own.locationId }} today={TODAY} />
      </I18nProvider>,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('U mag deze stuurinformatie niet zien (teamleiders alleen van hun eigen locatie).');
    expect(screen.queryByTestId('steering-headline-clients')).not.toBeInTheDocument();
  });

  it('gives an admin, who belongs to no location, every location together', async () => {
    render(
      <I18nProvider>
        <SteeringPanel session={{ serverUrl, token: await adminToken(), locationId: null }} today={TODAY} />
      </I18nProvider>,
    );
    await screen.findByRole('heading', { name: 'Stuurinformatie' });
    expect(screen.getByText(/^Alle locaties: /)).toHaveTextContent(new RegExp(`\\b${own.locationId}\\b`));
    expect(screen.getByText(/^Alle locaties: /)).toHaveTextContent(/\bMAA\b/);
    // This file's clients are among them.
    expect(Number(screen.getByTestId('steering-headline-clients-value').textContent!.replace(/\./g, ''))).toBeGreaterThanOrEqual(5);
  });

  it('prints, downloads the CSV with English names listing the same figures, and saves a PDF only where the desk app can', async () => {
    const user = userEvent.setup();
    const print = vi.fn();
    const files: { name: string; blob: Blob }[] = [];
    const { unmount } = renderPanel('nl', { print, save: (name, blob) => files.push({ name, blob }) });
    await screen.findByRole('heading', { name: `Stuurinformatie ${own.locationId}` });
    // A plain browser has no PDF function: it prints.
    expect(screen.queryByRole('button', { name: 'Opslaan als PDF' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Afdrukken' }));
    expect(print).toHaveBeenCalledOnce();

    await user.click(screen.getByRole('button', { name: 'CSV downloaden (Engels)' }));
    await waitFor(() => expect(files).toHaveLength(1));
    expect(files[0]!.name).toBe(`steering-${own.locationId}-2026-04-01_2026-06-30-en.csv`);
    const lines = (await files[0]!.blob.text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('figure,this period 2026-04-01_2026-06-30,previous period 2025-12-31_2026-03-31');
    expect(lines).toContain('clients helped,5,2');
    expect(lines).toContain('average rating,8.5,6');
    expect(screen.getByRole('status')).toHaveTextContent(`Gedownload: steering-${own.locationId}-2026-04-01_2026-06-30-en.csv`);
    unmount();

    const titles: string[] = [];
    const bridge: DeskBridge = {
      ...browserBridge(),
      savePageAsPdf: async ({ title }) => {
        titles.push(title);
        return { ok: true, path: `/home/teamleider/Documents/Balie/${title.replaceAll(' ', '-')}.pdf` };
      },
    };
    renderPanel('nl', { bridge });
    await screen.findByRole('heading', { name: `Stuurinformatie ${own.locationId}` });
    await user.click(screen.getByRole('button', { name: 'Opslaan als PDF' }));
    expect(await screen.findByText(`Opgeslagen als /home/teamleider/Documents/Balie/Stuurinformatie-${own.locationId}-2026-04-01-2026-06-30.pdf`)).toBeInTheDocument();
    expect(titles).toEqual([`Stuurinformatie ${own.locationId} 2026-04-01 2026-06-30`]);
  });
});
