import type { FastifyPluginAsync } from 'fastify';
import { amsterdamDateOf } from '../../../shared/domain/calendar-date';
import { authorizeDisplay } from '../auth/display-credential';
import type { Database } from '../db/database';
import { displayCallsOf } from '../display/display-calls';
import type { PokeHub } from '../sync/poke-hub';

// A display says it is stale when it hears nothing for a while, so the stream speaks more often
// than the desks' one: a comment line every 10 s.
const HEARTBEAT_MS = 10_000;

/**
 * The waiting-room display's API, for display devices only (auth/display-credential.ts):
 * `GET /api/v1/display/calls` answers the newest calls of the display's location and how many wait;
 * `GET /api/v1/display/stream` is Server-Sent Events with `event: calls` whenever the location
 * changed (and once at once), so the display reads the calls again. The stream carries no data.
 */
export const displayRoutes: FastifyPluginAsync<{ db: Database; pokes: PokeHub }> = async (app, { db, pokes }) => {
  const open = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const close of open) close();
  });

  app.get('/api/v1/display/calls', async (request, reply) => {
    const display = await authorizeDisplay(db, request, reply);
    if (!display) return reply;
    const now = new Date();
    const calls = await displayCallsOf(db, display.locationId, amsterdamDateOf(now), now);
    if (!calls) return reply.code(404).send({ error: 'not-found', message: 'The location of this display no longer exists.' });
    return reply.header('cache-control', 'no-store').send(calls);
  });

  app.get('/api/v1/display/stream', async (request, reply) => {
    const display = await authorizeDisplay(db, request, reply);
    if (!display) return reply;
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    const poke = () => {
      if (!raw.writableEnded) raw.write(`event: calls\ndata: ${JSON.stringify({ locationId: display.locationId })}\n\n`);
    };
    raw.write('retry: 3000\n\n');
    poke();
    const unsubscribe = pokes.subscribe(display.locationId, poke);
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
