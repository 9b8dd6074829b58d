/**
 * The bureau's monitoring under a full decade of data (a script that prints figures, not a test):
 *
 *   npm run bench:monitoring                      SQLite, then PostgreSQL (TEST_DATABASE_URL, DATABASE_URL or the local cluster)
 *   BENCH_COUNTIES=0 npm run bench:monitoring     without the 129-county run
 *   BENCH_VERSIONS=3 BENCH_RUNS=7 BENCH_COUNTIES=129 …
 *   BENCH_DATABASES=province npm run bench:monitoring   only the 129-county run (sqlite, postgres, province)
 *
 * Seeds 10 reporting years (2021–2030) × every organisation that reports × both plans, each organisation
 * reporting every line of its template (a department every township's row of its per-township indicators,
 * a township its own rows) in several versions (the monitoring reads only the current one), written straight
 * through the repositories as the write path stores them. Then times, after a warm-up (median and worst):
 *
 * - consolidate one plan-year: completeness (its query) and the year's consolidation (read + core), as
 *   GET …/completeness and …/consolidation do;
 * - every series' progress: the board of 2030 (ten years read, consolidated, every county and township
 *   series assessed, the evaluation and the warnings), as GET …/series does; read and compute apart;
 * - the report: buildMonitoringReport (.xlsx) of that board.
 *
 * On SQLite and PostgreSQL for one county (新平: the seeded organisations), then on PostgreSQL with 129
 * counties' worth of organisations in one database (Yunnan's 129 counties: 128 more sets of departments and
 * townships, the extra departments granted what their 新平 counterpart reports). Targets: < 300 ms per
 * plan-year on SQLite for one county; < 2 s on PostgreSQL at 129×. Design: docs/decisions/0011-monitoring-queries.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompiledQuery, sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { Catalog } from '../src/core/catalog/catalog';
import { PLAN_FIRST_YEAR, PLAN_LAST_YEAR, type PlanId } from '../src/core/catalog/indicator-schema';
import type { Organisation } from '../src/core/catalog/organisation-schema';
import { UNITS } from '../src/core/catalog/units';
import { monitoringBoard } from '../src/core/monitoring/monitoring-board';
import { templateLines, type ReportingGrant } from '../src/core/template/template-rows';
import { catalogForOrganisations } from '../src/seed-catalog';
import type { DatabaseLocation } from '../src/server/db/connect';
import type { Database } from '../src/server/db/database';
import { prepareDatabase } from '../src/server/db/prepare';
import { currentValuesQuery, findDeadline, readReportedVersions } from '../src/server/repositories/monitoring';
import { listOrganisations, organisationOf } from '../src/server/repositories/organisations';
import { listReportingGrants } from '../src/server/repositories/reporting-grants';
import { createToken } from '../src/server/repositories/tokens';
import { leadsOf, loadCompleteness, loadConsolidation, loadMonitoringBoard } from '../src/server/services/monitoring';
import { storedValue, type StoredEntry } from '../test/server/helpers/monitoring-fixtures';
import { buildMonitoringReport } from '../src/xlsx/monitoring-report';

const VERSIONS = Number(process.env.BENCH_VERSIONS ?? 3);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const COUNTIES = Number(process.env.BENCH_COUNTIES ?? 129);
/** Which runs: sqlite, postgres (one county), province (PostgreSQL, COUNTIES counties). */
const RUNS_WANTED = new Set((process.env.BENCH_DATABASES ?? 'sqlite,postgres,province').split(','));
const PLANS: readonly PlanId[] = ['women', 'children'];
const YEARS = Array.from({ length: PLAN_LAST_YEAR - PLAN_FIRST_YEAR + 1 }, (_unused, index) => PLAN_FIRST_YEAR + index);
const LOCAL_POSTGRES = 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
/** Rows per multi-row INSERT of values (13 parameters each: below PostgreSQL's 65,535). */
const VALUE_ROWS_PER_INSERT = 2000;

