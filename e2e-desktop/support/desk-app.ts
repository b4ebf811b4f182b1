/**
 * Starts the packaged desk the way a desk PC does (its own binary, its own user data folder), under
 * xvfb-run, and attaches to it over the Chrome DevTools Protocol. Playwright's `_electron.launch`
 * cannot be used: it passes --inspect, which the `EnableNodeCliInspectArguments` fuse refuses, as
 * it should in a shipped app. `--remote-debugging-port` reaches only the renderer, never main.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { freePort } from '../../server/test/support/free-port';
import { PACKAGED_BINARY } from './paths';

export interface DeskApp {
  /** Electron's userData folder of this desk: desk-config.json, logs/, receipts/, IndexedDB. */
  userData: string;
  /** The user's Documents folder of this launch (its own, not the real one): Balie/ holds saved pages. */
  documents: string;
  /** The desk page, attached anew when the previous attachment died with its renderer. */
  page(): Promise<Page>;
  /** Runs xdotool on the desk's X display. */
  xdotool(...args: string[]): string;
  /** Starts another X program on the desk's display (stopped when the desk is closed). */
  startOnDisplay(command: string, args: string[]): ChildProcess;
  /** Starts the binary a second time on the same display and user data; resolves with its exit code. */
  startAgain(): Promise<{ exitCode: number | null; milliseconds: number }>;
  /** The main process's log file (logs/main.log). */
  log(): Promise<string>;
  close(): Promise<void>;
}

const wait = (ms: number) => new Promise((resolveWait) => setTimeout(resolveWait, ms));

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await wait(150);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

export interface LaunchOptions {
  serverUrl: string;
  /** What an administrator put in desk-config.json before the first start (e.g. receiptOutput). */
  deskConfig?: { receiptOutput?: 'printer' | 'pdf' };
}

