import type { Kysely } from 'kysely';
import { describeLocation, type DatabaseLocation } from '../db/connect';
import type { Database } from '../db/database';
import { prepareDatabase } from '../db/prepare';
import { sharedPlugin } from './shared-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    /** The database (Kysely over SQLite or PostgreSQL), migrated and seeded. */
    db: Kysely<Database>;
    /** Which database, for health checks and start-up messages. */
    dbKind: 'sqlite' | 'postgresql';
  }
}

/** Opens, migrates and seeds the database, decorates `fastify.db`, and closes it when the app closes. */
export const dbPlugin = sharedPlugin<{ location: DatabaseLocation }>('db', async (fastify, { location }) => {
  const db = await prepareDatabase(location);
  fastify.decorate('db', db);
  fastify.decorate('dbKind', location.databaseUrl ? 'postgresql' : 'sqlite');
  fastify.log.info({ database: describeLocation(location) }, 'database ready');
  fastify.addHook('onClose', async () => {
    await db.destroy();
  });
});