interface Figures {
  readonly label: string;
  readonly seeded: string;
  readonly rows: [string, string, string][];
}

async function main(): Promise<void> {
  process.stdout.write(`监测汇总基准 / monitoring benchmark · ${cpus().length} CPU · Node ${process.version} · ${VERSIONS} versions per report · median (worst) of ${RUNS} runs\n\n`);
  const results: Figures[] = [];
  if (RUNS_WANTED.has('sqlite')) results.push(await benchmark('SQLite, 1 county', undefined, 1));
  const postgresUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || ((await reachable(LOCAL_POSTGRES)) ? LOCAL_POSTGRES : undefined);
  if (postgresUrl) {
    if (RUNS_WANTED.has('postgres')) results.push(await benchmark('PostgreSQL, 1 county', postgresUrl, 1));
    if (RUNS_WANTED.has('province') && COUNTIES > 1) results.push(await benchmark(`PostgreSQL, ${COUNTIES} counties`, postgresUrl, COUNTIES));
  } else {
    process.stdout.write('(PostgreSQL skipped: set TEST_DATABASE_URL or DATABASE_URL, or start the local cluster)\n\n');
  }
  for (const result of results) {
    process.stdout.write(`${result.label} — ${result.seeded}\n`);
    const width = Math.max(...result.rows.filter((row) => row[1] !== '').map((row) => row[0].length));
    for (const [what, median, worst] of result.rows) process.stdout.write(median === '' ? `  ${what}\n` : `  ${what.padEnd(width)}  ${median.padStart(8)} ms  (worst ${worst} ms)\n`);
    process.stdout.write('\n');
  }
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function benchmark(label: string, postgresUrl: string | undefined, counties: number): Promise<Figures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'xpm-bench-monitoring-'));
  let location: DatabaseLocation = { dataDir };
  let drop = async () => {};
  if (postgresUrl) {
    const name = `xpm_bench_monitoring_${process.pid}_${counties}`;
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(postgresUrl);
    url.pathname = `/${name}`;
    location = { dataDir, databaseUrl: url.toString() };
    drop = async () => {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    };
  }
  const db = await prepareDatabase(location);
  try {
    process.stdout.write(`${label}: seeding …\n`);
    const started = Date.now();
    const seeded = await seed(db, counties);
    const seedSeconds = (Date.now() - started) / 1000;
    const catalog = catalogForOrganisations((await listOrganisations(db)).map(organisationOf));
    process.stdout.write(`${label}: ${seeded.text} in ${seedSeconds.toFixed(0)} s\n`);
    const plans = await queryPlans(db, Boolean(postgresUrl));
    const request = { plan: 'children' as const, year: 2025 };
    const county = { kind: 'county' as const };
    const rows: [string, string, string][] = [];
    const time = async (what: string, run: () => Promise<unknown>) => {
      const figures = await timed(run);
      rows.push([what, figures.median.toFixed(0), figures.worst.toFixed(0)]);
      process.stdout.write(`  ${what}: ${figures.median.toFixed(0)} ms\n`);
    };
    await time('consolidate one plan-year (children 2025): completeness + consolidation', async () => {
      await loadCompleteness(db, catalog, request, county);
      await loadConsolidation(db, request, catalog, county);
    });
    await time('  of which reading the year\'s current versions and values', () => readReportedVersions(db, { plan: 'children', fromYear: 2025, toYear: 2025 }, { values: true }));
    await time('every series\' progress: the board of children 2030 (10 years)', () => loadMonitoringBoard(db, catalog, { plan: 'children', year: 2030 }, county));
    const reports = await readReportedVersions(db, { plan: 'children', fromYear: PLAN_FIRST_YEAR, toYear: 2030 }, { values: true });
    await time('  of which reading 10 years of current versions and values', () => readReportedVersions(db, { plan: 'children', fromYear: PLAN_FIRST_YEAR, toYear: 2030 }, { values: true }));
    const grants = (await listReportingGrants(db)).map((grant) => ({ organisationId: grant.organisation_id, indicatorId: grant.indicator_id, unitId: grant.unit_id }));
    const leads = await leadsOf(db, 'children');
    const deadline = (await findDeadline(db, 'children', 2030))?.deadline ?? null;
    await time('  of which the core (consolidate × 10, progress, evaluation)', async () => monitoringBoard({ catalog, plan: 'children', year: 2030, grants, reports, leads, deadline, now: new Date() }));
    const board = await loadMonitoringBoard(db, catalog, { plan: 'children', year: 2030 }, county);
    const series = board.series.reduce((sum, item) => sum + (item.progress ? 1 : 0) + item.units.length, 0);
    rows.push([`  (${series} series assessed, ${board.warnings.length} warnings)`, '', '']);
    await time('the report: buildMonitoringReport (.xlsx) of that board', () =>
      buildMonitoringReport({ catalog, evaluation: board.evaluation, consolidation: board.consolidation, completeness: board.completeness, warnings: board.warnings, generatedAt: new Date() }),
    );
    for (const [what, plan] of plans) rows.push([`query plan, ${what}: ${plan}`, '', '']);
    if (postgresUrl) for (const row of await queryShapes(db)) rows.push(row);
    return { label, seeded: `${seeded.text}, seeded in ${seedSeconds.toFixed(0)} s`, rows };
  } finally {
    await db.destroy();
    rmSync(dataDir, { recursive: true, force: true });
    await drop();
  }
}

