/**
 * Server configuration, read from the environment once at boot and validated: a wrong value stops
 * the server with a message that names the variable, instead of failing later at random.
 */
import { resolve } from 'node:path';
import { z } from 'zod';

const listOfOrigins = z
  .string()
  .transform((value) => value.split(',').map((origin) => origin.trim()).filter(Boolean))
  .pipe(z.array(z.url()));

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(4870),
  // Loopback by default: a counter server is put on the network on purpose, never by accident.
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  BALIE_DATA_DIR: z.string().min(1).default('data'),
  // Origins of desk app shells allowed to call the API (CORS). The Electron app's own origin is always allowed.
  BALIE_DESK_ORIGINS: listOfOrigins.default([]),
  BALIE_RENDERER_DIR: z.string().min(1).optional(),
  BALIE_DEMO: z.enum(['on', 'off']).default('on'),
  BALIE_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** The Electron desk loads its shell from this origin (its custom protocol). */
export const ELECTRON_DESK_ORIGIN = 'balie://app';

export interface ServerConfig {
  port: number;
  host: string;
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };
  deskOrigins: string[];
  rendererDir: string;
  demo: boolean;
  logLevel: string;
}

/** Reads the configuration from `env`; the error lists every wrong variable. */
export function readServerConfig(env: NodeJS.ProcessEnv, workDir = process.cwd()): ServerConfig {
  // An empty variable (`DATABASE_URL=`) means "not set", as in most tools.
  const setVariables = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = environmentSchema.safeParse(setVariables);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid server configuration:\n  ${problems.join('\n  ')}`);
  }
  const values = parsed.data;
  return {
    port: values.PORT,
    host: values.HOST,
    database: values.DATABASE_URL
      ? { kind: 'postgres', url: values.DATABASE_URL }
      : { kind: 'pglite', dataDir: resolve(workDir, values.BALIE_DATA_DIR) },
    deskOrigins: [ELECTRON_DESK_ORIGIN, ...values.BALIE_DESK_ORIGINS.map((url) => new URL(url).origin)],
    rendererDir: resolve(workDir, values.BALIE_RENDERER_DIR ?? defaultRendererDir()),
    demo: values.BALIE_DEMO === 'on',
    logLevel: values.BALIE_LOG_LEVEL,
  };
}

/** The desk's renderer build, `out/renderer` at the repository root. */
function defaultRendererDir(): string {
  return resolve(import.meta.dirname, '../../out/renderer');
}
