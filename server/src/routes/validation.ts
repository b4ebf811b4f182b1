import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { unstorableReason } from '../db/database-text';

/**
 * Parses a request part with its zod schema. On failure it answers 400 with every problem named
 * (field and reason) and returns undefined, so a route reads:
 * `const query = parseOrReply(schema, request.query, reply); if (!query) return reply;`
 * Input the database cannot take (U+0000 in text, absurd nesting: db/database-text.ts) is refused
 * too, unless the route checks the parts it leaves unparsed itself (`storableCheckedLater`: push,
 * whose events are checked one by one so that one bad event does not block the batch).
 */
export function parseOrReply<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  reply: FastifyReply,
  options: { storableCheckedLater?: boolean } = {},
): z.output<Schema> | undefined {
  const unstorable = options.storableCheckedLater ? null : unstorableReason(input);
  if (unstorable) {
    void reply.code(400).send({ error: 'bad-request', problems: [{ field: '', message: unstorable }] });
    return undefined;
  }
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  void reply.code(400).send({
    error: 'bad-request',
    problems: parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })),
  });
  return undefined;
}