/**
 * How the database runs the values query of readReportedVersions for one year and for ten (EXPLAIN): the
 * access path of each table, in one line.
 */
async function queryPlans(db: Kysely<Database>, postgres: boolean): Promise<[string, string][]> {
  const plans: [string, string][] = [];
  for (const [what, fromYear, toYear] of [['1 year', 2025, 2025], ['10 years', PLAN_FIRST_YEAR, PLAN_LAST_YEAR]] as const) {
    const query = currentValuesQuery(db, { plan: 'children', fromYear, toYear }).compile();
    const result = await db.executeQuery<Record<string, string>>(CompiledQuery.raw(`${postgres ? 'explain' : 'explain query plan'} ${query.sql}`, [...query.parameters]));
    const lines = result.rows.map((row) => (row['QUERY PLAN'] ?? row.detail ?? '').trim());
    const steps = postgres ? lines.filter((line) => /Scan|Join|Loop/.test(line)).map((line) => line.replace(/^->\s*/, '').replace(/\s*\(cost=.*$/, '')) : lines;
    plans.push([what, steps.join(' / ')]);
  }
  return plans;
}

/**
 * PostgreSQL: the values query as it runs (a lateral subquery, each current version fetched by the primary
 * key) against the plain join the planner would otherwise hash over the whole table — the choice behind
 * currentValuesQuery, measured on the same data.
 */
async function queryShapes(db: Kysely<Database>): Promise<[string, string, string][]> {
  const rows: [string, string, string][] = [];
  for (const [what, fromYear, toYear] of [['1 year', 2025, 2025], ['10 years', PLAN_FIRST_YEAR, PLAN_LAST_YEAR]] as const) {
    const lateral = currentValuesQuery(db, { plan: 'children', fromYear, toYear });
    const join = db
      .selectFrom('submissions as s')
      .innerJoin('submission_values as v', (on) => on.onRef('v.submission_id', '=', 's.id').onRef('v.version', '=', 's.current_version'))
      .select(['v.submission_id', 'v.indicator_id', 'v.unit_id', 'v.parsed', 'v.status', 'v.note'])
      .where('s.plan', '=', 'children')
      .where('s.year', '>=', fromYear)
      .where('s.year', '<=', toYear);
    for (const [shape, query] of [['lateral (as it runs)', lateral], ['plain join', join]] as const) {
      const figures = await timed(() => query.execute());
      rows.push([`values query, ${what}, ${shape}`, figures.median.toFixed(0), figures.worst.toFixed(0)]);
    }
  }
  return rows;
}

async function timed(run: () => Promise<unknown>): Promise<{ median: number; worst: number }> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = process.hrtime.bigint();
    await run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)] ?? 0, worst: times.at(-1) ?? 0 };
}

