/**
 * The submission runner without React or Excel: a sheet is a grid the test holds (the real pre-flight reads
 * it), the server is the FakeEndpoint, the outbox the real one over a memory store with timers the test
 * fires. Every transition of 提交 is driven here, and stale work is shown to be dropped.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Catalog } from '../../src/core/catalog/catalog';
import type { RawCell } from '../../src/core/parse/cell-value';
import { buildTemplate } from '../../src/core/template/build-template';
import { parseCellAddress } from '../../src/core/template/cell-address';
import type { SheetGrid } from '../../src/core/template/read-template';
import type { TemplateModel } from '../../src/core/template/template-model';
import { seedCatalog } from '../../src/seed-catalog';
import type { SubmissionDetail } from '../../src/contract/api';
import type { PlanId } from '../../src/core/catalog/indicator-schema';
import { EndpointError } from '../../src/client/endpoint-client';
import { OUTBOX_KEY, Outbox } from '../../src/client/outbox';
import { memoryStore, type KeyValueStore } from '../../src/client/storage';
import {
  SubmissionRunner,
  canSubmit,
  canWriteNotes,
  initialSubmissionState,
  notesToWrite,
  readySheet,
  submitBlock,
  type NoteCell,
  type SubmissionRunnerDeps,
  type SubmissionState,
} from '../../src/client/submission-runner';
import { fill, gridOf, type EditableGrid } from '../core/template/template-grid';
import { acceptableValues } from '../server/helpers/submission-fixtures';
import { cellOf, rowWhere } from '../apps/taskpane/submit/submit-fixtures';
import { FakeEndpoint } from './fake-endpoint';

const WORKBOOK = 'https://example.sharepoint.com/sites/fl/儿童2025.xlsx';
const START = Date.parse('2026-03-01T09:00:00Z');

let catalog: Catalog;
let model: TemplateModel;
beforeAll(() => {
  catalog = seedCatalog();
  model = buildTemplate(catalog, { plan: 'children', year: 2025, organisationId: 'fl' });
});

// ---- sheets ------------------------------------------------------------------------------------------------------

/** 妇联's children's template with every row filled so that it is accepted without any warning. */
function acceptableGrid(): EditableGrid {
  const grid = gridOf(model);
  const slots = model.dataRows.map((info) => ({ indicatorId: info.indicatorId, ...(info.unitId ? { unitId: info.unitId } : {}) }));
  const values = acceptableValues(slots, { plan: 'children', year: 2025, catalog });
  fill(
    grid,
    model,
    catalog,
    values.map((value) => ({
      indicatorId: value.indicatorId,
      ...(value.unitId ? { unitId: value.unitId } : {}),
      value: value.value as RawCell,
      ...(value.note ? { note: value.note } : {}),
      ...(value.previous !== undefined && value.previous !== null ? { previous: value.previous as RawCell } : {}),
      ...(value.baseline !== undefined && value.baseline !== null ? { baseline: value.baseline as RawCell } : {}),
      ...(value.other !== undefined && value.other !== null ? { other: value.other as RawCell } : {}),
    })),
  );
  return grid;
}

/** Writes one cell (A1) of a grid that starts at A1. */
function put(grid: EditableGrid, address: string, value: RawCell): void {
  const { row, column } = parseCellAddress(address);
  (grid.values[row] as RawCell[])[column] = value;
}

/** An acceptable sheet with one value that misses its target and has no 说明: it needs one. */
function gridNeedingNote(): { grid: EditableGrid; noteCell: string; valueCell: string } {
  const grid = acceptableGrid();
  const missed = rowWhere(model, catalog, '1', 'note');
  put(grid, cellOf(missed, 'value'), '1');
  put(grid, cellOf(missed, 'note'), null);
  return { grid, noteCell: cellOf(missed, 'note'), valueCell: cellOf(missed, 'value') };
}

/** An acceptable sheet with one value that cannot be read: an error. */
function gridWithError(): { grid: EditableGrid; cell: string } {
  const grid = acceptableGrid();
  const bad = rowWhere(model, catalog, '九十五', 'error');
  put(grid, cellOf(bad, 'value'), '九十五');
  return { grid, cell: cellOf(bad, 'value') };
}

const notATemplate: SheetGrid = { name: 'Sheet1', firstRow: 0, firstColumn: 0, values: [['随便写的东西']] };

// ---- fakes ------------------------------------------------------------------------------------------------------

