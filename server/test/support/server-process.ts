/**
 * The real Balie server as a child process, so a test can stop it, kill it, and start it again on
 * the same port and data folder, as happens to a real server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
const REPOSITORY_ROOT = resolve(import.meta.dirname, '../../..');

export interface ApiServer {
  url: string;
  /** The server's process id (benches read its CPU time). */
  pid: number;
  /** Stops the process (SIGTERM: a graceful stop; SIGKILL: a crash) and waits until it is gone. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface ApiServerOptions {
  port: number;
  /** PGlite's data folder; ignored when `databaseUrl` is given. */
  dataDir: string;
  deskOrigins: string[];
  /** A PostgreSQL database to use instead of PGlite. */
  databaseUrl?: string;
  /** Extra options for node (a bench's `--cpu-prof`). */
  nodeOptions?: string[];
}

export async function startApiServer({ port, dataDir, deskOrigins, databaseUrl = '', nodeOptions = [] }: ApiServerOptions): Promise<ApiServer> {
  const child = spawn(process.execPath, [...nodeOptions, '--import', 'tsx', resolve(REPOSITORY_ROOT, 'server/src/cli.ts'), 'start'], {
    cwd: REPOSITORY_ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      BALIE_DATA_DIR: dataDir,
      BALIE_DESK_ORIGINS: deskOrigins.join(','),
      BALIE_LOG_LEVEL: 'warn',
      // Empty means PGlite: the browser suite runs on it; crash tests run on both.
      DATABASE_URL: databaseUrl,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntilHealthy(url, child);
  return { url, pid: child.pid!, stop: (signal = 'SIGTERM') => stopProcess(child, signal) };
}

async function waitUntilHealthy(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode} before it was ready`);
    const healthy = await fetch(`${url}/api/v1/health`).then((response) => response.ok, () => false);
    if (healthy) return;
    await new Promise((resolveWait) => setTimeout(resolveWait, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`the server at ${url} did not become healthy within 60 s`);
}

function stopProcess(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    child.once('exit', () => resolveStop());
    child.kill(signal);
  });
}