/**
 * Adds the other counties' organisations (ids suffixed -c002 … ; the extra departments granted every
 * county-wide indicator their 新平 counterpart reports, the extra townships reporting their own rows by the
 * catalog), then every report: every plan, year and reporting organisation, VERSIONS versions each.
 */
async function seed(db: Kysely<Database>, counties: number): Promise<{ text: string }> {
  const base = (await listOrganisations(db)).map(organisationOf);
  const bureau = await createToken(db, { organisationId: 'tjj', role: 'bureau', label: 'bench' });
  const now = new Date().toISOString();
  const extra: Organisation[] = [];
  for (let county = 2; county <= counties; county += 1) {
    const suffix = `-c${String(county).padStart(3, '0')}`;
    for (const organisation of base) extra.push({ ...organisation, id: `${organisation.id}${suffix}`, name: `${organisation.name}${suffix}`, shortName: `${organisation.shortName}${suffix}`, nameEn: `${organisation.nameEn}${suffix}` });
  }
  for (let start = 0; start < extra.length; start += 500) {
    await db
      .insertInto('organisations')
      .values(extra.slice(start, start + 500).map((organisation) => ({ id: organisation.id, name: organisation.name, short_name: organisation.shortName, name_en: organisation.nameEn, kind: organisation.kind, created_at: now })))
      .execute();
  }
  const organisations = [...base, ...extra];
  const catalog = catalogForOrganisations(organisations);
  // the extra departments: every county-wide (and listed-unit) indicator their counterpart is responsible for
  const grants: { organisationId: string; indicatorId: string }[] = [];
  for (const organisation of extra.filter((item) => item.kind === 'department')) {
    const counterpart = organisation.id.replace(/-c\d{3}$/, '');
    for (const indicator of catalog.indicators.values()) {
      if (indicator.responsible.includes(counterpart) && indicator.perUnit?.scope !== 'township') grants.push({ organisationId: organisation.id, indicatorId: indicator.id });
    }
  }
  for (let start = 0; start < grants.length; start += 500) {
    await db
      .insertInto('reporting_grants')
      .values(grants.slice(start, start + 500).map((grant, index) => ({ id: `grant_bench_${start + index}`, organisation_id: grant.organisationId, indicator_id: grant.indicatorId, unit_id: null, created_at: now, created_by: bureau.id, revoked_at: null })))
      .execute();
  }
  const grantsOf = new Map<string, ReportingGrant[]>();
  for (const grant of grants) grantsOf.set(grant.organisationId, [...(grantsOf.get(grant.organisationId) ?? []), { indicatorId: grant.indicatorId }]);
  const tokens = new Map<string, string>();
  const tokenRows = organisations.map((organisation, index) => ({ id: `tok_bench_${index}`, token_hash: `bench-${index}`, organisation_id: organisation.id, role: 'reporter' as const, label: null, created_at: now, revoked_at: null }));
  for (let start = 0; start < tokenRows.length; start += 500) await db.insertInto('tokens').values(tokenRows.slice(start, start + 500)).execute();
  tokenRows.forEach((row) => tokens.set(row.organisation_id, row.id));

  let submissions = 0;
  let versions = 0;
  let values = 0;
  const random = mulberry32(20251206);
  for (const plan of PLANS) {
    const lines = new Map(organisations.map((organisation) => [organisation.id, templateLines(catalog, plan, organisation, grantsOf.get(organisation.id) ?? [])]));
    for (const year of YEARS) {
      const submissionRows: Database['submissions'][] = [];
      const versionRows: Database['submission_versions'][] = [];
      const valueRows: Database['submission_values'][] = [];
      for (const organisation of organisations) {
        const own = lines.get(organisation.id) ?? [];
        if (own.length === 0) continue;
        const id = `sub_${plan}_${year}_${organisation.id}`;
        const received = (version: number) => new Date(Date.UTC(year + 1, 2, 1 + version * 10, Math.floor(random() * 24))).toISOString();
        submissionRows.push({ id, plan, year, organisation_id: organisation.id, status: random() < 0.6 ? 'approved' : random() < 0.5 ? 'returned' : 'submitted', current_version: VERSIONS, created_at: received(0), updated_at: received(VERSIONS - 1) });
        for (let version = 1; version <= VERSIONS; version += 1) {
          versionRows.push({ submission_id: id, version, received_at: received(version - 1), token_id: tokens.get(organisation.id)!, source: 'json', catalog_version: catalog.plans[plan].catalogVersion, template_version: 1, value_count: own.length, counts: '{}', body: '{}', body_sha256: '0'.repeat(64), stored_bytes: 2 });
          own.forEach((line, position) => {
            const row = storedValue(catalog, entryFor(line.indicator.id, line.unit?.id, catalog, random), position);
            valueRows.push({ ...row, submission_id: id, version, unit_id: row.unit_id ?? null, parsed: row.parsed ?? null, note: row.note ?? null, previous: null, baseline: null, other: null });
          });
        }
      }
      await db.transaction().execute(async (trx) => {
        for (let start = 0; start < submissionRows.length; start += 500) await trx.insertInto('submissions').values(submissionRows.slice(start, start + 500)).execute();
        for (let start = 0; start < versionRows.length; start += 500) await trx.insertInto('submission_versions').values(versionRows.slice(start, start + 500)).execute();
        for (let start = 0; start < valueRows.length; start += VALUE_ROWS_PER_INSERT) await trx.insertInto('submission_values').values(valueRows.slice(start, start + VALUE_ROWS_PER_INSERT)).execute();
      });
      submissions += submissionRows.length;
      versions += versionRows.length;
      values += valueRows.length;
    }
  }
  // the planner's statistics, as autovacuum (PostgreSQL) or `PRAGMA optimize` would gather them in a while
  await sql`analyze`.execute(db);
  return { text: `${organisations.length} organisations, ${grants.length} grants, ${submissions} reports, ${versions} versions, ${values} stored values` };
}

