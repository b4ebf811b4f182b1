/**
 * The benches' CPU profiles of a page (Chrome DevTools format): open the file in DevTools'
 * Performance panel to see where the page's time went.
 */
import { writeFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';

/** Runs `work` with the page's CPU profiler on and writes the profile to `file`; without a file, just runs it. */
export async function profiled<T>(page: Page, file: string | undefined, work: () => Promise<T>): Promise<T> {
  if (!file) return work();
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 200 });
  await session.send('Profiler.start');
  const result = await work();
  const { profile } = await session.send('Profiler.stop');
  await writeFile(file, JSON.stringify(profile));
  console.info(`CPU profile: ${file}`);
  return result;
}
