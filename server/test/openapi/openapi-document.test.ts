import { Validator } from '@seriousme/openapi-schema-validator';
import type * as FastifyModule from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildOpenApiDocument, openApiPath, type OpenApiDocument } from '../../src/openapi/openapi-document';
import type { RunningServer } from '../../src/server';
import { createTestDatabase, databaseKindsUnderTest, type TestDatabase } from '../support/test-databases';
import { fakeRendererDir, startTestServer } from '../support/test-server';

// Every route the app registers, seen through an onRoute hook added as Fastify makes the app.
const registered = vi.hoisted(() => [] as { method: string; url: string }[]);
vi.mock('fastify', async (importOriginal) => {
  const actual = await importOriginal<typeof FastifyModule>();
  const fastify = ((options?: Parameters<typeof actual.default>[0]) => {
    const app = actual.default(options);
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) registered.push({ method, url: route.url });
    });
    return app;
  }) as typeof actual.default;
  return { ...actual, default: fastify };
});

/** Routes no operation describes, each for a reason. */
function isUndocumentedOnPurpose(route: { method: string; url: string }): boolean {
  // Fastify answers HEAD for every GET route by itself.
  if (route.method === 'HEAD') return registered.some((other) => other.method === 'GET' && other.url === route.url);
  // @fastify/cors answers the CORS preflight for every path.
  return route.method === 'OPTIONS' && route.url === '*';
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

describe.each(databaseKindsUnderTest())('the OpenAPI document on %s', (kind) => {
  let database: TestDatabase;
  let servers: RunningServer[];
  let document: OpenApiDocument;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    // Once without a desk build and once with one: /desk/ is served by different routes.
    const first = await startTestServer(database);
    await first.stop();
    servers = [await startTestServer(database, { rendererDir: await fakeRendererDir() })];
    const response = await fetch(`${servers[0]!.url}/api/v1/openapi.json`);
    expect(response.status).toBe(200);
    document = (await response.json()) as OpenApiDocument;
  });
  afterAll(async () => {
    for (const server of servers ?? []) await server.stop();
    await database?.drop();
  });

  it('is served to anyone, without a session, as the document the operations table makes', async () => {
    const response = await fetch(`${servers[0]!.url}/api/v1/openapi.json`);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(document).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    expect(document.openapi).toBe('3.1.0');
    const result = await new Validator().validate(structuredClone(document) as unknown as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('describes every route the app registers', () => {
    expect(registered.length).toBeGreaterThan(10);
    const missing = registered
      .filter((route) => !isUndocumentedOnPurpose(route))
      .filter((route) => !document.paths[openApiPath(route.url)]?.[route.method.toLowerCase()])
      .map((route) => `${route.method} ${route.url}`);
    expect(missing).toEqual([]);
  });

  it('describes no route the app does not have', () => {
    const known = new Set(registered.map((route) => `${route.method.toLowerCase()} ${openApiPath(route.url)}`));
    const invented = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item).filter((method) => HTTP_METHODS.includes(method)).filter((method) => !known.has(`${method} ${path}`)).map((method) => `${method} ${path}`),
    );
    expect(invented).toEqual([]);
  });

  it('gives every operation a unique id, a success answer, and the error answers of its access rule', () => {
    const ids = new Set<string>();
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const name = `${method} ${path}`;
        expect(ids.has(operation.operationId), name).toBe(false);
        ids.add(operation.operationId);
        const statuses = Object.keys(operation.responses).map(Number);
        expect(statuses.some((status) => status >= 200 && status < 400), name).toBe(true);
        if (operation['x-balie-access'] === 'public') {
          expect(operation.security, name).toEqual([]);
        } else {
          expect(operation.security, name).toEqual([{ bearer: [] }]);
          expect(statuses, name).toContain(401);
        }
        if (operation.requestBody || operation.parameters?.some((parameter) => parameter.in === 'query')) expect(statuses, name).toContain(400);
      }
    }
  });

  it('points every reference at a schema it holds', () => {
    const references = [...JSON.stringify(document).matchAll(/"\$ref":"([^"]+)"/g)].map((match) => match[1]!);
    expect(references.length).toBeGreaterThan(0);
    for (const reference of new Set(references)) {
      expect(reference).toMatch(/^#\/components\/schemas\/[A-Za-z]+$/);
      expect(document.components.schemas[reference.split('/').at(-1)!], reference).toBeDefined();
    }
  });

  it('describes the sync protocol with the shared schemas: push outcomes, pull cursor, events', () => {
    const push = JSON.stringify(document.components.schemas.PushResponse);
    for (const outcome of ['accepted', 'duplicate', 'conflict', 'rejected', 'gap']) expect(push).toContain(`"const":"${outcome}"`);
    const pull = document.paths['/api/v1/sync/pull']!.get!;
    expect(pull.parameters?.map((parameter) => parameter.name)).toEqual(['since', 'limit']);
    expect(pull['x-balie-access']).toEqual({ roles: ['clerk', 'supervisor', 'admin'], device: 'required' });
    expect(JSON.stringify(document.components.schemas.BalieEvent)).toContain('"const":"checkedIn"');
  });
});