/** A promise the test settles. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

/** The FakeEndpoint whose status lookups can be held (to answer late, out of order) and record their signals. */
class LookupEndpoint extends FakeEndpoint {
  hold = false;
  readonly lookups: { signal: AbortSignal | undefined; answer: ReturnType<typeof deferred<SubmissionDetail | null>> }[] = [];
  lookupCalls = 0;

  override async findSubmission(plan: PlanId, year: number, organisationId: string, signal?: AbortSignal): Promise<SubmissionDetail | null> {
    this.lookupCalls += 1;
    if (!this.hold) return super.findSubmission(plan, year, organisationId);
    const answer = deferred<SubmissionDetail | null>();
    this.lookups.push({ signal, answer });
    return answer.promise;
  }
}

/** A store whose writes can be made to fail (storage full, blocked). */
function breakableStore(): KeyValueStore & { failWrites: boolean; data: Map<string, string> } {
  const inner = memoryStore();
  const store = {
    failWrites: false,
    data: inner.data,
    get: (key: string) => inner.get(key),
    set: (key: string, value: string) => {
      if (store.failWrites) throw new Error('QuotaExceededError');
      inner.set(key, value);
    },
    remove: (key: string) => inner.remove(key),
  };
  return store;
}

interface Harness {
  runner: SubmissionRunner;
  server: LookupEndpoint;
  outbox: Outbox;
  store: ReturnType<typeof breakableStore>;
  /** Every state the subscribers received. */
  states: SubmissionState[];
  sheet: { grid: SheetGrid; holdReads: boolean; pending: ReturnType<typeof deferred<SheetGrid>>[]; reads: number; failWith: unknown };
  written: { sheetName: string; cells: readonly NoteCell[] }[];
  selected: { sheetName: string; address: string }[];
  settings: { present: boolean };
  clock: { now: number };
  /** Fires the outbox's armed retry timers. */
  fireTimers: () => Promise<void>;
  failNextWrite: { error: unknown | null };
  failNextSelect: { error: unknown | null };
  /** The stop `start()` returned (the view unmounting); a no-op until started. */
  stop: () => void;
}

function harness(options: { grid?: SheetGrid; server?: LookupEndpoint; store?: ReturnType<typeof breakableStore>; settings?: boolean } = {}): Harness {
  const server = options.server ?? new LookupEndpoint('fl');
  const store = options.store ?? breakableStore();
  const settings = { present: options.settings ?? true };
  const clock = { now: START };
  const timers = new Map<number, () => void>();
  let timerIds = 0;
  let ids = 0;
  const outbox = new Outbox({
    store,
    client: () => (settings.present ? server : null),
    now: () => clock.now,
    random: () => 0.5,
    randomUUID: () => `key-${(ids += 1)}`,
    setTimer: (callback) => {
      timerIds += 1;
      timers.set(timerIds, callback);
      return timerIds;
    },
    clearTimer: (handle) => void timers.delete(handle as number),
    locks: null,
  });
  const sheet: Harness['sheet'] = { grid: options.grid ?? acceptableGrid(), holdReads: false, pending: [], reads: 0, failWith: null };
  const written: Harness['written'] = [];
  const selected: Harness['selected'] = [];
  const failNextWrite: Harness['failNextWrite'] = { error: null };
  const failNextSelect: Harness['failNextSelect'] = { error: null };
  const deps: SubmissionRunnerDeps = {
    loadCatalog: () => Promise.resolve(catalog),
    readSheet: () => {
      sheet.reads += 1;
      if (sheet.failWith !== null) return Promise.reject(sheet.failWith);
      if (!sheet.holdReads) return Promise.resolve(sheet.grid);
      const read = deferred<SheetGrid>();
      sheet.pending.push(read);
      return read.promise;
    },
    writeNotes: async (sheetName, cells) => {
      if (failNextWrite.error !== null) {
        const error = failNextWrite.error;
        failNextWrite.error = null;
        throw error;
      }
      written.push({ sheetName, cells });
      for (const cell of cells) put(sheet.grid as EditableGrid, cell.address, cell.value);
    },
    selectCell: async (sheetName, address) => {
      if (failNextSelect.error !== null) {
        const error = failNextSelect.error;
        failNextSelect.error = null;
        throw error;
      }
      selected.push({ sheetName, address });
    },
    endpoint: () => (settings.present ? server : null),
    outbox,
    workbookKey: WORKBOOK,
    clientInfo: { app: 'test' },
    now: () => clock.now,
  };
  const runner = new SubmissionRunner(deps);
  const states: SubmissionState[] = [];
  runner.subscribe((state) => states.push(state));
  const fireTimers = async () => {
    const due = [...timers.values()];
    timers.clear();
    for (const callback of due) callback();
    await settle();
  };
  return { runner, server, outbox, store, states, sheet, written, selected, settings, clock, fireTimers, failNextWrite, failNextSelect, stop: () => undefined };
}