/** A value of an indicator's unit (and the verdict the server might have given it). */
function entryFor(indicatorId: string, unitId: string | undefined, catalog: Catalog, random: () => number): StoredEntry {
  const indicator = catalog.indicators.get(indicatorId)!;
  const unit = UNITS[indicator.unit];
  const status = random() < 0.6 ? 'met' : random() < 0.6 ? 'notMet' : 'notYetDue';
  const entry = (text: string, verdict: StoredEntry['status'] = status): StoredEntry => ({ indicatorId, ...(unitId === undefined ? {} : { unitId }), text, status: verdict });
  if (random() < 0.04) return { ...entry('—', 'noData'), note: '本年度暂无统计数据' };
  switch (unit.valueKind) {
    case 'number': {
      const target = 'value' in indicator.target && typeof indicator.target.value === 'number' ? indicator.target.value : (unit.max ?? 100) / 2;
      const raw = target * (0.7 + random() * 0.5);
      const bounded = Math.min(unit.max ?? Infinity, Math.max(unit.min ?? 0, raw));
      return entry(unit.integer ? String(Math.round(bounded)) : bounded.toFixed(2));
    }
    case 'ratio':
      return entry(`${(1 + random()).toFixed(1)}:${(1 + random() * 2).toFixed(1)}`);
    case 'boolean':
      return entry(random() < 0.8 ? '是' : '否');
    default:
      return entry('已按要求推进', 'notAssessable');
  }
}

/** A small deterministic generator: the same data on every run and every database. */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

void main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
