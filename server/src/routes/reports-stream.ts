import type { FastifyInstance, FastifyReply } from 'fastify';
import { liveQuerySchema } from '../../../shared/reports/supervision-api';
import { authorize } from '../auth/principal';
import type { Database } from '../db/database';
import { locationsInScope } from '../reports/report-scope';
import { latestChangeSeq } from '../sync/changes';
import type { PokeHub } from '../sync/poke-hub';
import { parseOrReply } from './validation';

// Proxies close quiet connections; a comment line now and then keeps the stream open.
const HEARTBEAT_MS = 25_000;

/**
 * `GET /api/v1/reports/stream?location=MAA`: Server-Sent Events for a supervisor's live view, as
 * desks get them (`event: changes` with the location's newest change number, once at the start and
 * after every committed change), but for a browser session of a supervisor or admin rather than a
 * desk device. The live view refetches `GET /api/v1/reports/live` on each poke.
 */
export function registerReportStream(app: FastifyInstance, db: Database, pokes: PokeHub): void {
  const open = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const close of open) close();
  });

  app.get('/api/v1/reports/stream', async (request, reply) => {
    const principal = await authorize(db, request, reply, { roles: ['supervisor', 'admin'] });
    if (!principal) return reply;
    const query = parseOrReply(liveQuerySchema, request.query, reply);
    if (!query) return reply;
    const scope = await locationsInScope(db, principal, query.location, { single: true });
    if (!scope.ok) return reply.code(scope.status).send({ error: scope.error, message: scope.message });
    const locationId = scope.locationIds[0]!;
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      ...corsHeaders(reply),
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
}

/** A hijacked reply skips Fastify's hooks, so the CORS headers set on the reply are copied over. */
function corsHeaders(reply: FastifyReply): Record<string, string> {
  return Object.fromEntries(
    Object.entries(reply.getHeaders())
      .filter(([name]) => name.startsWith('access-control-') || name === 'vary')
      .map(([name, value]) => [name, String(value)]),
  );
}
