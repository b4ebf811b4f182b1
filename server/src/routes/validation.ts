import type { FastifyReply } from 'fastify';
import type { z } from 'zod';

/**
 * Parses a request part with its zod schema. On failure it answers 400 with every problem named
 * (field and reason) and returns undefined, so a route reads:
 * `const query = parseOrReply(schema, request.query, reply); if (!query) return reply;`
 */
export function parseOrReply<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  reply: FastifyReply,
): z.output<Schema> | undefined {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  void reply.code(400).send({
    error: 'bad-request',
    problems: parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })),
  });
  return undefined;
}
