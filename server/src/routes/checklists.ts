import type { FastifyPluginAsync } from 'fastify';
import { checklistDefinitionSchema } from '../../../shared/checklists/definition-schema';
import { authorize } from '../auth/principal';
import { latestChecklists, publishChecklist } from '../checklists/checklist-store';
import type { Database } from '../db/database';
import { recordAudit } from '../repositories/audit';
import { parseOrReply } from './validation';

/** Checklist definitions: everyone signed in reads the current ones; an admin publishes a new version. */
export const checklistRoutes: FastifyPluginAsync<{ db: Database }> = async (app, { db }) => {
  app.get('/api/v1/checklists', async (request, reply) => {
    const principal = await authorize(db, request, reply, { roles: ['clerk', 'supervisor', 'admin'] });
    if (!principal) return reply;
    return { checklists: await latestChecklists(db) };
  });

  app.post('/api/v1/checklists', async (request, reply) => {
    const principal = await authorize(db, request, reply, { roles: ['admin'] });
    if (!principal) return reply;
    const definition = parseOrReply(checklistDefinitionSchema, request.body, reply);
    if (!definition) return reply;
    const result = await db.transaction((tx) => publishChecklist(tx, definition, principal.accountId));
    if (!result.ok) return reply.code(result.status).send({ error: 'version-conflict', message: result.message });
    await recordAudit(db, {
      accountId: principal.accountId,
      deviceId: null,
      action: 'checklist-published',
      detail: { checklistId: definition.id, version: definition.version },
    });
    return reply.code(201).send(result.definition);
  });
};
