import { seedCatalog } from '../../../../src/seed-catalog';
import { buildTemplate } from '../../../../src/core/template/build-template';
import { cellAddress, parseCellAddress } from '../../../../src/core/template/cell-address';
import { COLUMN_INDEX } from '../../../../src/core/template/template-columns';
import type { TemplateCheck } from '../../../../src/core/template/check-template';
import { insertTemplate, officeWorkbookHost } from '../../../../src/office-workbook';
import { createWorkbook } from '../../../../src/workbook/workbook';
import { FINDING_GROUPS, checkFindings, collectFindings, findingGroupOf, groupFindings, type Finding } from '../../../../src/apps/taskpane/check/findings';
import { FakeExcelHost, type FakeSheet } from '../../../helpers/fake-excel';
import { fillTemplate } from '../../../office-workbook/fill-template';

const catalog = seedCatalog();

async function checked(organisationId: string | undefined, fill: (sheet: FakeSheet, model: ReturnType<typeof buildTemplate>) => void): Promise<TemplateCheck> {
  const model = buildTemplate(catalog, { plan: 'children', year: 2025, ...(organisationId ? { organisationId } : {}) });
  const host = new FakeExcelHost();
  const { sheetName } = await insertTemplate(host, model);
  fill(host.workbook.sheet(sheetName), model);
  const outcome = await createWorkbook(officeWorkbookHost(host)).check(catalog, 'zh-CN');
  if (outcome.kind !== 'template') throw new Error(outcome.message.zh);
  return outcome.check;
}

/** 桂山街道's template: C-HEA-09 (≥90%, row 5), C-HEA-24 (count, 6), C-EDU-11 (relative, 7), C-WEL-14 (8), C-WEL-18 (是/否, 9). */
const guishan = (sheet: FakeSheet) => {
  sheet.personTypes('K5', '85'); // misses ≥90%
  sheet.personTypes('I5', '60'); // … and swings from last year's 60%
  sheet.personTypes('K6', 'abc'); // unreadable
};

describe('findingGroupOf: the core\'s verdicts into 错误 / 未达标 / 波动预警 / 提示', () => {
  it.each([
    [{ severity: 'error', code: 'value.outOfRange' }, 'invalid', 'error'],
    [{ severity: 'error', code: 'value.missing' }, 'noData', 'error'],
    [{ severity: 'error', code: 'consistency.child-mortality-nesting' }, undefined, 'error'],
    [{ severity: 'warning', code: 'assess.notMet' }, 'notMet', 'notMet'],
    // a future target not reached yet: information, not a miss (no note needed)
    [{ severity: 'info', code: 'assess.notYetDue' }, 'notYetDue', 'info'],
    [{ severity: 'info', code: 'assess.upcomingNotYetMet' }, 'met', 'info'],
    [{ severity: 'warning', code: 'warning.projectedMiss' }, 'notYetDue', 'warning'],
    [{ severity: 'warning', code: 'warning.swing' }, 'notMet', 'warning'],
    [{ severity: 'warning', code: 'warning.swing' }, 'met', 'warning'],
    [{ severity: 'warning', code: 'warning.projectedMiss' }, 'met', 'warning'],
    [{ severity: 'warning', code: 'assess.missing.previous' }, 'notAssessable', 'warning'],
    [{ severity: 'warning', code: 'template.catalogVersion' }, undefined, 'warning'],
    [{ severity: 'info', code: 'assess.qualitative' }, 'notAssessable', 'info'],
    [{ severity: 'info', code: 'assess.notAssessable' }, 'notAssessable', 'info'],
  ] as const)('%j on a %s entry → %s', (message, status, group) => {
    expect(findingGroupOf(message, status)).toBe(group);
  });
});

