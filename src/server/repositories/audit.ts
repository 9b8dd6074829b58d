import type { Kysely, Transaction } from 'kysely';
import type { AuditEventRow, Database, NewAuditEvent } from '../db/database';

type Db = Kysely<Database> | Transaction<Database>;

/** Records who did what to a submission (inside the transaction that does it). */
export async function recordAuditEvent(db: Db, event: NewAuditEvent): Promise<void> {
  await db.insertInto('audit_events').values(event).execute();
}

/** The history of a submission, in order. */
export function listAuditEvents(db: Db, submissionId: string): Promise<AuditEventRow[]> {
  return db.selectFrom('audit_events').selectAll().where('submission_id', '=', submissionId).orderBy('id').execute();
}
