import type { Kysely } from 'kysely';
import { dialectOf, describeLocation, openDatabaseProbe, type DatabaseLocation, type DatabaseTimeouts, type Dialect } from '../db/connect';
import type { Database } from '../db/database';
import { prepareDatabase } from '../db/prepare';
import { configureWriteQueue } from '../db/write-queue';
import { ServerHealth } from '../services/server-health';
import { sharedPlugin } from './shared-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    /** The database (Kysely over SQLite or PostgreSQL), migrated and seeded. */
    db: Kysely<Database>;
    /** Which database, for health checks and start-up messages. */
    dbKind: Dialect;
    /** Does the database answer, can it write, is there disk space left. */
    health: ServerHealth;
  }
}

/**
 * Opens, migrates and seeds the database (with the server's timeouts), gives it a bounded write queue that
 * reports every commit to the health state, decorates `fastify.db` and `fastify.health`, and closes both
 * when the app closes.
 */
export const dbPlugin = sharedPlugin<{ location: DatabaseLocation; timeouts: DatabaseTimeouts; maxPendingWrites: number; minFreeDiskBytes: number }>(
  'db',
  async (fastify, { location, timeouts, maxPendingWrites, minFreeDiskBytes }) => {
    const db = await prepareDatabase(location, timeouts);
    const dbKind = dialectOf(db);
    const health = new ServerHealth({ probe: openDatabaseProbe(location, db), database: dbKind, ...(dbKind === 'sqlite' ? { dataDir: location.dataDir } : {}), minFreeBytes: minFreeDiskBytes });
    configureWriteQueue(db, { maxPending: maxPendingWrites, onCommit: () => health.storageSucceeded() });
    fastify.decorate('db', db);
    fastify.decorate('dbKind', dbKind);
    fastify.decorate('health', health);
    fastify.log.info({ database: describeLocation(location) }, 'database ready');
    fastify.addHook('onClose', async () => {
      await health.close();
      await db.destroy();
    });
  },
);
