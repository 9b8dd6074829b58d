/**
 * Benchmark (a script that prints figures, not a test): the .xlsx side of the templates.
 *   npm run bench:template
 * 1. generate the all-indicator template of each plan as .xlsx (every township's row of per-township
 *    indicators included);
 * 2. `check` a filled one: every value of every row of both plans (all 12 townships) filled, then read,
 *    parsed, assessed and flagged exactly as `indicators check` does.
 * Each step runs a few times after a warm-up; the median and the worst are printed. Target: well under 1 s.
 */
import ExcelJS from 'exceljs';
import { buildTemplate } from '../src/core/template/build-template';
import { COLUMN_INDEX } from '../src/core/template/template-columns';
import { UNITS } from '../src/core/catalog/units';
import { seedCatalog } from '../src/seed-catalog';
import { checkXlsx } from '../src/xlsx/read-xlsx';
import { templatesToXlsx } from '../src/xlsx/write-xlsx';

const RUNS = Number(process.argv[2] ?? 7);
const catalog = seedCatalog();

async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  await run(); // warm-up: module loading and JIT are not what a clerk waits for twice
  const times: number[] = [];
  let result: T | undefined;
  for (let i = 0; i < RUNS; i += 1) {
    const start = process.hrtime.bigint();
    result = await run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  console.log(`${label.padEnd(58)} median ${median.toFixed(0).padStart(5)} ms   worst ${(times.at(-1) ?? 0).toFixed(0).padStart(5)} ms`);
  return result as T;
}

/** A typed value for each kind of unit, so every row is judged (some met, some not). */
function sample(unit: keyof typeof UNITS, row: number): string | number {
  switch (UNITS[unit].valueKind) {
    case 'number':
      return UNITS[unit].integer ? row % 5 : Number(((row * 7.3) % (UNITS[unit].max ?? 100)).toFixed(1));
    case 'ratio':
      return row % 2 ? '2:3' : '1:1';
    case 'boolean':
      return row % 3 ? '是' : '否';
    case 'text':
      return '本年度按计划推进';
  }
}

async function main(): Promise<void> {
  console.log(`node ${process.version}, ${RUNS} runs after a warm-up\n`);
  for (const plan of ['women', 'children'] as const) {
    const model = buildTemplate(catalog, { plan, year: 2025 });
    const data = await timed(`generate all-indicator .xlsx, ${plan} (${model.dataRows.length} rows)`, () => templatesToXlsx([buildTemplate(catalog, { plan, year: 2025 })]));
    // fill every input of every row, as a department would
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(data.buffer as ArrayBuffer);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    for (const info of model.dataRows) {
      const indicator = catalog.indicators.get(info.indicatorId);
      if (!indicator) continue;
      const row = sheet.getRow(info.row + 1);
      row.getCell(COLUMN_INDEX.value + 1).value = sample(indicator.unit, info.row);
      if (info.inputs.previous) row.getCell(COLUMN_INDEX.previous + 1).value = sample(indicator.unit, info.row + 1);
      if (info.inputs.baseline) row.getCell(COLUMN_INDEX.baseline + 1).value = 10;
      if (info.inputs.other) row.getCell(COLUMN_INDEX.other + 1).value = 40;
      if (info.row % 4 === 0) row.getCell(COLUMN_INDEX.note + 1).value = '口径说明';
    }
    const filled = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const outcome = await timed(`check the filled .xlsx, ${plan} (${(filled.length / 1024).toFixed(0)} KiB)`, () => checkXlsx(filled, catalog));
    if (outcome.ok) {
      const sheetCheck = outcome.sheets[0];
      const townships = new Set(sheetCheck?.read.entries.map((entry) => entry.unitId).filter(Boolean));
      console.log(`${''.padEnd(4)}→ ${sheetCheck?.read.entries.length} entries read (${townships.size} reporting units), errors ${sheetCheck?.counts.error}, warnings ${sheetCheck?.counts.warning}\n`);
    }
  }
}

void main();
