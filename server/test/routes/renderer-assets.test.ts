import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server';
import { createTestDatabase, type TestDatabase } from '../support/test-databases';
import { fakeRendererDir, startTestServer } from '../support/test-server';

describe("the renderer build's files", () => {
  let database: TestDatabase;
  let server: RunningServer;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    const rendererDir = await fakeRendererDir();
    await writeFile(join(rendererDir, 'display.html'), '<!doctype html><title>Oproepen</title>');
    await mkdir(join(rendererDir, 'assets'));
    await writeFile(join(rendererDir, 'assets', 'index-Ab12Cd34.js'), 'export {};');
    server = await startTestServer(database, { rendererDir });
  });
  afterAll(async () => {
    await server.stop();
    await database.drop();
  });

  const cacheControlOf = async (path: string) => {
    const response = await fetch(`${server.url}${path}`);
    expect(response.status).toBe(200);
    return response.headers.get('cache-control');
  };

  it('are kept by the browser when hashed (so a desk starts without compiling its script again), and the pages are not', async () => {
    expect(await cacheControlOf('/desk/assets/index-Ab12Cd34.js')).toBe('public, max-age=31536000, immutable');
    expect(await cacheControlOf('/display/assets/index-Ab12Cd34.js')).toBe('public, max-age=31536000, immutable');
    expect(await cacheControlOf('/desk/')).not.toContain('immutable');
    expect(await cacheControlOf('/display/MAA')).toBe('no-store');
  });
});
