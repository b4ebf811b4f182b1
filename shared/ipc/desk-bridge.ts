/**
 * The DeskBridge: the one boundary between the desk's renderer and whatever hosts it (the Electron
 * main process, or a plain browser). Each function is declared once here, with the zod schemas of
 * its arguments and its answer; the preload, the main-process handlers and the web implementation
 * all take their types from this table, so a function without schemas cannot compile.
 */
import { z } from 'zod';
import { SERVICE_CODES } from '../domain/codes';
import { dateSchema, timeSchema } from '../domain/model';
import { offlineUnlockSchema } from '../sync/auth-api';
import { DESK_CHANNEL_NAMES } from './channel-names';

/**
 * Where a desk's handouts go: `printer`, the desk's default printer; `pdf`, a PDF file the host
 * keeps (a desk without a printer). An administrator sets it per desk in the host's configuration.
 */
export const receiptOutputSchema = z.enum(['printer', 'pdf']);
export type ReceiptOutput = z.infer<typeof receiptOutputSchema>;

/** What the desk needs to know about where it runs. */
export const deskConfigSchema = z.object({
  /** Base URL of the Balie server this desk syncs with, e.g. `http://127.0.0.1:4870`. */
  serverUrl: z.url({ protocol: /^https?$/ }),
  /** Stable id of this desk device (UUID), made on first start. */
  deviceId: z.uuid(),
  /** Which host runs the renderer. */
  host: z.enum(['electron', 'web']),
  /**
   * False on a first run: nobody chose a server for this desk yet, `serverUrl` is only the
   * fallback, and the desk asks for the server before anything else (chooseServerUrl). Absent
   * means chosen (a host that never asks).
   */
  serverUrlChosen: z.boolean().optional(),
  /** Where this desk prints handouts (printReceipt's `output`); absent: the default printer. */
  receiptOutput: receiptOutputSchema.optional(),
});
export type DeskConfig = z.infer<typeof deskConfigSchema>;

/**
 * Why the desk's page was reloaded by the host: its renderer process went away (crashed, was
 * killed, ran out of memory). The renderer shows it once, so the clerk knows why the screen
 * flickered; nothing was lost, because every unsent event is already in IndexedDB.
 */
export const recoveryNoticeSchema = z.object({
  /** Electron's `render-process-gone` reason (a clean exit is a closing window, never a notice). */
  reason: z.enum(['crashed', 'killed', 'oom', 'abnormal-exit', 'launch-failed', 'integrity-failure', 'memory-eviction']),
  /** When the page was reloaded (ISO 8601). */
  at: z.iso.datetime({ offset: true }),
  /** How many times the page was reloaded in this run of the app. */
  count: z.int().min(1),
});
export type RecoveryNotice = z.infer<typeof recoveryNoticeSchema>;

/** A clerk's session, kept encrypted by the host (never in localStorage). */
export const deskSessionSchema = z.object({
  /** The bearer token the server issued at sign-in. */
  token: z.string().min(16).max(4096),
  /** The signed-in account. */
  accountId: z.string().min(1).max(128),
  /** When the server stops accepting the token (ISO 8601). */
  expiresAt: z.iso.datetime({ offset: true }),
  /**
   * The clerk's PIN verifier for unlocking this desk offline (never the PIN), until its
   * `validUntil`; null or absent when the clerk has set no PIN.
   */
  offlineUnlock: offlineUnlockSchema.nullable().optional(),
});
export type DeskSession = z.infer<typeof deskSessionSchema>;

/** The desk's own credential, issued when an admin registers the desk. */
export const deviceSecretSchema = z.string().min(16).max(4096);

/**
 * Why the host could not keep or read a secret. `encryption-unavailable`: the operating system
 * offers no key store (on Linux: no keyring), and the host refuses to write secrets in plain text.
 */
export const secretStoreErrorSchema = z.enum(['encryption-unavailable', 'unreadable', 'write-failed']);
const secretFailureSchema = z.object({ ok: z.literal(false), error: secretStoreErrorSchema, message: z.string() });

/** The handout a client takes away: which appointment, for what, when, at which desk. No personal data. */
export const receiptSchema = z.object({
  /** As on the booking and the client's confirmation, e.g. `MAA-FLTTC9`: capitals, digits and dashes. */
  appointmentCode: z.string().max(32).regex(/^[A-Z0-9]+(-[A-Z0-9]+)*$/),
  service: z.enum(SERVICE_CODES),
  date: dateSchema,
  time: timeSchema,
  /** The desk as the client sees it on the call screen, e.g. "Balie 3". */
  desk: z.string().trim().min(1).max(50),
});
export type Receipt = z.infer<typeof receiptSchema>;

/** What `printReceipt` takes: the handout, and where it goes. */
export const printReceiptRequestSchema = receiptSchema.extend({
  /** `printer`: the desk's default printer, without a dialog; `pdf`: a PDF file kept by the host. */
  output: receiptOutputSchema.default('printer'),
});

/**
 * What `savePageAsPdf` takes: the title the file is named after (e.g. "Stuurinformatie MAA
 * 2026-07-01 2026-09-30"). Letters, digits, spaces and a few separators only, so the host can make
 * a safe file name of it; the host adds the date and time and `.pdf`.
 */
export const savePageAsPdfRequestSchema = z.object({
  title: z.string().trim().min(1).max(120).regex(/^[\p{L}\p{N} ._()-]+$/u, 'letters, digits, spaces and . _ ( ) - only'),
});
export type SavePageAsPdfRequest = z.infer<typeof savePageAsPdfRequestSchema>;

/**
 * Why a server address was not taken: not an http(s) URL; nothing answered at it; something
 * answered that is not a Balie server's health check; or this desk's server was chosen already
 * (changing it is an administrator's edit of the desk's configuration, never the page's: a page
 * that could move the desk to another server could send its data anywhere).
 */