describe('collectFindings / groupFindings on a checked sheet', () => {
  let check: TemplateCheck;
  let findings: Finding[];
  beforeAll(async () => {
    check = await checked('guishan', guishan);
    findings = collectFindings(check, catalog);
  });

  it('names indicator, township, cell and message, and groups the miss, the swing and the errors apart', () => {
    const at = (address: string) => findings.filter((finding) => finding.address === address).map((finding) => finding.group);
    expect(at('K5')).toEqual(['notMet', 'warning']);
    expect(at('K6')).toEqual(['error']);
    const miss = findings.find((finding) => finding.group === 'notMet');
    expect(miss).toMatchObject({
      indicatorId: 'C-HEA-09',
      indicatorName: { zh: '适龄儿童免疫规划疫苗接种率' },
      unitId: 'guishan',
      unitName: { zh: '桂山街道' },
      code: 'assess.notMet',
    });
    expect(miss?.message.zh).toContain('90%');
    expect(miss?.message.en).not.toBe(miss?.message.zh);
    // the three blank rows are errors (a value is required), each on its own value cell
    expect(findings.filter((finding) => finding.code === 'value.missing').map((finding) => finding.address)).toEqual(['K7', 'K8', 'K9']);
  });

  it('covers every cell the sheet was flagged on, and nothing says "met"', () => {
    const addresses = new Set(findings.map((finding) => finding.address));
    for (const flag of check.flags.flags) expect(addresses).toContain(flag.address);
    expect(findings.some((finding) => finding.code === 'assess.met')).toBe(false);
  });

  it('lists in sheet order with unique ids, and counts what it lists', () => {
    const rows = findings.map((finding) => parseCellAddress(finding.address as string).row);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(new Set(findings.map((finding) => finding.id)).size).toBe(findings.length);
    const grouped = groupFindings(findings);
    for (const group of FINDING_GROUPS) {
      expect(grouped.counts[group]).toBe(grouped.groups[group].length);
      expect(grouped.groups[group].every((finding) => finding.group === group)).toBe(true);
    }
    expect(grouped.counts).toEqual({ error: 4, notMet: 1, warning: 1, info: 0 });
    expect(grouped.total).toBe(findings.length);
    expect(grouped.clear).toBe(false);
  });

  it('is clear when every row is filled right', async () => {
    const good = await checked('guishan', (sheet) => {
      for (const [address, value] of [['K5', '95'], ['I5', '94'], ['K6', '3'], ['I6', '3'], ['K7', '5'], ['J7', '5'], ['I7', '5'], ['K8', '2'], ['I8', '2'], ['K9', '是']]) {
        sheet.personTypes(address as string, value as string);
      }
    });
    expect(checkFindings(good, catalog)).toMatchObject({ clear: true, counts: { error: 0, notMet: 0, warning: 0 } });
  });

  it('on a whole department\'s filled template: every group appears, and 提示 holds the info messages', async () => {
    const big = await checked('wjj', (sheet, model) => void fillTemplate(sheet, model, catalog));
    const grouped = checkFindings(big, catalog);
    expect(grouped.counts.error).toBeGreaterThan(0);
    expect(grouped.counts.notMet).toBeGreaterThan(0);
    expect(grouped.counts.warning).toBeGreaterThan(0);
    expect(grouped.counts.info).toBeGreaterThan(0);
    const infoMessages = big.report.results.flatMap((result) => result.messages).filter((message) => message.severity === 'info' && message.code !== 'assess.met');
    expect(grouped.counts.info).toBeLessThanOrEqual(infoMessages.length);
    expect(grouped.groups.info.every((finding) => finding.severity === 'info')).toBe(true);
    // a consistency error (新生儿 ≤ 婴儿 ≤ 5岁以下) lands on each value cell it names
    const nesting = grouped.groups.error.filter((finding) => finding.code.startsWith('consistency.'));
    expect(nesting.length).toBeGreaterThanOrEqual(2);
    for (const finding of nesting) expect(finding.address).toBe(cellAddress(parseCellAddress(finding.address as string).row, COLUMN_INDEX.value));
  });
});
