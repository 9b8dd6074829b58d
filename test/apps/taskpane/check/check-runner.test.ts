import type { Catalog } from '../../../../src/core/catalog/catalog';
import { CheckRunner, RECHECK_DELAY_MS, type CheckRunnerState, type Schedule } from '../../../../src/apps/taskpane/check/check-runner';
import type { CheckSheetOutcome, SheetChange, WorkbookPort } from '../../../../src/workbook/workbook-port';

const catalog = {} as Catalog;

/** A port whose checks finish when the test says so, recording which sheet each was asked for. */
function scriptedPort(watch: 'on' | 'null' = 'on') {
  const calls: (string | undefined)[] = [];
  const pending: ((outcome: CheckSheetOutcome) => void)[] = [];
  let listener: ((change: SheetChange) => void) | undefined;
  let stopped = 0;
  const port: WorkbookPort = {
    insertTemplate: () => Promise.reject(new Error('unused')),
    read: () => Promise.reject(new Error('unused')),
    selectCell: () => Promise.resolve(),
    writeCells: () => Promise.resolve(),
    sheetNames: () => Promise.reject(new Error('unused')),
    check: (_catalog, _language, sheetName) => {
      calls.push(sheetName);
      return new Promise((resolve) => pending.push(resolve));
    },
    watchChanges: (next) => {
      listener = next;
      return Promise.resolve(watch === 'on' ? async () => void (stopped += 1) : null);
    },
  };
  const finish = async (sheetName = '儿童2025-桂山街道', kind: CheckSheetOutcome['kind'] = 'template') => {
    const resolve = pending.shift();
    if (!resolve) throw new Error('no check is running');
    resolve({ kind, sheetName } as CheckSheetOutcome);
    await flush();
  };
  const edit = () => listener?.({ sheetId: '{1}', sheetName: '儿童2025-桂山街道', address: 'K5', source: 'local' });
  return { port, calls, finish, edit, running: () => pending.length, stopped: () => stopped };
}

/** A timer the test fires by hand. */
function manualTimers() {
  const tasks: { task: () => void; ms: number; cancelled: boolean }[] = [];
  const schedule: Schedule = (task, ms) => {
    const entry = { task, ms, cancelled: false };
    tasks.push(entry);
    return () => void (entry.cancelled = true);
  };
  const live = () => tasks.filter((entry) => !entry.cancelled);
  const fire = () => {
    const due = live();
    for (const entry of due) entry.cancelled = true;
    for (const entry of due) entry.task();
  };
  return { schedule, live, fire };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function runner(port: WorkbookPort, schedule: Schedule) {
  const states: CheckRunnerState[] = [];
  const created = new CheckRunner({ workbook: port, loadCatalog: () => Promise.resolve(catalog), language: 'zh-CN', onChange: (state) => states.push(state), schedule });
  return { created, states };
}

describe('CheckRunner', () => {
  it('never runs two checks at once: requests meanwhile become one more check after it', async () => {
    const script = scriptedPort();
    const timers = manualTimers();
    const { created } = runner(script.port, timers.schedule);
    created.checkNow();
    created.checkNow();
    created.checkNow();
    await flush();
    expect(script.running()).toBe(1);
    await script.finish();
    expect(script.calls).toEqual([undefined, undefined]); // the three presses: one check, then one more
    expect(script.running()).toBe(1);
    await script.finish();
    expect(script.calls).toHaveLength(2);
    expect(created.current).toMatchObject({ busy: false, finished: 2, live: { kind: 'on' } });
  });

  it('re-checks the checked sheet once people pause, however many edits came before', async () => {
    const script = scriptedPort();
    const timers = manualTimers();
    const { created } = runner(script.port, timers.schedule);
    created.checkNow();
    await flush();
    await script.finish('儿童2025-桂山街道');
    await flush();
    script.edit();
    script.edit();
    script.edit();
    expect(timers.live()).toEqual([expect.objectContaining({ ms: RECHECK_DELAY_MS })]); // one pending timer: debounced
    expect(script.calls).toEqual([undefined]);
    timers.fire();
    await flush();
    expect(script.calls).toEqual([undefined, '儿童2025-桂山街道']); // by name: the sheet that was checked
    // an edit while that re-check runs: coalesced into one more afterwards, never overlapping
    script.edit();
    timers.fire();
    await flush();
    expect(script.running()).toBe(1);
    await script.finish();
    expect(script.calls).toHaveLength(3);
    await script.finish();
    expect(created.current.busy).toBe(false);
  });

  it('does not re-check before the first check, nor after a sheet that is not a template', async () => {
    const script = scriptedPort();
    const timers = manualTimers();
    const { created } = runner(script.port, timers.schedule);
    script.edit();
    expect(timers.live()).toEqual([]);
    created.checkNow();
    await flush();
    await script.finish('Sheet1', 'notTemplate');
    await flush();
    expect(created.current.live).toEqual({ kind: 'on' }); // listening: the next check may be of a template
    script.edit();
    expect(timers.live()).toEqual([]);
    created.checkNow();
    await flush();
    await script.finish('儿童2025-桂山街道');
    script.edit();
    expect(timers.live()).toHaveLength(1);
  });

  it('says when the host cannot report changes, and stops listening when disposed', async () => {
    const unavailable = scriptedPort('null');
    const first = runner(unavailable.port, manualTimers().schedule);
    first.created.checkNow();
    await flush();
    await unavailable.finish();
    await flush();
    expect(first.created.current.live).toEqual({ kind: 'unavailable' });

    const script = scriptedPort();
    const timers = manualTimers();
    const second = runner(script.port, timers.schedule);
    second.created.checkNow();
    await flush();
    await script.finish();
    await flush();
    script.edit();
    await second.created.dispose();
    expect(script.stopped()).toBe(1);
    expect(timers.live()).toEqual([]);
    script.edit();
    expect(timers.live()).toEqual([]);
  });

  it('reports a failure, tries the catalog again next time, and keeps going', async () => {
    const script = scriptedPort();
    let loads = 0;
    const created = new CheckRunner({
      workbook: script.port,
      loadCatalog: () => (++loads === 1 ? Promise.reject(new Error('offline')) : Promise.resolve(catalog)),
      language: 'zh-CN',
      onChange: () => undefined,
      schedule: manualTimers().schedule,
    });
    created.checkNow();
    await flush();
    expect(created.current.result).toEqual({ kind: 'failed', error: new Error('offline') });
    expect(created.current.busy).toBe(false);
    created.checkNow();
    await flush();
    await script.finish();
    expect(created.current.result).toMatchObject({ kind: 'done', outcome: { kind: 'template' } });
    expect(loads).toBe(2);
  });
});
