/**
 * The change stream (`GET /api/v1/sync/stream`, Server-Sent Events) read with fetch, because
 * EventSource cannot send the bearer header. It carries no data: each `changes` event is a poke
 * to pull at once. Resolves when the stream ends or fails; the engine reopens it with backoff.
 */
export type StreamEnd = { reason: 'closed' | 'offline' | 'unauthenticated' | 'refused'; detail: string };

export interface PokeStreamOptions {
  readonly serverUrl: string;
  readonly token: string;
  readonly signal: AbortSignal;
  readonly onOpen: () => void;
  readonly onPoke: (cursor: string | null) => void;
  readonly fetch?: typeof fetch;
}

/** Splits an SSE text buffer into complete events; returns the rest for the next chunk. */
export function parseServerSentEvents(buffer: string): { events: { event: string; data: string }[]; rest: string } {
  const blocks = buffer.replace(/\r\n?/g, '\n').split('\n\n');
  const rest = blocks.pop() ?? '';
  const events = blocks.flatMap((block) => {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue;
      const [field, ...value] = line.split(':');
      const text = value.join(':').replace(/^ /, '');
      if (field === 'event') event = text;
      if (field === 'data') data.push(text);
    }
    return data.length > 0 ? [{ event, data: data.join('\n') }] : [];
  });
  return { events, rest };
}

function cursorOf(data: string): string | null {
  try {
    const cursor = (JSON.parse(data) as { cursor?: unknown }).cursor;
    return typeof cursor === 'string' ? cursor : null;
  } catch {
    return null;
  }
}

export async function readPokeStream(options: PokeStreamOptions): Promise<StreamEnd> {
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(`${options.serverUrl}/api/v1/sync/stream`, {
      headers: { authorization: `Bearer ${options.token}`, accept: 'text/event-stream' },
      signal: options.signal,
    });
  } catch (error) {
    return { reason: 'offline', detail: error instanceof Error ? error.message : String(error) };
  }
  if (response.status === 401) return { reason: 'unauthenticated', detail: 'HTTP 401' };
  if (!response.ok || !response.body) return { reason: 'refused', detail: `HTTP ${response.status}` };
  options.onOpen();
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return { reason: 'closed', detail: 'the server ended the stream' };
      const parsed = parseServerSentEvents(buffer + value);
      buffer = parsed.rest;
      for (const event of parsed.events) if (event.event === 'changes') options.onPoke(cursorOf(event.data));
    }
  } catch (error) {
    return { reason: 'offline', detail: error instanceof Error ? error.message : String(error) };
  }
}
