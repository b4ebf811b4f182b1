#!/usr/bin/env node
// `npm start`: builds the desk, starts the central server (embedded PGlite, demo day seeded on
// first run) and opens the desk in Electron. Where no Electron runtime can start, it says so in
// one line, prints the desk's address for a browser, and keeps the server running.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const port = process.env.PORT ?? '4870';
const serverUrl = `http://127.0.0.1:${port}`;

const build = spawnSync('npx', ['electron-vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const server = spawn(process.execPath, ['--import', 'tsx', 'server/src/cli.ts', 'start'], {
  stdio: 'inherit',
  env: { ...process.env, PORT: port },
});
const children = [server];
const stopAll = () => children.forEach((child) => child.kill('SIGTERM'));
process.on('SIGINT', stopAll);
process.on('SIGTERM', stopAll);
server.on('exit', (code) => process.exit(code ?? 0));

await waitForServer();
const electron = electronBinary();
if (!electron) {
  console.log(`No Electron runtime on this machine: open the desk in a browser at ${serverUrl}/desk/ (Ctrl+C stops the server).`);
} else {
  // Chromium refuses to run as root with its OS sandbox; the renderer's own sandbox stays on.
  const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  const desk = spawn(electron, ['.', ...rootArgs], { stdio: 'inherit', env: { ...process.env, BALIE_SERVER_URL: serverUrl } });
  children.push(desk);
  desk.on('exit', stopAll);
}

/** The Electron binary: ELECTRON_OVERRIDE_DIST_PATH, or the npm package's download, if present. */
function electronBinary() {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override && existsSync(`${override}/electron`)) return `${override}/electron`;
  try {
    const packageDir = createRequire(import.meta.url).resolve('electron/package.json').replace(/package\.json$/, '');
    const pathFile = `${packageDir}path.txt`;
    if (!existsSync(pathFile)) return null;
    const binary = spawnSync(process.execPath, ['-p', `require('fs').readFileSync(${JSON.stringify(pathFile)}, 'utf8')`]).stdout.toString().trim();
    return existsSync(`${packageDir}dist/${binary}`) ? `${packageDir}dist/${binary}` : null;
  } catch {
    return null;
  }
}

async function waitForServer() {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (await fetch(`${serverUrl}/api/v1/health`).then((r) => r.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  console.error(`The server did not answer at ${serverUrl} within a minute.`);
  stopAll();
  process.exit(1);
}
