import { seedCatalog } from '../../src/seed-catalog';
import { buildTemplate } from '../../src/core/template/build-template';
import { cellAddress } from '../../src/core/template/cell-address';
import { COLUMN_INDEX } from '../../src/core/template/template-columns';
import { insertTemplate, writeCells, WorkbookError } from '../../src/office-workbook';
import { FakeExcelHost } from '../helpers/fake-excel';

const catalog = seedCatalog();
// 桂山街道's children's template: 5 rows, the first C-HEA-09 (a township's immunisation rate)
const model = buildTemplate(catalog, { plan: 'children', year: 2025, organisationId: 'guishan' });
const firstRow = model.dataRows[0]?.row as number;
const at = (column: keyof typeof COLUMN_INDEX, row = firstRow) => cellAddress(row, COLUMN_INDEX[column]);

async function inserted(apiVersion?: string) {
  const host = new FakeExcelHost(apiVersion ? { apiVersion } : {});
  const { sheetName } = await insertTemplate(host, model);
  return { host, sheetName, sheet: host.workbook.sheet(sheetName) };
}

async function failure(work: Promise<unknown>): Promise<WorkbookError> {
  const error = await work.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof WorkbookError)) throw new Error(`expected a WorkbookError, got ${String(error)}`);
  return error;
}

describe('writeCells', () => {
  it('writes a 说明 and a 数据来源 into a protected template in one sync; text cells keep text', async () => {
    const { host, sheetName, sheet } = await inserted();
    expect(sheet.protection.protected).toBe(true);
    const runsBefore = host.runs;
    const result = await writeCells(host, sheetName, [
      { address: at('note'), value: '受疫苗供应影响，接种推迟到次年一季度' },
      { address: `$${at('dataSource').replace(/(\d+)$/, '$$$1')}`, value: '95' },
    ]);
    expect(result).toEqual({ written: 2, syncs: 1 });
    expect(host.runs).toBe(runsBefore + 1);
    expect(host.lastRunSyncs()).toHaveLength(1);
    expect(sheet.value(at('note'))).toBe('受疫苗供应影响，接种推迟到次年一季度');
    expect(sheet.value(at('dataSource'))).toBe('95'); // the column is text-formatted: "95" stays text
    expect(sheet.protection.protected).toBe(true);
  });

  it('empties a cell for null, and converts numbers in a General cell as typing would', async () => {
    const { host, sheetName, sheet } = await inserted();
    sheet.personTypes(at('note'), '旧说明');
    await writeCells(host, sheetName, [
      { address: at('note'), value: null },
      { address: at('value'), value: '92.5' },
    ]);
    expect(sheet.value(at('note'))).toBe('');
    expect(sheet.value(at('value'))).toBe(92.5);
  });

  it('says which sheet is missing (zh and en), and writes nothing', async () => {
    const { host, sheet } = await inserted();
    const error = await failure(writeCells(host, '儿童2025-不存在', [{ address: at('note'), value: 'x' }]));
    expect(error.code).toBe('ItemNotFound');
    expect(error.zh).toContain('找不到名为“儿童2025-不存在”的工作表');
    expect(error.en).toContain('There is no sheet named "儿童2025-不存在"');
    expect(sheet.value(at('note'))).toBe('');
  });

  it('refuses a locked cell of the protected template with a message naming the cell', async () => {
    const { host, sheetName, sheet } = await inserted();
    const locked = at('name'); // 指标名称: locked
    const before = sheet.value(locked);
    const error = await failure(writeCells(host, sheetName, [{ address: locked, value: '改名' }]));
    expect(error.code).toBe('AccessDenied');
    expect(error.zh).toContain('受保护');
    expect(error.zh).toContain(locked);
    expect(error.en).toContain(locked);
    expect(sheet.value(locked)).toBe(before);
  });

  it('refuses what is not one cell before talking to Excel, and does nothing for no cells', async () => {
    const { host, sheetName } = await inserted();
    const syncs = host.syncs.length;
    const error = await failure(writeCells(host, sheetName, [{ address: 'M5:M6', value: 'x' }, { address: 'Sheet1!A1', value: 'y' }]));
    expect(error.code).toBe('InvalidArgument');
    expect(error.zh).toContain('“M5:M6”');
    expect(error.zh).toContain('“Sheet1!A1”');
    expect(await writeCells(host, sheetName, [])).toEqual({ written: 0, syncs: 0 });
    expect(host.syncs.length).toBe(syncs);
  });

  it('works on the ExcelApi 1.1 floor (no protection there)', async () => {
    const { host, sheetName, sheet } = await inserted('1.1');
    await writeCells(host, sheetName, [{ address: at('note'), value: '说明' }]);
    expect(sheet.value(at('note'))).toBe('说明');
  });
});
