import type { FastifyPluginAsync } from 'fastify';
import { buildOpenApiDocument } from '../openapi/openapi-document';

/**
 * `GET /api/v1/openapi.json`: the API as an OpenAPI 3.1 document, generated from the same zod
 * schemas the routes parse with. Public: it describes shapes, never data. Built once, at start,
 * so a schema that cannot be described stops the server (and its tests) rather than a reader.
 */
export const openApiRoutes: FastifyPluginAsync = async (app) => {
  const document = JSON.stringify(buildOpenApiDocument());
  app.get('/api/v1/openapi.json', async (_request, reply) => reply.type('application/json; charset=utf-8').send(document));
};
