import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/**
 * Saves a picture for the docs, only when asked: `BALIE_SCREENSHOTS=docs/screenshots npm run test:e2e`
 * refreshes them, and an ordinary run (CI included) leaves the working tree as it was.
 */
export async function keepScreenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  const folder = process.env.BALIE_SCREENSHOTS;
  if (!folder) return;
  await mkdir(folder, { recursive: true });
  await page.screenshot({ path: join(folder, name), ...options });
}
