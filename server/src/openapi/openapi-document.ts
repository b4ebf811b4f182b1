/**
 * Turns the table of operations into an OpenAPI 3.1 document. OpenAPI 3.1 schemas are JSON Schema
 * 2020-12, which is what `z.toJSONSchema` writes, so the shared zod schemas go in as they are.
 *
 * What JSON Schema cannot say is left out rather than guessed: a `.refine()` keeps its base type
 * (a calendar date is a string; `format: date` is added for the shared one), and a transform or a
 * coercion is described by what the server reads (`io: 'input'` for queries and bodies) or what it
 * writes (`io: 'output'` for answers). Anything else unrepresentable becomes `{}` (any value).
 */
import { z } from 'zod';
import { ROLES } from '../../../shared/sync/auth-api';
import { calendarDateSchema } from '../../../shared/sync/day';
import { SERVER_VERSION } from '../version';
import { API_OPERATIONS, REQUEST_SCHEMAS, RESPONSE_SCHEMAS, type ApiOperation, type ApiResponse } from './api-operations';

type JsonSchema = Record<string, unknown>;

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description: string };
  tags: { name: string }[];
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, JsonSchema> };
}

export interface OpenApiOperation {
  operationId: string;
  tags: string[];
  summary: string;
  description?: string;
  security: Record<string, string[]>[];
  'x-balie-access': 'public' | { roles: readonly string[]; device: 'required' | 'optional' };
  parameters?: JsonSchema[];
  requestBody?: JsonSchema;
  responses: Record<string, JsonSchema>;
}

const ALL_ROLES = ROLES;

/** `/desk/*` → `/desk/{path}`, `/items/:id` → `/items/{id}`. */
export function openApiPath(fastifyPath: string): string {
  return fastifyPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}').replace(/\*$/, '{path}');
}

function addFormats({ zodSchema, jsonSchema }: { zodSchema: unknown; jsonSchema: JsonSchema }): void {
  if (zodSchema === calendarDateSchema) jsonSchema.format = 'date';
}

/**
 * A schema read (input) and written (output) converts differently: an answer's object admits no
 * other keys (zod strips them), a body's may have them. Where a name is both, the body's is `…Input`.
 */
export function requestComponentName(name: string): string {
  return name in RESPONSE_SCHEMAS ? `${name}Input` : name;
}

/** Converts named schemas to components; a schema met under no name inside them is inlined. */
function convertComponents(schemas: Record<string, z.ZodType>, io: 'input' | 'output'): Record<string, JsonSchema> {
  const name = io === 'input' ? requestComponentName : (id: string) => id;
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id: name(id) });
  const { schemas: converted } = z.toJSONSchema(registry, {
    io,
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
    override: addFormats,
  });
  if ('__shared' in converted) {
    // A recursive (z.lazy) schema without a name: its references would point nowhere.
    throw new Error('a recursive schema is used without a name: add it to REQUEST_SCHEMAS / RESPONSE_SCHEMAS');
  }
  return Object.fromEntries(
    Object.entries(converted).map(([name, schema]) => {
      const { $schema: _schema, $id: _id, ...rest } = schema as JsonSchema;
      return [name, rest];
    }),
  );
}

function queryParameters(query: z.ZodObject): JsonSchema[] {
  const json = z.toJSONSchema(query, { io: 'input', unrepresentable: 'any', override: addFormats }) as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema,
  }));
}

function pathParameters(fastifyPath: string): JsonSchema[] {
  const named = [...fastifyPath.matchAll(/:([A-Za-z0-9_]+)/g)].map((match) => ({ name: match[1], in: 'path', required: true, schema: { type: 'string' } }));
  const wildcard = fastifyPath.endsWith('*')
    ? [{ name: 'path', in: 'path', required: true, description: 'The rest of the path (may contain `/`).', schema: { type: 'string' } }]
    : [];
  return [...named, ...wildcard];
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function response({ description, schema, contentType, headers }: ApiResponse): JsonSchema {
  const type = contentType ?? (schema ? 'application/json' : undefined);
  return {
    description,
    ...(type ? { content: { [type]: schema ? { schema: ref(schema) } : {} } } : {}),
    ...(headers
      ? { headers: Object.fromEntries(Object.entries(headers).map(([name, text]) => [name, { description: text, schema: { type: 'string' } }])) }
      : {}),
  };
}

/** The error answers every route of its kind gives (see api-operations.ts). */
function sharedErrors(operation: ApiOperation): Record<number, ApiResponse> {
  const errors: Record<number, ApiResponse> = {};
  const apiError = (description: string): ApiResponse => ({ description, schema: 'ApiError' });
  if (operation.query || operation.body) {
    errors[400] = apiError('The request does not fit its schema (`bad-request`, every problem listed in `problems`), or the body is not valid JSON.');
  }
  if (operation.body) {
    errors[413] = apiError('The body is larger than 5 MiB.');
    errors[415] = apiError('No parser for the body\'s content type (the server reads JSON and `text/plain`, which then fails validation with 400; the import also reads `text/csv`).');
  }
  if (operation.access !== 'public') {
    errors[401] = apiError('No valid session: the bearer token is missing, unknown, expired or revoked (`unauthenticated`).');
    const everyone = ALL_ROLES.every((role) => (operation.access as { roles: readonly string[] }).roles.includes(role));
    if (!everyone || operation.access.device === 'required') {
      errors[403] = apiError(
        operation.access.device === 'required' ? 'The session is not signed in on a desk device (`forbidden`).' : 'The role may not do this (`forbidden`).',
      );
    }
  }
  return errors;
}

function operationObject(operation: ApiOperation): OpenApiOperation {
  const parameters = [...pathParameters(operation.path), ...(operation.query ? queryParameters(operation.query) : [])];
  const responses = { ...sharedErrors(operation), ...operation.responses };
  return {
    operationId: operation.operationId,
    tags: [operation.tag],
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    security: operation.access === 'public' ? [] : [{ bearer: [] }],
    'x-balie-access':
      operation.access === 'public' ? 'public' : { roles: operation.access.roles, device: operation.access.device ?? 'optional' },
    ...(parameters.length ? { parameters } : {}),
    ...(operation.body
      ? {
          requestBody: {
            required: true,
            content:
              'schema' in operation.body
                ? { 'application/json': { schema: ref(requestComponentName(operation.body.schema)) } }
                : { [operation.body.contentType]: { schema: { type: 'string', description: operation.body.description } } },
          },
        }
      : {}),
    responses: Object.fromEntries(Object.entries(responses).map(([status, answer]) => [status, response(answer)])),
  };
}

/** The OpenAPI document of the given operations (by default: the server's whole API). */
export function buildOpenApiDocument(operations: readonly ApiOperation[] = API_OPERATIONS): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const operation of operations) {
    const path = (paths[openApiPath(operation.path)] ??= {});
    const method = operation.method.toLowerCase();
    if (path[method]) throw new Error(`${operation.method} ${operation.path} is in the table twice`);
    path[method] = operationObject(operation);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Balie central server',
      version: SERVER_VERSION,
      description:
        'The HTTP API of the Balie central server: sign-in, device registration, the day of appointments, checklist definitions and the sync protocol (push, pull, stream). The protocol and its guarantees: docs/sync-protocol.md.',
    },
    tags: [...new Set(operations.map((operation) => operation.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: { ...convertComponents(REQUEST_SCHEMAS, 'input'), ...convertComponents(RESPONSE_SCHEMAS, 'output') },
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'The session token from `POST /api/v1/auth/sign-in`.' },
      },
    },
  };
}
