import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database, ReportingGrantRow } from '../db/database';

type Db = Kysely<Database> | Transaction<Database>;

/** The grants in force for an organisation (or for all, without one), oldest first. */
export function listReportingGrants(db: Db, organisationId?: string): Promise<ReportingGrantRow[]> {
  let query = db.selectFrom('reporting_grants').selectAll().where('revoked_at', 'is', null);
  if (organisationId !== undefined) query = query.where('organisation_id', '=', organisationId);
  return query.orderBy('created_at').orderBy('id').execute();
}

/** Grants an organisation an indicator (a unit of it, or every unit). */
export async function addReportingGrant(db: Db, grant: { organisationId: string; indicatorId: string; unitId: string | null; createdBy: string }, now = new Date()): Promise<ReportingGrantRow> {
  const row: ReportingGrantRow = {
    id: `grant_${randomBytes(6).toString('hex')}`,
    organisation_id: grant.organisationId,
    indicator_id: grant.indicatorId,
    unit_id: grant.unitId,
    created_at: now.toISOString(),
    created_by: grant.createdBy,
    revoked_at: null,
  };
  await db.insertInto('reporting_grants').values(row).execute();
  return row;
}

/** Revokes a grant; undefined when there is no such grant in force. */
export async function revokeReportingGrant(db: Db, id: string, now = new Date()): Promise<ReportingGrantRow | undefined> {
  const row = await db.selectFrom('reporting_grants').selectAll().where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
  if (!row) return undefined;
  const revokedAt = now.toISOString();
  await db.updateTable('reporting_grants').set({ revoked_at: revokedAt }).where('id', '=', id).where('revoked_at', 'is', null).execute();
  return { ...row, revoked_at: revokedAt };
}
