/**
 * The server's change stream (`GET /api/v1/sync/stream`, Server-Sent Events) as the supervisor's
 * screens use it: each `changes` event means "something happened at the location, look again".
 * Read with fetch, because EventSource cannot send the bearer header.
 */
export type StreamEnd = 'closed' | 'offline' | 'unauthenticated' | 'refused';

export interface ChangeStreamOptions {
  readonly url: string;
  readonly token: string;
  readonly signal: AbortSignal;
  readonly onOpen: () => void;
  readonly onChange: () => void;
}

/** The names of the complete events in `buffer`, and the unfinished rest for the next chunk. */
export function eventNamesIn(buffer: string): { names: string[]; rest: string } {
  const blocks = buffer.replace(/\r\n?/g, '\n').split('\n\n');
  const rest = blocks.pop() ?? '';
  const names = blocks.flatMap((block) => {
    const lines = block.split('\n').filter((line) => !line.startsWith(':'));
    if (!lines.some((line) => line.startsWith('data'))) return [];
    const name = lines.find((line) => line.startsWith('event:'))?.slice('event:'.length).trim();
    return [name ?? 'message'];
  });
  return { names, rest };
}

/** Reads the stream until it ends; says why it ended. */
export async function readChangeStream(options: ChangeStreamOptions): Promise<StreamEnd> {
  let response: Response;
  try {
    response = await fetch(options.url, { headers: { authorization: `Bearer ${options.token}`, accept: 'text/event-stream' }, signal: options.signal });
  } catch {
    return 'offline';
  }
  if (response.status === 401) return 'unauthenticated';
  if (!response.ok || !response.body) return 'refused';
  options.onOpen();
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return 'closed';
      const parsed = eventNamesIn(buffer + value);
      buffer = parsed.rest;
      if (parsed.names.includes('changes')) options.onChange();
    }
  } catch {
    return 'offline';
  }
}
