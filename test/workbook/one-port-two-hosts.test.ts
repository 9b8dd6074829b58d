/**
 * The seam, proved: the same scenario through `createWorkbook` on two hosts — the Office.js adapter over
 * the strict fake Excel (batched: queued calls, counted syncs, events after the sync) and the in-memory
 * host (plain arrays, synchronous underneath, events inside the call, as a COM-like host such as WPS) —
 * gives the same outcomes: the template inserted, people's values read back, the same verdict and the same
 * flags drawn, a 说明 written, and the same changes reported with the add-in's own writes held back.
 */
import { seedCatalog } from '../../src/seed-catalog';
import { buildTemplate } from '../../src/core/template/build-template';
import { cellAddress } from '../../src/core/template/cell-address';
import { readTemplate } from '../../src/core/template/read-template';
import { COLUMN_INDEX } from '../../src/core/template/template-columns';
import { CELL_STYLES, FLAG_COLOURS } from '../../src/core/template/template-model';
import { officeWorkbookHost } from '../../src/office-workbook';
import { FLAG_NOTE_PREFIX } from '../../src/workbook/flag-plan';
import { OWN_WRITE_WINDOW_MS } from '../../src/workbook/own-writes';
import { createWorkbook } from '../../src/workbook/workbook';
import type { WorkbookHost } from '../../src/workbook/workbook-host';
import type { CheckSheetOutcome, SheetChange, WorkbookPort } from '../../src/workbook/workbook-port';
import { FakeExcelHost } from '../helpers/fake-excel';
import { MemoryWorkbookHost } from '../helpers/memory-workbook-host';

const catalog = seedCatalog();
/** 桂山街道's children's template: C-HEA-09 (K5, ≥90%), C-HEA-24 (K6, a count), C-EDU-11 (K7), C-WEL-14 (K8), C-WEL-18 (K9, 是/否). */
const model = buildTemplate(catalog, { plan: 'children', year: 2025, organisationId: 'guishan' });
const firstRow = model.dataRows[0]?.row as number;
const at = (column: keyof typeof COLUMN_INDEX, row = firstRow) => cellAddress(row, COLUMN_INDEX[column]);

/** One host under the port, with what the scenario needs to play a person and to look into the sheet. */
interface Rig {
  readonly host: WorkbookHost;
  personTypes(sheetName: string, address: string, input: string): Promise<void>;
  /** Lets the host's pending change events arrive. */
  settle(): Promise<void>;
  fill(sheetName: string, address: string): string | undefined;
  /** Notes and comments, by cell. */
  notes(sheetName: string): Map<string, string>;
  value(sheetName: string, address: string): unknown;
}

function officeRig(apiVersion: string): Rig {
  const excel = new FakeExcelHost({ apiVersion });
  return {
    host: officeWorkbookHost(excel),
    personTypes: async (sheetName, address, input) => void (await excel.personTypes(address, input, sheetName)),
    settle: () => excel.settleEvents(),
    fill: (sheetName, address) => excel.workbook.sheet(sheetName).at(address)?.format.fill,
    notes: (sheetName) => new Map([...excel.workbook.sheet(sheetName).notes('note'), ...excel.workbook.sheet(sheetName).notes('comment')]),
    value: (sheetName, address) => excel.workbook.sheet(sheetName).value(address),
  };
}

function memoryRig(triggerSource: boolean): Rig {
  const memory = new MemoryWorkbookHost({ capabilities: { triggerSource, notes: triggerSource ? 'notes' : 'comments' } });
  return {
    host: memory,
    personTypes: async (sheetName, address, input) => memory.personTypes(address, input, sheetName),
    settle: () => Promise.resolve(),
    fill: (sheetName, address) => memory.sheet(sheetName).cell(address)?.fill,
    notes: (sheetName) => memory.sheet(sheetName).notes(),
    value: (sheetName, address) => memory.sheet(sheetName).value(address),
  };
}

function template(outcome: CheckSheetOutcome) {
  if (outcome.kind !== 'template') throw new Error(`not a template: ${outcome.message.zh}`);
  return outcome;
}

/** The value and previous-value cells of every row read, and every flagged cell. */
function cellsDrawn(check: Extract<CheckSheetOutcome, { kind: 'template' }>['check']): string[] {
  const inputs = check.read.entries.flatMap((entry) => [entry.cells.value, entry.cells.previous]);
  return [...new Set([...inputs, ...check.flags.flags.map((flag) => flag.address)])].filter((cell): cell is string => cell !== undefined);
}

/** What a check came to, in the port's words and in the sheet right after it. */
function checked(rig: Rig, sheetName: string, outcome: CheckSheetOutcome) {
  const { check, drawn } = template(outcome);
  return {
    counts: check.counts,
    flags: check.flags.flags.map((flag) => ({ address: flag.address, kind: flag.kind, note: flag.note })),
    drawn,
    fills: Object.fromEntries(cellsDrawn(check).map((cell) => [cell, rig.fill(sheetName, cell)])),
    notes: Object.fromEntries(rig.notes(sheetName)),
  };
}

/**
 * Insert → people fill values → read → check → a 说明 written for the warning → people fix a value (and,
 * once, type right after the add-in's write) → check again; all the while the port reports changes.
 */
