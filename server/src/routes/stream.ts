import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { authorize, type Principal } from '../auth/principal';
import type { Database } from '../db/database';
import { locationsInScope } from '../reports/report-scope';
import { latestChangeSeq } from '../sync/changes';
import type { PokeHub } from '../sync/poke-hub';

// Proxies close quiet connections; a comment line now and then keeps the stream open.
const HEARTBEAT_MS = 25_000;

/**
 * `GET /api/v1/sync/stream`: Server-Sent Events. A desk gets `event: changes` with the location's
 * newest change number whenever there is something new to pull, and pulls at once. The stream
 * carries no data itself, so a missed poke costs only a delay: desks also poll with backoff.
 * A desk's session streams its device's location; a supervisor or admin in a plain browser (no
 * desk device) names the location with `?location=`, within the same scope as the report routes.
 */
export const streamRoutes: FastifyPluginAsync<{ db: Database; pokes: PokeHub }> = async (app, { db, pokes }) => {
  const open = new Set<() => void>();
  // Streams never end by themselves: close them when the server stops, so shutdown is not held up.
  app.addHook('preClose', async () => {
    for (const close of open) close();
  });

  app.get('/api/v1/sync/stream', async (request, reply) => {
    const principal = await authorize(db, request, reply, { roles: ['clerk', 'supervisor', 'admin'] });
    if (!principal) return reply;
    const located = await streamLocation(db, principal, request.query);
    if (!located.ok) return reply.code(located.status).send({ error: located.error, message: located.message });
    const locationId = located.locationId;
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      ...corsHeaders(reply.getHeaders()),
    });
    const send = async () => {
      const cursor = await latestChangeSeq(db, locationId).catch(() => null);
      if (cursor !== null && !raw.writableEnded) raw.write(`event: changes\ndata: ${JSON.stringify({ locationId, cursor })}\n\n`);
    };
    raw.write('retry: 3000\n\n');
    await send();
    const unsubscribe = pokes.subscribe(locationId, () => void send());
    const heartbeat = setInterval(() => raw.write(': still here\n\n'), HEARTBEAT_MS);
    const close = () => {
      clearInterval(heartbeat);
      unsubscribe();
      open.delete(close);
      if (!raw.writableEnded) raw.end();
    };
    open.add(close);
    request.raw.on('close', close);
  });
};

/** A hijacked reply skips Fastify's hooks, so the CORS headers set on the reply are copied over. */
function corsHeaders(headers: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => name.startsWith('access-control-') || name === 'vary').map(([name, value]) => [name, String(value)]),
  );
}

const streamQuerySchema = z.object({ location: z.string().min(1).max(40).optional() });

/** The location whose changes this stream pokes about. */
async function streamLocation(
  db: Database,
  principal: Principal,
  query: unknown,
): Promise<{ ok: true; locationId: string } | { ok: false; status: number; error: string; message: string }> {
  if (principal.device) return { ok: true, locationId: principal.device.locationId };
  // Clerks work at a registered desk only (their sign-in requires one); this is a second fence. The
  // municipality's back office has no business with the live desks.
  if (principal.role !== 'supervisor' && principal.role !== 'admin') return { ok: false, status: 403, error: 'forbidden', message: 'This account may not do this here.' };
  const parsed = streamQuerySchema.safeParse(query);
  if (!parsed.success) return { ok: false, status: 400, error: 'bad-request', message: 'location must be a location id.' };
  const scope = await locationsInScope(db, principal, parsed.data.location, { single: true });
  return scope.ok ? { ok: true, locationId: scope.locationIds[0]! } : scope;
}
