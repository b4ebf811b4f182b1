#!/usr/bin/env node
// `npm test`: every check the project has, in the order that fails fastest, with the time of each.
// Server tests run on PGlite, and on PostgreSQL too when DATABASE_URL is set (CI sets it).
import { spawnSync } from 'node:child_process';

const steps = [
  ['typecheck', 'npx', ['tsc', '-b']],
  ['lint', 'npx', ['eslint', '.', '--max-warnings', '0']],
  ['build', 'npx', ['electron-vite', 'build', '--logLevel', 'warn']],
  ['Electronegativity on the built main and preload', 'node', ['scripts/electronegativity.mjs']],
  ['unit, component and server tests', 'npx', ['vitest', 'run']],
  ['browser end-to-end suite (Chromium)', 'npx', ['vitest', 'run', '--config', 'e2e/vitest.config.ts']],
];

const timings = [];
for (const [name, command, args] of steps) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  timings.push(`${name}: ${seconds} s`);
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed (exit ${result.status ?? result.signal}) after ${seconds} s`);
    process.exit(1);
  }
}
console.log(`\n✔ all checks passed\n  ${timings.join('\n  ')}`);
