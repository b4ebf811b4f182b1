#!/usr/bin/env node
// `npm run test:desktop`: the desktop end-to-end suite. Prepares a real Electron runtime
// (BALIE_ELECTRON_DIST, or the team's runtime script beside the checkout), packages the desk with
// it (dist/linux-unpacked), and runs e2e-desktop/ with Vitest: the packaged app under xvfb-run,
// attached over the DevTools protocol, against the real server.
//
// Where the runtime or the X tools are missing, it says 'skipped: no Electron runtime' and why,
// and exits 0 without claiming a single pass. In CI (CI=true) that is an error instead: .ci/run
// installs everything the suite needs, so a skip there would hide a broken set-up.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const runtimeScript = resolve(root, '../shared/tools/electron-runtime.sh');
const inCi = ['1', 'true'].includes(String(process.env.CI).toLowerCase());
const started = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

function skip(reason) {
  if (inCi) {
    console.error(`✖ desktop suite cannot run in CI: ${reason}`);
    process.exit(1);
  }
  console.log(`skipped: no Electron runtime (${reason})`);
  process.exit(0);
}

const onPath = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

if (process.platform !== 'linux' || process.arch !== 'x64') skip(`the runtime is Linux x64, this is ${process.platform} ${process.arch}`);
// The X server and the tools the tests use on it: xdotool and xmessage (focus), pdftotext (receipt),
// a session bus and gnome-keyring (the keyring safeStorage encrypts the desk's secrets with).
const tools = {
  'xvfb-run': 'xvfb',
  xauth: 'xauth',
  xdotool: 'xdotool',
  xmessage: 'x11-utils',
  pdftotext: 'poppler-utils',
  'dbus-run-session': 'dbus',
  'gnome-keyring-daemon': 'gnome-keyring',
};
const missing = Object.entries(tools).filter(([command]) => !onPath(command));
if (missing.length > 0) {
  skip(`missing ${missing.map(([command, debian]) => `${command} (Debian: ${debian})`).join(', ')}`);
}

let dist = process.env.BALIE_ELECTRON_DIST;
if (!dist) {
  if (!existsSync(runtimeScript)) skip(`BALIE_ELECTRON_DIST is not set and ${runtimeScript} is not there`);
  const prepareStarted = Date.now();
  console.log('▶ preparing the Electron runtime');
  const prepared = spawnSync('bash', [runtimeScript], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (prepared.status !== 0) skip(`the runtime script failed (exit ${prepared.status})`);
  dist = prepared.stdout.trim().split('\n').pop();
  console.log(`  ${dist} (${seconds(prepareStarted)})`);
}
if (!dist || !existsSync(join(dist, 'electron'))) skip(`no electron binary in ${dist}`);

const run = (name, command, args, env = {}) => {
  console.log(`\n▶ ${name}`);
  const stepStarted = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed (exit ${result.status ?? result.signal}) after ${seconds(stepStarted)}`);
    process.exit(1);
  }
  return seconds(stepStarted);
};

const packaged = run('packaging the desk (dist/linux-unpacked)', 'bash', ['scripts/package-linux-dir.sh'], {
  BALIE_ELECTRON_DIST: dist,
});
const asar = join(root, 'dist/linux-unpacked/resources/app.asar');
const du = spawnSync('du', ['-sm', join(root, 'dist/linux-unpacked')], { encoding: 'utf8' }).stdout.split('\t')[0];
console.log(`  app.asar ${(statSync(asar).size / 1024 / 1024).toFixed(2)} MB, unpacked app ${du} MB (Electron included)`);

const suite = run('desktop end-to-end suite', 'npx', ['vitest', 'run', '--config', 'e2e-desktop/vitest.config.ts']);
const electronVersion = readFileSync(join(dist, 'version'), 'utf8').trim();
console.log(`\n✔ desktop suite passed on Electron ${electronVersion}: packaging ${packaged}, tests ${suite}, total ${seconds(started)}`);
