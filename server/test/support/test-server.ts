import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerConfig } from '../../src/config';
import { startServer, type RunningServer } from '../../src/server';
import type { TestDatabase } from './test-databases';

export const TEST_DESK_ORIGIN = 'http://127.0.0.1:5999';

/** A stand-in desk build: enough for the server to serve `/desk/`. */
export async function fakeRendererDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'balie-test-renderer-'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>Balie</title><div id="root"></div>');
  return dir;
}

/** The configuration of a test server: a free port of 127.0.0.1, the demo on, quiet. */
export function testServerConfig(database: TestDatabase, overrides: Partial<ServerConfig> = {}): ServerConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    database: database.config,
    deskOrigins: ['balie://app', TEST_DESK_ORIGIN],
    rendererDir: join(tmpdir(), 'balie-no-renderer'),
    demo: true,
    logLevel: 'silent',
    ...overrides,
  };
}

/** Starts the real server on a free port of 127.0.0.1. */
export function startTestServer(database: TestDatabase, overrides: Partial<ServerConfig> = {}): Promise<RunningServer> {
  return startServer(testServerConfig(database, overrides), { logger: false });
}