/** Lets every promise chain in flight run to its end (reads, locks, sends, lookups). */
async function settle(): Promise<void> {
  for (let round = 0; round < 10; round += 1) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** A started runner whose first check (and status lookup) has finished. */
async function checkedHarness(options: Parameters<typeof harness>[0] = {}): Promise<Harness> {
  const h = harness(options);
  h.stop = h.runner.start();
  h.runner.check();
  await settle();
  return h;
}

/** A report of 妇联's children's plan for 2025 already on the server (version 1). */
async function storedEarlier(server: FakeEndpoint): Promise<void> {
  await server.submit({ plan: 'children', year: 2025, organisationId: 'fl', catalogVersion: 'x', templateVersion: 1, values: [] }, 'earlier');
}

// ---- tests ------------------------------------------------------------------------------------------------------

describe('SubmissionRunner: the pre-flight', () => {
  it('starts reading; checks the sheet, then asks the server: nothing there yet', async () => {
    const h = harness();
    expect(h.runner.current).toEqual(initialSubmissionState(true));
    expect(h.runner.current.sheet).toEqual({ kind: 'reading' });
    h.runner.start();
    h.runner.check();
    await settle();
    const { current } = h.runner;
    expect(current.sheet).toMatchObject({ kind: 'checked', at: START, outcome: { kind: 'ready', acceptable: true } });
    expect(readySheet(current)?.document).toMatchObject({ plan: 'children', year: 2025, organisationId: 'fl', client: { app: 'test' } });
    expect(readySheet(current)?.document.values).toHaveLength(model.dataRows.length);
    expect(current.server).toEqual({ kind: 'loaded', detail: null, review: null, at: START });
    expect(submitBlock(current)).toBeNull();
    expect(canSubmit(current)).toBe(true);
    // the subscribers saw it happen in order: the status is looked up after the sheet was checked
    const kinds = h.states.map((state) => `${state.sheet.kind}/${state.server.kind}`);
    expect(kinds.indexOf('checked/loading')).toBeGreaterThan(kinds.indexOf('reading/idle'));
    expect(kinds.at(-1)).toBe('checked/loaded');
  });

  it('an unreadable sheet is a failure with its error; a sheet that is not a template or names no organisation blocks 提交', async () => {
    const failure = new Error('工作表被保护');
    const h = harness();
    h.sheet.failWith = failure;
    h.runner.start();
    h.runner.check();
    await settle();
    expect(h.runner.current.sheet).toEqual({ kind: 'failed', error: failure });
    expect(h.runner.current.server).toEqual({ kind: 'idle' });
    expect(submitBlock(h.runner.current)).toBe('notReady');

    h.sheet.failWith = null;
    h.sheet.grid = notATemplate;
    h.runner.check();
    await settle();
    expect(h.runner.current.sheet).toMatchObject({ kind: 'checked', outcome: { kind: 'notTemplate' } });
    expect(h.runner.current.server).toEqual({ kind: 'idle' });
    expect(submitBlock(h.runner.current)).toBe('notReady');

    h.sheet.grid = gridOf(buildTemplate(catalog, { plan: 'children', year: 2025 }));
    h.runner.check();
    await settle();
    expect(h.runner.current.sheet).toMatchObject({ kind: 'checked', outcome: { kind: 'noOrganisation' } });
    expect(submitBlock(h.runner.current)).toBe('notReady');
    expect(h.server.lookupCalls).toBe(0);
  });

  it('errors block; selecting a finding\'s cell goes to the sheet checked, a failure to select is kept until the next try', async () => {
    const { grid, cell } = gridWithError();
    const h = await checkedHarness({ grid });
    const ready = readySheet(h.runner.current);
    expect(ready?.errors).toEqual([expect.objectContaining({ cell })]);
    expect(submitBlock(h.runner.current)).toBe('errors');
    expect(canSubmit(h.runner.current)).toBe(false);

    await h.runner.selectCell(cell);
    expect(h.selected).toEqual([{ sheetName: model.sheetName, address: cell }]);
    const refused = new Error('selection refused');
    h.failNextSelect.error = refused;
    await h.runner.selectCell(cell);
    expect(h.runner.current.selectFailure).toEqual({ error: refused });
    await h.runner.selectCell(cell);
    expect(h.runner.current.selectFailure).toBeNull();
  });

  it('without endpoint settings: says so, blocks 提交 and asks the server nothing; settings made later count at the next check', async () => {
    const h = await checkedHarness({ settings: false });
    expect(h.runner.current.hasEndpoint).toBe(false);
    expect(submitBlock(h.runner.current)).toBe('noSettings');
    expect(h.runner.current.server).toEqual({ kind: 'idle' });
    expect(h.server.lookupCalls).toBe(0);

    h.settings.present = true;
    h.runner.check();
    await settle();
    expect(h.runner.current.hasEndpoint).toBe(true);
    expect(submitBlock(h.runner.current)).toBeNull();
    expect(h.server.lookupCalls).toBe(1);
  });
});

describe('SubmissionRunner: 说明 for warnings', () => {
  it('asks for a 说明; writes the typed text (trimmed) into the 说明 cell, checks again without asking the server, then 提交 is open', async () => {
    const { grid, noteCell } = gridNeedingNote();
    const h = await checkedHarness({ grid });
    expect(readySheet(h.runner.current)?.notes).toEqual([expect.objectContaining({ noteCell })]);
    expect(submitBlock(h.runner.current)).toBe('notes');
    expect(canWriteNotes(h.runner.current)).toBe(false);

    h.runner.setDraft(noteCell, '   ');
    expect(canWriteNotes(h.runner.current)).toBe(false); // blank is not a 说明
    h.runner.setDraft(noteCell, '  受统计口径调整影响，数据偏低 ');
    expect(notesToWrite(h.runner.current)).toEqual([{ address: noteCell, value: '受统计口径调整影响，数据偏低' }]);
    const lookups = h.server.lookupCalls;
    const reads = h.sheet.reads;
    const seen = h.states.length;

    await h.runner.writeNotes();
    expect(h.written).toEqual([{ sheetName: model.sheetName, cells: [{ address: noteCell, value: '受统计口径调整影响，数据偏低' }] }]);
    expect(h.states.slice(seen).map((state) => state.notes.kind)).toContain('writing');
    expect(h.runner.current.notes).toEqual({ kind: 'written', count: 1 });
    expect(h.runner.current.drafts).toEqual({});
    expect(h.sheet.reads).toBe(reads + 1);
    expect(h.runner.current.sheet).toMatchObject({ kind: 'checked', outcome: { kind: 'ready', acceptable: true, notes: [] } });
    expect(h.server.lookupCalls).toBe(lookups);
    expect(submitBlock(h.runner.current)).toBeNull();

    // 提交 turns the notes' confirmation into the submission's outcome
    await h.runner.submit();
    expect(h.runner.current.notes).toEqual({ kind: 'idle' });
    expect(h.server.submitCalls[0]?.document.values.find((value) => value.note === '受统计口径调整影响，数据偏低')).toBeDefined();
  });

  it('a failed write keeps what was typed and says why', async () => {
    const { grid, noteCell } = gridNeedingNote();
    const h = await checkedHarness({ grid });
    h.runner.setDraft(noteCell, '原因');
    const failure = new Error('sheet protected');
    h.failNextWrite.error = failure;
    await h.runner.writeNotes();
    expect(h.runner.current.notes).toEqual({ kind: 'failed', error: failure });
    expect(h.runner.current.drafts).toEqual({ [noteCell]: '原因' });
    expect(submitBlock(h.runner.current)).toBe('notes');
  });
});

describe('SubmissionRunner: sending', () => {
  it('sending → sent with the receipt, then the status: awaiting review', async () => {
    const h = await checkedHarness();
    let release!: () => void;
    h.server.gate = new Promise((resolve) => (release = resolve));
    const submitting = h.runner.submit();
    await settle();
    expect(h.runner.current.send).toEqual({ kind: 'sending' });
    expect(canSubmit(h.runner.current)).toBe(false);
    release();
    await submitting;
    await settle();
    const { send } = h.runner.current;
    expect(send).toMatchObject({ kind: 'sent', replayed: false, replaced: false, delivery: { receipt: { version: 1, submissionId: 'sub_1' } } });
    expect(h.runner.current.server).toMatchObject({ kind: 'loaded', review: { kind: 'awaitingReview', version: 1 } });
    expect(h.server.submitCalls.map((call) => call.key)).toEqual(['key-1']);
    // the same sheet again would only store the same version twice: blocked, and 提交 sends nothing
    expect(submitBlock(h.runner.current)).toBe('unchanged');
    await h.runner.submit();
    await settle();
    expect(h.server.submitCalls).toHaveLength(1);
    // once the sheet changes, a second 提交 is a new version with a new key
    const changed = model.dataRows[0];
    if (!changed) throw new Error('no row');
    put(h.sheet.grid as EditableGrid, cellOf(changed, 'note'), '已与年报核对');
    h.runner.check();
    await settle();
    expect(submitBlock(h.runner.current)).toBeNull();
    await h.runner.submit();
    await settle();
    expect(h.runner.current.send).toMatchObject({ kind: 'sent', delivery: { receipt: { version: 2 } } });
    expect(h.server.submitCalls.map((call) => call.key)).toEqual(['key-1', 'key-2']);
  });

  it('remembers what was delivered: a pane opened later blocks the unchanged sheet too, unless the server lacks that version', async () => {
    const store = breakableStore();
    const server = new LookupEndpoint('fl');
    const first = await checkedHarness({ store, server });
    await first.runner.submit();
    await settle();
    expect(first.runner.current.send).toMatchObject({ kind: 'sent', delivery: { receipt: { version: 1 } } });
    first.stop();

    // the pane reopened on the same workbook: the delivery is remembered with what it said
    const reopened = await checkedHarness({ store, server });
    expect(reopened.runner.current.send).toEqual({ kind: 'idle' });
    expect(reopened.runner.current.delivered).toMatchObject([{ workbookKey: WORKBOOK, plan: 'children', year: 2025, organisationId: 'fl', receipt: { version: 1 } }]);
    expect(submitBlock(reopened.runner.current)).toBe('unchanged');
    await reopened.runner.submit();
    await settle();
    expect(server.submitCalls).toHaveLength(1);
    reopened.stop();

    // returned by the bureau, the same sheet may be sent again: that is the person's answer, not an accident
    server.review('children', 2025, 'fl', 'returned', '请核实');
    const returned = await checkedHarness({ store, server });
    expect(returned.runner.current.server).toMatchObject({ kind: 'loaded', detail: { status: 'returned' } });
    expect(submitBlock(returned.runner.current)).toBeNull();
    returned.stop();

    // a server that does not have it (restored from an older backup) takes it again
    const restored = new LookupEndpoint('fl');
    const afterRestore = await checkedHarness({ store, server: restored });
    expect(afterRestore.runner.current.server).toMatchObject({ kind: 'loaded', detail: null });
    expect(submitBlock(afterRestore.runner.current)).toBeNull();
  });

  it('checks the sheet as it is now before sending, quietly: an error found then sends nothing', async () => {
    const h = await checkedHarness();
    h.sheet.grid = gridWithError().grid;
    const seen = h.states.length;
    await h.runner.submit();
    expect(h.states.slice(seen).map((state) => state.sheet.kind)).not.toContain('reading');
    expect(h.runner.current.send).toEqual({ kind: 'idle' });
    expect(submitBlock(h.runner.current)).toBe('errors');
    expect(h.server.submitCalls).toEqual([]);
  });

  it('server down: the status is unavailable, the submission queued with its next attempt; the retry timer delivers it once', async () => {
    const server = new LookupEndpoint('fl');
    server.down = true;
    const h = await checkedHarness({ server });
    expect(h.runner.current.server).toMatchObject({ kind: 'unavailable', error: expect.any(EndpointError) });
    expect(canSubmit(h.runner.current)).toBe(true); // the queue takes it

    await h.runner.submit();
    expect(h.runner.current.send).toMatchObject({ kind: 'queued', replaced: false, entry: { id: 'key-1', attempts: 1, nextAttemptAt: START + 5_000 } });
    expect(h.runner.current.waiting.map((entry) => entry.id)).toEqual(['key-1']);

    server.down = false;
    h.clock.now = START + 5_000;
    await h.fireTimers();
    expect(h.runner.current.send).toMatchObject({ kind: 'sent', replayed: false, delivery: { id: 'key-1', receipt: { version: 1 } } });
    expect(h.runner.current.waiting).toEqual([]);
    expect(h.runner.current.server).toMatchObject({ kind: 'loaded', review: { kind: 'awaitingReview', version: 1 } });
    expect(server.submitCalls.map((call) => call.key)).toEqual(['key-1', 'key-1']);
  });

  it('a lost answer retried is a replay: sent, "already received", one version stored', async () => {
    const h = await checkedHarness();
    h.server.loseAnswers = 1;
    await h.runner.submit();
    expect(h.runner.current.send).toMatchObject({ kind: 'queued', entry: { id: 'key-1' } });

    const seen = h.states.length;
    await h.runner.retry('key-1');
    expect(h.states.slice(seen).map((state) => state.retrying)).toContain('key-1');
    expect(h.runner.current.retrying).toBeNull();
    expect(h.runner.current.send).toMatchObject({ kind: 'sent', replayed: true, delivery: { receipt: { version: 1 } } });
    expect(h.server.storedVersions()).toHaveLength(1);
  });

  it('a second submission while the first waits replaces it, and says so', async () => {
    const server = new LookupEndpoint('fl');
    server.down = true;
    const h = await checkedHarness({ server });
    await h.runner.submit();
    await h.runner.submit();
    expect(h.runner.current.send).toMatchObject({ kind: 'queued', replaced: true, entry: { id: 'key-2' } });
    expect(h.runner.current.waiting.map((entry) => entry.id)).toEqual(['key-2']);
  });

  it('a refusal needs attention with the server\'s message; removed from the queue, nothing more is shown', async () => {
    const h = await checkedHarness();
    h.server.refuseWith = new EndpointError('unauthorized', '访问令牌无效或已被撤销', 'The token is invalid', { status: 401, retryable: false });
    await h.runner.submit();
    expect(h.runner.current.send).toMatchObject({ kind: 'attention', entry: { id: 'key-1', state: 'attention', lastError: { zh: '访问令牌无效或已被撤销' } } });

    await h.runner.discard('key-1');
    expect(h.runner.current.send).toEqual({ kind: 'idle' });
    expect(h.runner.current.waiting).toEqual([]);
  });

  it('a failure before the outbox took it (the storage refused) is a failed send with its error', async () => {
    const h = await checkedHarness();
    h.store.failWrites = true;
    await h.runner.submit();
    expect(h.runner.current.send).toMatchObject({ kind: 'failed', error: expect.objectContaining({ message: 'QuotaExceededError' }) });
  });

  it('a submission left waiting by an earlier pane is sent when the runner starts, and shows its receipt', async () => {
    const store = breakableStore();
    const server = new LookupEndpoint('fl');
    server.down = true;
    const earlier = await checkedHarness({ store, server });
    await earlier.runner.submit();
    expect(earlier.runner.current.send.kind).toBe('queued');
    earlier.stop(); // the pane is closed

    server.down = false;
    const later = harness({ store, server });
    later.runner.start(); // the outbox sends what waits as the pane opens
    await settle();
    expect(later.runner.current.send).toMatchObject({ kind: 'sent', delivery: { id: 'key-1', receipt: { version: 1 } } });
    expect(later.runner.current.waiting).toEqual([]);
    expect(server.storedVersions()).toHaveLength(1);
  });

  it('reports unreadable outbox data that was set aside', async () => {
    const store = breakableStore();
    store.set(OUTBOX_KEY, '{not json');
    const h = await checkedHarness({ store });
    expect(h.runner.current.corruption).toMatchObject({ dropped: 'all', copyKey: expect.stringContaining('xpm.outbox.corrupt.') });
  });
});

describe('SubmissionRunner: the status on the server', () => {
  it('returned with the bureau\'s comment: can be submitted again', async () => {
    const server = new LookupEndpoint('fl');
    await storedEarlier(server);
    server.review('children', 2025, 'fl', 'returned', '请核实C-WEL-16的数据来源后重新报送');
    const h = await checkedHarness({ server });
    expect(h.runner.current.server).toMatchObject({ kind: 'loaded', review: { kind: 'returned', version: 1, comment: '请核实C-WEL-16的数据来源后重新报送' } });
    expect(submitBlock(h.runner.current)).toBeNull();
  });

  it('approved: locked, 提交 is blocked and does nothing', async () => {
    const server = new LookupEndpoint('fl');
    await storedEarlier(server);
    server.review('children', 2025, 'fl', 'approved');
    const h = await checkedHarness({ server });
    expect(h.runner.current.server).toMatchObject({ kind: 'loaded', review: { kind: 'approved', version: 1 } });
    expect(submitBlock(h.runner.current)).toBe('approved');
    await h.runner.submit();
    expect(server.submitCalls.map((call) => call.key)).toEqual(['earlier']);
    expect(h.runner.current.send).toEqual({ kind: 'idle' });
  });

  it('刷新状态 asks again; a newer lookup aborts the older, whose late answer is dropped', async () => {
    const server = new LookupEndpoint('fl');
    const h = await checkedHarness({ server });
    expect(h.runner.current.server).toMatchObject({ kind: 'loaded', detail: null });
    await storedEarlier(server);
    const stored = await server.findSubmission('children', 2025, 'fl');
    server.hold = true;
    h.runner.refreshStatus();
    expect(h.runner.current.server).toEqual({ kind: 'loading' });
    h.runner.refreshStatus();
    const [older, newer] = server.lookups;
    expect(older?.signal?.aborted).toBe(true);
    expect(newer?.signal?.aborted).toBe(false);
    newer?.answer.resolve(stored);
    await settle();
    expect(h.runner.current.server).toMatchObject({ kind: 'loaded', review: { kind: 'awaitingReview', version: 1 } });
    older?.answer.resolve(null); // the aborted one answering anyway (a server that ignores the abort)
    await settle();
    expect(h.runner.current.server).toMatchObject({ kind: 'loaded', review: { kind: 'awaitingReview', version: 1 } });
  });
});

describe('SubmissionRunner: stale work', () => {
  it('a newer check supersedes an older one that finishes later', async () => {
    const h = harness();
    h.runner.start();
    h.sheet.holdReads = true;
    h.runner.check();
    h.runner.check();
    await settle();
    const [older, newer] = h.sheet.pending;
    newer?.resolve(acceptableGrid());
    await settle();
    older?.resolve(notATemplate);
    await settle();
    expect(h.runner.current.sheet).toMatchObject({ kind: 'checked', outcome: { kind: 'ready' } });
    // and an older failure does not replace the newer outcome either
    h.runner.check();
    h.runner.check();
    await settle();
    const [, , third, fourth] = h.sheet.pending;
    fourth?.resolve(acceptableGrid());
    await settle();
    third?.reject(new Error('late'));
    await settle();
    expect(h.runner.current.sheet.kind).toBe('checked');
  });

  it('stopped (the view unmounted): nothing in flight reaches the state, the outbox is left and its retries stop; started again it carries on', async () => {
    const server = new LookupEndpoint('fl');
    server.down = true;
    const h = await checkedHarness({ server });
    await h.runner.submit(); // queued: a retry timer is armed
    expect(h.outbox.nextAttemptAt()).toBe(START + 5_000);
    expect(h.runner.start()).toBeInstanceOf(Function); // already started: nothing happens
    expect(h.outbox.nextAttemptAt()).toBe(START + 5_000);

    h.sheet.holdReads = true;
    h.runner.check(); // a check in flight
    await settle();
    const reads = h.sheet.reads;
    const seen = h.states.length;
    h.stop();
    expect(h.outbox.nextAttemptAt()).toBeNull(); // nobody follows the outbox: no retries while closed
    h.sheet.pending[0]?.resolve(notATemplate);
    server.down = false;
    await h.outbox.retry('key-1'); // another pane delivers it meanwhile
    await settle();
    expect(h.states.length).toBe(seen);
    // a stopped runner's actions do nothing
    h.runner.check();
    await h.runner.submit();
    await settle();
    expect(h.sheet.reads).toBe(reads);
    expect(server.submitCalls.map((call) => call.key)).toEqual(['key-1', 'key-1']);
    expect(h.states.length).toBe(seen);

    // started again (development's double effects; a view shown again): it picks up where the outbox is
    h.sheet.holdReads = false;
    h.stop = h.runner.start();
    await settle();
    expect(h.runner.current.send).toMatchObject({ kind: 'sent', delivery: { id: 'key-1' } });
    expect(h.runner.current.waiting).toEqual([]);
    h.runner.check();
    await settle();
    expect(h.runner.current.sheet).toMatchObject({ kind: 'checked', outcome: { kind: 'ready' } });
  });
});
