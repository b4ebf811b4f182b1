import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClientScreenLink, type PerformRating } from './client-screen-link';

/** The client screen's end of the channel, as a window of the same origin holds it. */
function clientEnd(name: string) {
  const channel = new BroadcastChannel(name);
  const received: unknown[] = [];
  channel.addEventListener('message', (event) => received.push(event.data));
  return { channel, received };
}

describe("the clerk's link with the client screen", () => {
  const open: BroadcastChannel[] = [];
  afterEach(() => open.splice(0).forEach((channel) => channel.close()));

  function setUp(perform: PerformRating) {
    const name = `link-test-${crypto.randomUUID()}`;
    const link = createClientScreenLink(new BroadcastChannel(name), perform);
    const client = clientEnd(name);
    open.push(client.channel);
    return { link, client };
  }

  it('a screen that opens late is told what to show at once', async () => {
    const { link, client } = setUp(async () => ({ ok: true }));
    link.show({ kind: 'welcome', desk: 'Balie 2', ticket: 'A-017' });
    client.channel.postMessage({ type: 'hello', language: 'en' });
    await vi.waitFor(() => expect(client.received).toContainEqual({ type: 'view', view: { kind: 'welcome', desk: 'Balie 2', ticket: 'A-017' } }));
    expect(link.snapshot().clientLanguage).toBe('en');
    link.close();
  });

  it('performs a rating only for the appointment on offer, once, and ignores malformed or foreign messages', async () => {
    const perform = vi.fn<PerformRating>(async () => ({ ok: true }));
    const { link, client } = setUp(perform);
    // Nothing is on offer yet: a rating is ignored.
    client.channel.postMessage({ type: 'rating', appointmentId: 'a-1', score: 9, comment: null });
    // Messages arrive in order: once the hello sent after it is answered, the early rating was handled.
    client.channel.postMessage({ type: 'hello', language: 'nl' });
    await vi.waitFor(() => expect(client.received).toContainEqual({ type: 'view', view: { kind: 'idle' } }));
    link.show({ kind: 'rating', appointmentId: 'a-1', desk: 'Balie 2' });
    client.channel.postMessage({ type: 'rating', appointmentId: 'a-other', score: 9, comment: null });
    client.channel.postMessage({ type: 'rating', appointmentId: 'a-1', score: 11, comment: null });
    client.channel.postMessage({ type: 'rating', appointmentId: 'a-1', score: 7, comment: 'x'.repeat(301) });
    client.channel.postMessage('<script>');
    client.channel.postMessage({ type: 'rating', appointmentId: 'a-1', score: 8, comment: 'Snel' });
    client.channel.postMessage({ type: 'rating', appointmentId: 'a-1', score: 8, comment: 'Snel' });
    await vi.waitFor(() => expect(link.snapshot().view).toEqual({ kind: 'thanks' }));
    expect(perform.mock.calls).toEqual([[{ appointmentId: 'a-1', score: 8, comment: 'Snel' }]]);
    expect(link.snapshot().lastRating).toEqual({ appointmentId: 'a-1', score: 8 });
    link.close();
  });

  it('a refused rating is the clerk’s to read; the client is thanked all the same', async () => {
    const refusal = { ok: false as const, error: { code: 'rating-given', message: { nl: 'Al gewaardeerd.', en: 'Already rated.' } } };
    const { link, client } = setUp(async () => refusal);
    link.show({ kind: 'rating', appointmentId: 'a-1', desk: 'Balie 2' });
    client.channel.postMessage({ type: 'rating', appointmentId: 'a-1', score: 5, comment: null });
    await vi.waitFor(() => expect(client.received).toContainEqual({ type: 'view', view: { kind: 'thanks' } }));
    expect(link.snapshot().lastRating).toEqual(refusal);
    link.close();
  });
});