export const serverChoiceErrorSchema = z.enum(['invalid-url', 'unreachable', 'not-balie', 'already-chosen']);
export type ServerChoiceError = z.infer<typeof serverChoiceErrorSchema>;

/** Every bridge function: its IPC channel, its argument tuple and its answer. */
export const deskBridgeContract = {
  getConfig: {
    channel: DESK_CHANNEL_NAMES.getConfig,
    args: z.tuple([]),
    result: deskConfigSchema,
    desktopOnly: false,
  },
  /**
   * First run only: sets the server this desk syncs with, after checking that a Balie server
   * answers its health check there (refused once a server is chosen). `reloadRequired`: the page must be loaded again before it may reach
   * the new server (in Electron the page's CSP names the server it may connect to).
   */
  chooseServerUrl: {
    channel: DESK_CHANNEL_NAMES.chooseServerUrl,
    args: z.tuple([z.string().max(2048)]),
    result: z.union([
      z.object({ ok: z.literal(true), serverUrl: deskConfigSchema.shape.serverUrl, reloadRequired: z.boolean() }),
      z.object({ ok: z.literal(false), error: serverChoiceErrorSchema }),
    ]),
    // Both hosts have it, but a host whose server is always chosen need not: optional to the renderer.
    desktopOnly: true,
  },
  /** Why the host last reloaded the page in this run, or null. */
  getRecoveryNotice: {
    channel: DESK_CHANNEL_NAMES.getRecoveryNotice,
    args: z.tuple([]),
    result: recoveryNoticeSchema.nullable(),
    desktopOnly: true,
  },
  /** Keeps the clerk's session encrypted; refuses (a value, not a throw) where it cannot encrypt. */
  saveSession: {
    channel: DESK_CHANNEL_NAMES.saveSession,
    args: z.tuple([deskSessionSchema]),
    result: z.union([z.object({ ok: z.literal(true) }), secretFailureSchema]),
    desktopOnly: true,
  },
  /** The kept session, or null when no clerk is signed in on this desk. */
  loadSession: {
    channel: DESK_CHANNEL_NAMES.loadSession,
    args: z.tuple([]),
    result: z.union([z.object({ ok: z.literal(true), session: deskSessionSchema.nullable() }), secretFailureSchema]),
    desktopOnly: true,
  },
  /** Forgets the session (sign-out, idle lock); the device secret stays. */
  clearSession: {
    channel: DESK_CHANNEL_NAMES.clearSession,
    args: z.tuple([]),
    result: z.union([z.object({ ok: z.literal(true) }), secretFailureSchema]),
    desktopOnly: true,
  },
  /** Keeps the desk's own credential after registration, encrypted like the session. */
  saveDeviceSecret: {
    channel: DESK_CHANNEL_NAMES.saveDeviceSecret,
    args: z.tuple([deviceSecretSchema]),
    result: z.union([z.object({ ok: z.literal(true) }), secretFailureSchema]),
    desktopOnly: true,
  },
  /** The desk's credential, or null when the desk is not registered yet. */
  loadDeviceSecret: {
    channel: DESK_CHANNEL_NAMES.loadDeviceSecret,
    args: z.tuple([]),
    result: z.union([z.object({ ok: z.literal(true), deviceSecret: deviceSecretSchema.nullable() }), secretFailureSchema]),
    desktopOnly: true,
  },
  /** Prints a handout; with `output: 'pdf'` the answer names the file the host wrote. */
  printReceipt: {
    channel: DESK_CHANNEL_NAMES.printReceipt,
    args: z.tuple([printReceiptRequestSchema]),
    result: z.union([
      z.object({ ok: z.literal(true), path: z.string().nullable() }),
      z.object({ ok: z.literal(false), error: z.string() }),
    ]),
    desktopOnly: true,
  },
  /**
   * Saves the calling window's page as an A4 PDF (as its print stylesheet lays it out) in the user's
   * Documents/Balie folder; the answer names the file. A plain browser has no such function: it prints.
   */
  savePageAsPdf: {
    channel: DESK_CHANNEL_NAMES.savePageAsPdf,
    args: z.tuple([savePageAsPdfRequestSchema]),
    result: z.union([
      z.object({ ok: z.literal(true), path: z.string() }),
      z.object({ ok: z.literal(false), error: z.string() }),
    ]),
    desktopOnly: true,
  },
} as const;

type Contract = typeof deskBridgeContract;
export type DeskBridgeFunction = keyof Contract;

/** The bridge as the Electron preload exposes it: every function, async, validated on both sides. */
export type DesktopBridge = {
  [Name in DeskBridgeFunction]: (
    ...args: z.input<Contract[Name]['args']>
  ) => Promise<z.output<Contract[Name]['result']>>;
};

/** Functions only a desktop host has (secure storage, printing, crash recovery). */
export type DesktopOnlyFunction = {
  [Name in DeskBridgeFunction]: Contract[Name]['desktopOnly'] extends true ? Name : never;
}[DeskBridgeFunction];

/**
 * The bridge as the renderer sees it on any host: a plain browser has no secure storage and no
 * printer, so the desktop-only functions may be absent and the renderer checks before it calls.
 */
export type DeskBridge = Omit<DesktopBridge, DesktopOnlyFunction> & Partial<Pick<DesktopBridge, DesktopOnlyFunction>>;

/** The implementation a host provides for each bridge function (arguments already validated). */
export type DeskBridgeHandlers = {
  [Name in DeskBridgeFunction]: (
    ...args: z.output<Contract[Name]['args']>
  ) => Promise<z.input<Contract[Name]['result']>> | z.input<Contract[Name]['result']>;
};