export async function launchDesk(options: LaunchOptions): Promise<DeskApp> {
  const home = await mkdtemp(join(tmpdir(), 'balie-desktop-'));
  // On Linux Electron's userData is $XDG_CONFIG_HOME/<productName>.
  const userData = join(home, 'config', 'Balie');
  // Electron asks the XDG user dirs file for Documents: point it into this launch's home, so a
  // saved page never lands in the real user's folder.
  const documents = join(home, 'documents');
  await mkdir(join(home, 'config'), { recursive: true });
  await writeFile(join(home, 'config', 'user-dirs.dirs'), `XDG_DOCUMENTS_DIR="${documents}"\n`);
  if (options.deskConfig) {
    await mkdir(userData, { recursive: true });
    await writeFile(join(userData, 'desk-config.json'), JSON.stringify({ deviceId: randomUUID(), ...options.deskConfig }));
  }
  const displayFile = join(home, 'display');
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    XDG_CONFIG_HOME: join(home, 'config'),
    // The keyring keeps its files here, fresh for every launch.
    XDG_DATA_HOME: join(home, 'data'),
    BALIE_SERVER_URL: options.serverUrl,
  };
  delete env.ELECTRON_RUN_AS_NODE;
  // A desk PC has a desktop session with an unlocked keyring, which safeStorage encrypts with. Here
  // a session bus and gnome-keyring stand in for it (when installed), and XDG_CURRENT_DESKTOP tells
  // Chromium to use it; without them the desk rightly refuses to keep secrets (see desk-shell).
  const keyring = hasKeyring();
  if (keyring) env.XDG_CURRENT_DESKTOP = 'GNOME';
  const unlockKeyring = keyring ? 'printf balie-test | gnome-keyring-daemon --unlock --components=secrets > /dev/null; ' : '';

  // The shell line writes down which display xvfb-run chose, so the test can use it too.
  const app: ChildProcess = spawn(
    'xvfb-run',
    [
      '-a',
      '-s',
      '-screen 0 1440x900x24',
      ...(keyring ? ['dbus-run-session', '--'] : []),
      'sh',
      '-c',
      `printf "%s\\n%s\\n" "$DISPLAY" "$XAUTHORITY" > "$0"; ${unlockKeyring}exec "$@"`,
      displayFile,
      PACKAGED_BINARY,
      // Root cannot use Chromium's OS sandbox; the renderer's own sandbox (sandbox: true) stays on.
      '--no-sandbox',
      `--remote-debugging-port=${port}`,
    ],
    { env, detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  app.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = () => app.exitCode !== null || app.signalCode !== null;

  await until('the desk to open its DevTools port', async () => {
    if (exited()) throw new Error(`the desk exited (${app.exitCode ?? app.signalCode}): ${stderr}`);
    return (await fetch(`http://127.0.0.1:${port}/json/version`)).ok || undefined;
  }).catch(async (error: Error) => {
    if (app.pid !== undefined) await stopGroup(app.pid);
    throw new Error(`${error.message}\n${stderr}`);
  });
  const [display, xauthority] = (await readFile(displayFile, 'utf8')).trim().split('\n');
  const xEnv = { ...process.env, DISPLAY: display, XAUTHORITY: xauthority };

  const others: ChildProcess[] = [];
  let browser: Browser | undefined;
  async function page(): Promise<Page> {
    if (browser?.isConnected()) {
      const current = browser.contexts()[0]?.pages().find((open) => open.url().startsWith('balie://app/'));
      // A page whose renderer crashed stays dead in Playwright; attach again to reach the reloaded one.
      if (current && (await current.evaluate(() => true).catch(() => false))) return current;
      await browser.close().catch(() => undefined);
    }
    browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
    const attached = browser;
    return until('the desk page on balie://app/', async () => {
      const found = attached.contexts()[0]?.pages().find((open) => open.url().startsWith('balie://app/'));
      if (!found) return undefined;
      await found.waitForLoadState('domcontentloaded');
      return found;
    });
  }

  return {
    userData,
    documents,
    page,
    xdotool: (...args) => execFileSync('xdotool', args, { env: xEnv, encoding: 'utf8' }).trim(),
    startOnDisplay(command, args) {
      const other = spawn(command, args, { env: xEnv, stdio: 'ignore' });
      others.push(other);
      return other;
    },
    async startAgain() {
      const started = Date.now();
      const second = spawn(PACKAGED_BINARY, ['--no-sandbox'], { env: { ...env, ...xEnv }, stdio: 'ignore' });
      const exitCode = await Promise.race([
        new Promise<number | null>((resolveExit) => second.once('exit', (code) => resolveExit(code))),
        wait(20_000).then(() => {
          second.kill('SIGKILL');
          throw new Error('the second start of the desk did not quit within 20 s');
        }),
      ]);
      return { exitCode, milliseconds: Date.now() - started };
    },
    log: () => readFile(join(userData, 'logs', 'main.log'), 'utf8'),
    async close() {
      others.forEach((other) => other.kill('SIGTERM'));
      await browser?.close().catch(() => undefined);
      if (app.pid !== undefined) await stopGroup(app.pid);
      await rm(home, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    },
  };
}

/**
 * Stops xvfb-run, Xvfb and the desk (one process group) and waits until every one of them is gone:
 * xvfb-run may exit before Electron has finished writing its user data folder.
 */
async function stopGroup(groupId: number): Promise<void> {
  const alive = () => {
    try {
      process.kill(-groupId, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!alive()) return;
  process.kill(-groupId, 'SIGTERM');
  for (let waited = 0; alive() && waited < 10_000; waited += 100) await wait(100);
  if (alive()) process.kill(-groupId, 'SIGKILL');
  for (let waited = 0; alive() && waited < 5_000; waited += 100) await wait(100);
}

/** Whether this machine can give the desk a keyring (Debian: gnome-keyring, dbus). */
export function hasKeyring(): boolean {
  return ['gnome-keyring-daemon', 'dbus-run-session'].every((command) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0);
}
