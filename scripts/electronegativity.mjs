#!/usr/bin/env node
// Electronegativity on the built main process and preload (out/main, out/preload: what ships),
// after `electron-vite build`. It writes its SARIF report to .tmp/electronegativity/report.sarif
// and exits 0 whatever it finds, so this script gates on the report: any finding of high or
// medium severity that is not a documented false positive below fails the step and is printed.
// The SARIF carries no severity, so each result is joined with the severity and confidence the
// tool's runner reports for the same check, file and line.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const runElectronegativity = require('@doyensec/electronegativity');

const work = join(root, '.tmp/electronegativity');
const scanned = join(work, 'app');
const report = join(work, 'report.sarif');
rmSync(work, { recursive: true, force: true });
mkdirSync(scanned, { recursive: true });
// The tool reads only .js/.ts/.html files: the CommonJS preload (index.cjs) is scanned as .js.
for (const part of ['main', 'preload']) {
  cpSync(join(root, 'out', part), join(scanned, part), { recursive: true });
}
cpSync(join(root, 'out/preload/index.cjs'), join(scanned, 'preload/index.js'));
rmSync(join(scanned, 'preload/index.cjs'));

// The Electron the desk ships with: package.json's, not the older runtime the desktop suite uses.
const electronVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies.electron;

// Checks that cannot run here, by their class name (how the runner names them):
// - AvailableSecurityFixesGlobalCheck fetches Electron's release list from the internet (and waits
//   for it to time out offline). Which Electron ships is decided in package.json, and upgraded there.
const skippedChecks = ['AvailableSecurityFixesGlobalCheck'];

/**
 * Findings that are false positives, each as narrow as it can be: one check, one file, and the
 * code it points at. A new finding of the same check elsewhere still fails.
 */
const falsePositives = [
  {
    checks: ['CONTEXT_ISOLATION_JS_CHECK', 'NODE_INTEGRATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'AUXCLICK_JS_CHECK'],
    file: 'main/index.js',
    code: /^new BrowserWindow\((deskWindowOptions|receiptWindowOptions|clientWindowOptions)\(/,
    why:
      'The checks read only an object literal written inside `new BrowserWindow(...)`. The three windows take ' +
      'their options from one function each (electron/main/window-options.ts, receipt-printer.ts, ' +
      'client-window.ts, which starts from the desk window\'s options and drops the preload) that sets ' +
      "contextIsolation, sandbox, no nodeIntegration and disableBlinkFeatures: 'Auxclick'; their unit tests " +
      'assert it, and the desktop suite sees from the page that require and process are absent.',
  },
  {
    checks: ['CSP_GLOBAL_CHECK'],
    file: 'file:///',
    code: /^$/,
    why:
      'The check finds a CSP only in HTML <meta> tags or in webRequest.onHeadersReceived. The desk sends its ' +
      'CSP as a header on every balie://app response from the protocol handler (electron/main/app-protocol.ts, ' +
      'shared/security/csp.ts); app-protocol.test.ts asserts it on every answer, errors included, and the ' +
      'desktop suite reads it from the running app and sees it stop an inline script.',
  },
];

const result = await runElectronegativity({
  input: scanned,
  output: report,
  isSarif: true,
  customScan: [],
  excludeFromScan: skippedChecks.map((name) => name.toLowerCase()),
  severitySet: 'informational',
  confidenceSet: 'tentative',
  isRelative: true,
  isVerbose: false,
  electronVersionOverride: electronVersion,
  parserPlugins: [],
});

for (const error of result.errors) {
  console.error(`✖ electronegativity could not parse ${error.file}: ${error.message}`);
}

// The runner resolves before its (callback-style) write of the report has finished.
async function readReport() {
  for (let waited = 0; waited < 10_000; waited += 100) {
    try {
      if (existsSync(report)) return JSON.parse(readFileSync(report, 'utf8'));
    } catch {
      // still being written
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 100));
  }
  throw new Error(`electronegativity wrote no complete report at ${report}`);
}
const sarif = await readReport();
const rank = { INFORMATIONAL: 0, LOW: 1, MEDIUM: 2, HIGH: 3 };
// Global checks name no file: the runner says "N/A", the SARIF "file:///".
const relative = (file) => (file === 'N/A' ? 'file:///' : file.replace(/\\/g, '/').replace(/^\/+/, ''));
const lineOf = (file, line) => readFileSync(join(scanned, file), 'utf8').split('\n')[line - 1] ?? '';

const findings = sarif.runs[0].results.map((entry) => {
  const location = entry.locations[0].physicalLocation;
  const file = relative(location.artifactLocation.uri);
  const line = location.region.startLine;
  const column = location.region.startColumn;
  const issue = result.issues.find(
    (candidate) =>
      candidate.id === entry.ruleId &&
      relative(candidate.file) === file &&
      (candidate.location.line === line || (candidate.location.line === 0 && line === 1)),
  );
  const severity = issue?.severity.name ?? 'HIGH'; // unknown: treat as the worst
  const code = file.endsWith('.js') ? lineOf(file, line).slice(column - 1, column - 1 + location.region.charLength) : '';
  const excused = falsePositives.find(
    (fp) => fp.checks.includes(entry.ruleId) && fp.file === file && fp.code.test(code),
  );
  return { check: entry.ruleId, severity, confidence: issue?.confidence.name ?? '?', file, line, column, code, excused };
});

const describe = (finding) =>
  `${finding.severity.padEnd(13)} ${finding.confidence.padEnd(9)} ${finding.check} ${finding.file}:${finding.line}:${finding.column}${finding.code ? `  ${finding.code}` : ''}`;
const serious = findings.filter((finding) => rank[finding.severity] >= rank.MEDIUM);
const failing = serious.filter((finding) => !finding.excused);
const excused = serious.filter((finding) => finding.excused);
const minor = findings.filter((finding) => rank[finding.severity] < rank.MEDIUM);

console.log(
  `electronegativity ${sarif.runs[0].tool.driver.version} on out/main and out/preload (Electron ${electronVersion}): ` +
    `${result.globalChecks + result.atomicChecks} checks, ${findings.length} findings, SARIF in ${relative(report.slice(root.length))}`,
);
if (minor.length > 0) console.log(`low or informational (not gated):\n  ${minor.map(describe).join('\n  ')}`);
if (excused.length > 0) {
  console.log(`high or medium, documented false positives:\n  ${excused.map(describe).join('\n  ')}`);
}
if (failing.length > 0 || result.errors.length > 0) {
  console.error(`✖ ${failing.length} high or medium finding(s):\n  ${failing.map(describe).join('\n  ')}`);
  process.exit(1);
}
console.log('✔ no high or medium finding');