async function scenario(rig: Rig) {
  let clock = 1_000_000;
  const port: WorkbookPort = createWorkbook(rig.host, { now: () => clock });
  const pause = async () => {
    await rig.settle();
    clock += OWN_WRITE_WINDOW_MS + 1;
  };
  const changes: SheetChange[] = [];

  const { sheetName } = await port.insertTemplate(model);
  const stop = await port.watchChanges((change) => changes.push(change));
  await pause();
  await rig.personTypes(sheetName, at('value'), '85'); // misses ≥90% …
  await rig.personTypes(sheetName, at('previous'), '60'); // … and swings from last year
  await rig.personTypes(sheetName, at('value', firstRow + 1), 'abc'); // unreadable
  const read = await port.read();
  const first = checked(rig, sheetName, await port.check(catalog, 'zh-CN'));
  await pause();
  const afterCheck = await port.read(sheetName);

  await port.writeCells(sheetName, [{ address: at('note'), value: '受疫苗供应影响，接种推迟' }]);
  await rig.personTypes(sheetName, at('dataSource'), '卫健局年报'); // right after the write: within the window
  await pause();
  await rig.personTypes(sheetName, at('value', firstRow + 1), '12'); // fixed
  const second = checked(rig, sheetName, await port.check(catalog, 'zh-CN', sheetName));
  await pause();
  await stop?.();
  await rig.personTypes(sheetName, at('value', firstRow + 2), '1'); // no longer watched

  const entries = readTemplate(read.grid, catalog);
  return {
    sheetNames: await port.sheetNames(),
    read: { entries: entries.kind === 'template' ? entries.read.entries : entries, flagNotes: read.flagNotes },
    first,
    flagNotesAfterCheck: [...afterCheck.flagNotes].sort(),
    noteWritten: rig.value(sheetName, at('note')),
    second,
    changes: changes.map((change) => ({ sheetName: change.sheetName, address: change.address, source: change.source })),
  };
}

describe.each([
  { excel: '1.18', trigger: true },
  { excel: '1.12', trigger: false },
])('one port, two hosts (ExcelApi $excel; events name the add-in: $trigger)', ({ excel, trigger }) => {
  let office: Awaited<ReturnType<typeof scenario>>;
  let memory: Awaited<ReturnType<typeof scenario>>;
  beforeAll(async () => {
    office = await scenario(officeRig(excel));
    memory = await scenario(memoryRig(trigger));
  });

  it(`comes to the same outcomes on the Office.js adapter (ExcelApi ${excel}) and on the in-memory host`, () => {
    expect(memory).toEqual(office);
  });

  it('inserted the template and read people\'s values back as they typed them', () => {
    expect(office.sheetNames).toEqual(['Sheet1', model.sheetName]);
    expect(office.read.flagNotes).toEqual([]);
    expect(office.read.entries).toEqual(expect.arrayContaining([expect.objectContaining({ indicatorId: 'C-HEA-09', value: 85, previous: 60 }), expect.objectContaining({ indicatorId: 'C-HEA-24', value: 'abc' })]));
  });

  it('flagged the miss and the unreadable value, coloured and noted, and kept the rest white', () => {
    const { first } = office;
    expect(first.flags).toEqual(expect.arrayContaining([expect.objectContaining({ address: at('value'), kind: 'notMet' }), expect.objectContaining({ address: at('value', firstRow + 1), kind: 'error' })]));
    for (const flag of first.flags) {
      expect(first.fills[flag.address]).toBe(FLAG_COLOURS[flag.kind].fill);
      expect(first.notes[flag.address]).toBe(`${FLAG_NOTE_PREFIX}${flag.note}`);
    }
    const unflagged = Object.entries(first.fills).filter(([address]) => !first.flags.some((flag) => flag.address === address));
    expect(unflagged.length).toBeGreaterThan(0);
    for (const [, fill] of unflagged) expect([CELL_STYLES.input.fill, CELL_STYLES.unused.fill]).toContain(fill);
    expect(first.drawn).toMatchObject({ flaggedCells: first.flags.length, notesAdded: first.flags.length, notesRemoved: 0, notesKept: 0, notesSkipped: [] });
    expect(office.flagNotesAfterCheck).toHaveLength(first.flags.length);
  });

  it('wrote the 说明, and the re-check keeps unchanged notes and removes the fixed cell\'s', () => {
    expect(office.noteWritten).toBe('受疫苗供应影响，接种推迟');
    const { second } = office;
    expect(second.flags.some((flag) => flag.address === at('value', firstRow + 1))).toBe(false);
    expect(second.fills[at('value', firstRow + 1)]).toBe(CELL_STYLES.input.fill);
    expect(second.notes[at('value', firstRow + 1)]).toBeUndefined();
    expect(second.drawn.notesRemoved).toBeGreaterThanOrEqual(1);
    expect(second.drawn.notesKept + second.drawn.notesAdded).toBe(second.flags.length);
  });

  it('reported people\'s edits only: never the add-in\'s own writes, and without the add-in named, not within the window', () => {
    const person = (address: string) => ({ sheetName: model.sheetName, address, source: 'local' });
    expect(office.changes).toEqual([
      person(at('value')),
      person(at('previous')),
      person(at('value', firstRow + 1)),
      // typed right after the add-in's write: the host names who wrote, or the window takes it for the add-in's
      ...(trigger ? [person(at('dataSource'))] : []),
      person(at('value', firstRow + 1)),
    ]);
  });
});
