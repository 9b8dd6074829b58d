import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Status } from '../../../src/core/assess/entry';
import type { Catalog } from '../../../src/core/catalog/catalog';
import type { PlanId } from '../../../src/core/catalog/indicator-schema';
import { UNITS } from '../../../src/core/catalog/units';
import { parseCell } from '../../../src/core/parse/parse-cell';
import type { SubmissionStatus } from '../../../src/contract/submission-document';
import type { Database } from '../../../src/server/db/database';
import { insertSubmission, insertVersion, type VersionValue } from '../../../src/server/repositories/submissions';
import { seedCatalog } from '../../../src/seed-catalog';

/** One stored value as the server would keep it: the text typed, the verdict the server gave. */
export interface StoredEntry {
  readonly indicatorId: string;
  readonly unitId?: string;
  readonly text: string;
  readonly status: Status;
  readonly note?: string;
}

/** One version of a report: when it arrived and its values. */
export interface StoredVersion {
  readonly receivedAt: string;
  readonly values: readonly StoredEntry[];
}

/**
 * Writes a report (its thread and every version, as the write path stores them: the value parsed by the
 * indicator's unit, the verdict as given) straight into the store, for the monitoring's tests and benchmark:
 * the monitoring reads what is stored, and a test needs verdicts and arrival times it chooses.
 */
export async function storeReport(
  db: Kysely<Database>,
  report: { plan: PlanId; year: number; organisationId: string; tokenId: string; status?: SubmissionStatus; versions: readonly StoredVersion[]; catalog?: Catalog },
): Promise<string> {
  const catalog = report.catalog ?? seedCatalog();
  const id = `sub_${randomBytes(8).toString('hex')}`;
  const first = report.versions[0]!;
  const last = report.versions[report.versions.length - 1]!;
  await insertSubmission(db, { id, plan: report.plan, year: report.year, organisation_id: report.organisationId, status: report.status ?? 'submitted', current_version: report.versions.length, created_at: first.receivedAt, updated_at: last.receivedAt });
  for (const [index, version] of report.versions.entries()) {
    await insertVersion(
      db,
      {
        submission_id: id,
        version: index + 1,
        received_at: version.receivedAt,
        token_id: report.tokenId,
        source: 'json',
        catalog_version: catalog.plans[report.plan].catalogVersion,
        template_version: 1,
        value_count: version.values.length,
        counts: '{}',
        body: '{}',
        body_sha256: '0'.repeat(64),
        stored_bytes: 2,
      },
      version.values.map((entry, position) => storedValue(catalog, entry, position)),
    );
  }
  return id;
}

/** A value row as the write path makes it. */
export function storedValue(catalog: Catalog, entry: StoredEntry, position: number): VersionValue {
  const indicator = catalog.indicators.get(entry.indicatorId);
  if (!indicator) throw new Error(`unknown indicator ${entry.indicatorId}`);
  const parsed = parseCell(entry.text, UNITS[indicator.unit]);
  if (!parsed.ok) throw new Error(`${entry.indicatorId}: "${entry.text}" does not parse`);
  return {
    position,
    indicator_id: entry.indicatorId,
    unit_id: entry.unitId ?? null,
    raw_value: JSON.stringify(entry.text),
    parsed: JSON.stringify(parsed.value),
    status: entry.status,
    severity: entry.status === 'notMet' ? 'warning' : 'info',
    note: entry.note ?? null,
    previous: null,
    baseline: null,
    other: null,
  };
}
