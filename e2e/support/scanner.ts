import type { Page } from 'playwright-core';

/**
 * A keyboard-wedge scanner: the whole code within a few milliseconds, then Enter, sent to whatever
 * has the focus. Dispatched in the page, because a scanner's speed is what the desk tells it by.
 */
export async function scan(page: Page, code: string): Promise<void> {
  await page.evaluate((text) => {
    const target = document.activeElement ?? document.body;
    for (const key of [...text, 'Enter']) {
      target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      target.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true, cancelable: true }));
    }
  }, code);
}
