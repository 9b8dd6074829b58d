import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MonitoringReportSchema } from '../../src/contract/monitoring';
import { prepareDatabase } from '../../src/server/db/prepare';
import { createToken } from '../../src/server/repositories/tokens';
import { storeReport } from '../server/helpers/monitoring-fixtures';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../server/helpers/test-database';
import { run } from './cli-harness';

/**
 * `consolidate` and `deadline` on a seeded database (as the server stores reports): 2024 and 2025 of the
 * children's plan — 卫健局 (on time) and 教体局 (late) disagree on 近视率; 卫健局 reports 接种率 for three
 * townships (one short of 90%) and 婴儿死亡率 5.5‰ (2024), 5.3‰ (2025).
 */
describeEachDialect('indicators consolidate / deadline', (dialect) => {
  let database: TestDatabase;
  let outDir: string;
  const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    outDir = mkdtempSync(join(tmpdir(), 'xpm-consolidate-'));
    process.env.DATA_DIR = database.location.dataDir;
    process.env.DATABASE_URL = database.location.databaseUrl ?? '';
    const db = await prepareDatabase(database.location);
    try {
      const wjj = (await createToken(db, { organisationId: 'wjj', role: 'reporter' })).id;
      const jtj = (await createToken(db, { organisationId: 'jtj', role: 'reporter' })).id;
      await storeReport(db, { plan: 'children', year: 2024, organisationId: 'wjj', tokenId: wjj, status: 'approved', versions: [{ receivedAt: '2025-03-01T00:00:00.000Z', values: [{ indicatorId: 'C-HEA-04', text: '5.5', status: 'notYetDue' }] }] });
      await storeReport(db, {
        plan: 'children',
        year: 2025,
        organisationId: 'wjj',
        tokenId: wjj,
        status: 'approved',
        versions: [
          { receivedAt: '2026-03-01T00:00:00.000Z', values: [{ indicatorId: 'C-HEA-04', text: '9.9', status: 'notYetDue' }] },
          {
            receivedAt: '2026-04-20T00:00:00.000Z',
            values: [
              { indicatorId: 'C-HEA-04', text: '5.3', status: 'notYetDue' },
              { indicatorId: 'C-HEA-14', text: '31.5', status: 'met' },
              { indicatorId: 'C-HEA-09', unitId: 'gasa', text: '96', status: 'met' },
              { indicatorId: 'C-HEA-09', unitId: 'mosha', text: '85', status: 'notMet', note: '补种中' },
              { indicatorId: 'C-HEA-09', unitId: 'yangwu', text: '95', status: 'met' },
            ],
          },
        ],
      });
      await storeReport(db, { plan: 'children', year: 2025, organisationId: 'jtj', tokenId: jtj, status: 'returned', versions: [{ receivedAt: '2026-04-02T00:00:00.000Z', values: [{ indicatorId: 'C-HEA-14', text: '33', status: 'met' }] }] });
    } finally {
      await db.destroy();
    }
  });
  afterAll(async () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    rmSync(outDir, { recursive: true, force: true });
    await database?.drop();
  });

  it('deadline set refuses a date that is no date or out of range, sets a good one; deadline show lists it', async () => {
    for (const date of ['2026-02-30', '2026/03/31', 'tomorrow']) {
      const refused = await run('deadline', 'set', '--plan', 'children', '--year', '2025', '--date', date);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('--date 无法使用');
    }
    const far = await run('deadline', 'set', '--plan', 'children', '--year', '2025', '--date', '2031-01-01');
    expect(far).toMatchObject({ code: 2, stderr: expect.stringContaining('2025年度报表的截止日期应在2025-01-01至2027-12-31之间') });
    expect((await run('deadline', 'set', '--plan', 'children', '--year', '2019', '--date', '2020-03-31')).code).toBe(2);
    expect((await run('deadline', 'show', '--plan', 'children', '--year', '2025')).stdout).toContain('尚未设置报送截止日期');
    const set = await run('deadline', 'set', '--plan', 'children', '--year', '2025', '--date', '2026-03-31');
    expect(set).toMatchObject({ code: 0, stdout: expect.stringContaining('已设置儿童发展规划 2025年度报表的报送截止日期：2026-03-31') });
    const shown = JSON.parse((await run('deadline', 'show', '--json')).stdout);
    expect(shown).toEqual([{ plan: 'children', year: 2025, deadline: '2026-03-31', deadlineEnd: '2026-03-31T15:59:59.999Z', setAt: expect.any(String), setBy: expect.stringMatching(/^cli:/) }]);
    expect((await run('deadline', 'show')).stdout).toMatch(/^儿童发展规划 2025年度：2026-03-31/);
    expect((await run('deadline', 'remove')).code).toBe(2);
  });

  it('consolidate --json: completeness, every indicator with value, status, progress, lead, conflict and units, the evaluation', async () => {
    await run('deadline', 'set', '--plan', 'children', '--year', '2025', '--date', '2026-03-31');
    const result = await run('consolidate', '--plan', 'children', '--year', '2025', '--json');
    expect(result.code).toBe(0);
    const report = MonitoringReportSchema.parse(JSON.parse(result.stdout));
    const { completeness } = report;
    expect(completeness).toMatchObject({ deadline: '2026-03-31', submitted: ['jtj', 'wjj'], approved: ['wjj'], returned: ['jtj'] });
    // both first versions: 卫健局's on 1 March (on time, though its current version came later), 教体局's on 2 April (late)
    expect(completeness.late).toEqual(['jtj']);
    expect(completeness.missing).toHaveLength(completeness.expected.length - 2);
    expect(completeness.missing).toContain('mzj');
    expect(completeness.reportingRate).toBeCloseTo(2 / completeness.expected.length, 12);
    expect(completeness.onTimeRate).toBeCloseTo(1 / completeness.expected.length, 12);

    const line = (id: string) => report.indicators.find((item) => item.id === id)!;
    expect(report.indicators).toHaveLength(127);
    expect(line('C-HEA-14')).toMatchObject({ value: 33, status: 'met', reportedBy: 'jtj', conflict: true, reporters: ['jtj', 'wjj'] });
    // the current version's value, not the first version's 9.9
    expect(line('C-HEA-04')).toMatchObject({ value: 5.3, status: 'notYetDue', reportedBy: 'wjj', conflict: false });
    // 5.94 (2020) → 5.3 (2025): CAGR_o = (5.3/5.94)^(1/5) − 1 = −0.022542; CAGR_r = −0.051520; R = 0.022543/0.051520 = 0.43755 → limited
    expect(line('C-HEA-04').progress).toMatchObject({ status: 'limited', baseYear: 2020, latestYear: 2025, targetYear: 2030 });
    expect(line('C-HEA-04').progress!.ratio).toBeCloseTo(0.43755, 5);
    const vaccination = line('C-HEA-09');
    expect(vaccination).toMatchObject({ status: 'notMet', reportedBy: null, rollUp: { met: 2, notMet: 1, withoutData: 9, failingUnits: ['mosha'] } });
    expect(vaccination.units.find((unit) => unit.unitId === 'mosha')).toMatchObject({ value: 85, status: 'notMet', note: '补种中', progress: { status: 'insufficientData' } });
    expect(report.evaluation).toMatchObject({ plan: 'children', year: 2025, kind: 'midTerm', total: { met: 1, notMet: 1, notYetDue: 1, notYetDueByProgress: { limited: 1 } } });
    expect(report.warnings.map((warning) => [warning.kind, warning.indicatorId])).toEqual([
      ['progress', 'C-HEA-04'],
      ['conflict', 'C-HEA-14'],
    ]);
  });

  it('consolidate --basically-met sets the 基本达标 threshold (as BASICALLY_MET_RATIO does for the server); a value outside 0.5–1 is refused', async () => {
    const strict = MonitoringReportSchema.parse(JSON.parse((await run('consolidate', '--plan', 'children', '--year', '2025', '--json', '--basically-met', '0.8')).stdout));
    expect(strict.evaluation.basicallyMetRatio).toBe(0.8);
    const standard = MonitoringReportSchema.parse(JSON.parse((await run('consolidate', '--plan', 'children', '--year', '2025', '--json')).stdout));
    expect(standard.evaluation.basicallyMetRatio).toBe(0.9);
    const refused = await run('consolidate', '--plan', 'children', '--year', '2025', '--basically-met', '2');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('0.5—1');
  });

  it('consolidate in Chinese for people; --out writes the monitoring report (.xlsx, or the evaluation table as .csv), never over a file without --force', async () => {
    const out = join(outDir, '儿童2025监测报告.xlsx');
    const result = await run('consolidate', '--plan', 'children', '--year', '2025', '--out', out);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('儿童发展规划 2025年度汇总');
    expect(result.stdout).toMatch(/报送情况：应报 \d+ 个单位，已报 2 个/);
    expect(result.stdout).toContain('迟报 1：教体局');
    expect(result.stdout).toContain('C-HEA-14 儿童新发近视率：33（教体局） · 达标 · 数据不足 · 数值冲突');
    expect(result.stdout).toContain('已生成监测报告 儿童2025监测报告.xlsx');
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    const again = await run('consolidate', '--plan', 'children', '--year', '2025', '--out', out);
    expect(again).toMatchObject({ code: 2, stderr: expect.stringContaining('已存在') });
    expect((await run('consolidate', '--plan', 'children', '--year', '2025', '--out', out, '--force')).code).toBe(0);
    const csv = join(outDir, 'evaluation.csv');
    expect((await run('consolidate', '--plan', 'children', '--year', '2025', '--out', csv)).code).toBe(0);
    const text = readFileSync(csv, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('C-HEA-14');
    writeFileSync(join(outDir, 'x.txt'), '');
    expect((await run('consolidate', '--plan', 'children', '--year', '2025', '--out', join(outDir, 'x.txt'))).code).toBe(2);
  });

  it('usage errors exit 2: no plan, a year outside the plans, an unknown plan', async () => {
    expect((await run('consolidate', '--year', '2025')).code).toBe(2);
    expect((await run('consolidate', '--plan', 'children', '--year', '2035')).stderr).toContain('--year 应为2021—2030');
    expect((await run('consolidate', '--plan', 'men', '--year', '2025')).code).toBe(2);
  });
});

describe('indicators consolidate without a database', () => {
  it('exits 2 and makes none', async () => {
    const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
    const empty = mkdtempSync(join(tmpdir(), 'xpm-nodb-'));
    process.env.DATA_DIR = empty;
    delete process.env.DATABASE_URL;
    try {
      const result = await run('consolidate', '--plan', 'children', '--year', '2025', '--json');
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('没有找到共享端点的数据库');
      expect(existsSync(join(empty, 'xinping.sqlite'))).toBe(false);
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
