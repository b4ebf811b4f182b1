/**
 * The harness page's `window.balieHarness` (renderer/test/harness/harness-api.ts) as the browser
 * suite calls it through Playwright. Declared again here because the suite and the renderer are
 * separate TypeScript projects; only what the tests use.
 */
import type { Page } from 'playwright-core';
import type { AppointmentState } from '../../shared/domain/appointment-state';

export type HarnessAction =
  | { kind: 'checkIn' | 'call' | 'startService' | 'noShow' | 'recall'; appointmentId: string }
  | { kind: 'note'; appointmentId: string; text: string }
  | { kind: 'park'; appointmentId: string; reason: string }
  | { kind: 'finish'; appointmentId: string; reason: string }
  | { kind: 'walkIn'; name: string };

export interface HarnessSnapshot {
  pending: number;
  rejected: number;
  cursor: string | null;
  nextDeviceSeq: number | null;
  conflicts: { eventId: string; appointmentId: string | null; deskId: string; type: string }[];
  shown: AppointmentState[];
  base: AppointmentState[];
}

interface BalieHarness {
  register(code: string, name: string): Promise<{ ok: boolean; reason?: string }>;
  signIn(username: string, password: string): Promise<{ ok: boolean; reason?: string }>;
  token(): Promise<string | null>;
  perform(date: string, actions: HarnessAction[]): Promise<{ done: number; eventIds: string[]; refused: { index: number; code: string }[] }>;
  snapshot(): Promise<HarnessSnapshot>;
  pendingEvents(): Promise<{ id: string }[]>;
  reconcile(): Promise<number>;
}

declare global {
  interface Window {
    balieHarness?: BalieHarness;
  }
}

async function ready(page: Page): Promise<void> {
  await page.waitForFunction(() => window.balieHarness !== undefined);
}

export async function snapshotOf(page: Page): Promise<HarnessSnapshot> {
  await ready(page);
  return page.evaluate(() => window.balieHarness!.snapshot());
}

export async function performOn(page: Page, date: string, actions: HarnessAction[]) {
  await ready(page);
  return page.evaluate(([day, list]) => window.balieHarness!.perform(day, list), [date, actions] as const);
}

export async function registerAndSignIn(page: Page, code: string, username: string, password: string): Promise<void> {
  await ready(page);
  const registered = await page.evaluate(([c]) => window.balieHarness!.register(c, 'e2e desk'), [code] as const);
  if (!registered.ok) throw new Error(`registration failed: ${registered.reason}`);
  await signInAgain(page, username, password);
}

export async function signInAgain(page: Page, username: string, password: string): Promise<void> {
  await ready(page);
  const signedIn = await page.evaluate(([u, p]) => window.balieHarness!.signIn(u, p), [username, password] as const);
  if (!signedIn.ok) throw new Error(`sign-in failed: ${signedIn.reason}`);
}

export async function sessionTokenOf(page: Page): Promise<string | null> {
  await ready(page);
  return page.evaluate(() => window.balieHarness!.token());
}

/** The outbox's pending events, as the desk would send them. */
export async function pendingEventsOf(page: Page): Promise<{ id: string }[]> {
  await ready(page);
  return page.evaluate(() => window.balieHarness!.pendingEvents());
}

/** The network is back (the caller lifted the block): ms until the outbox is empty and a sync finished. */
export async function reconcileOn(page: Page): Promise<number> {
  await ready(page);
  return page.evaluate(() => window.balieHarness!.reconcile());
}
