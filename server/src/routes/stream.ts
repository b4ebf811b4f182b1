import type { FastifyPluginAsync } from 'fastify';
import { authorize } from '../auth/principal';
import type { Database } from '../db/database';
import { latestChangeSeq } from '../sync/changes';
import type { PokeHub } from '../sync/poke-hub';

// Proxies close quiet connections; a comment line now and then keeps the stream open.
const HEARTBEAT_MS = 25_000;

/**
 * `GET /api/v1/sync/stream`: Server-Sent Events. A desk gets `event: changes` with the location's
 * newest change number whenever there is something new to pull, and pulls at once. The stream
 * carries no data itself, so a missed poke costs only a delay: desks also poll with backoff.
 */
export const streamRoutes: FastifyPluginAsync<{ db: Database; pokes: PokeHub }> = async (app, { db, pokes }) => {
  const open = new Set<() => void>();
  // Streams never end by themselves: close them when the server stops, so shutdown is not held up.
  app.addHook('preClose', async () => {
    for (const close of open) close();
  });

  app.get('/api/v1/sync/stream', async (request, reply) => {
    const principal = await authorize(db, request, reply, { roles: ['clerk', 'supervisor', 'admin'], device: 'required' });
    if (!principal) return reply;
    const locationId = principal.device!.locationId;
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
