/**
 * The Check view's engine, without React: runs 检查 through the WorkbookPort (never two at a time: a
 * request while one runs is kept and run once after it, the newest winning), and once a check has run it
 * listens for people's edits and re-checks the same sheet after they pause (debounced). The add-in's own
 * writes (its flags, notes, templates) never trigger a re-check: the port does not report them.
 */
import type { Catalog } from '../../../core/catalog/catalog';
import type { Language } from '../../../core/i18n/message';
import type { CheckSheetOutcome, SheetChange, WorkbookPort } from '../../../workbook/workbook-port';

/** The default pause after people's last edit before re-checking (ms). */
export const RECHECK_DELAY_MS = 800;

/** Runs `task` after `ms`; returns a function that cancels it. */
export type Schedule = (task: () => void, ms: number) => () => void;

/** What the view shows. */
export type CheckResult =
  | { readonly kind: 'idle' }
  | { readonly kind: 'done'; readonly outcome: CheckSheetOutcome; readonly catalog: Catalog; readonly language: Language }
  | { readonly kind: 'failed'; readonly error: unknown };

/** Whether changes are followed: not yet (no check yet), on, not possible in this Excel, or failed to start. */
export type LiveState =
  | { readonly kind: 'off' }
  | { readonly kind: 'on' }
  | { readonly kind: 'unavailable' }
  | { readonly kind: 'failed'; readonly error: unknown };

export interface CheckRunnerState {
  readonly result: CheckResult;
  /** A check is running. */
  readonly busy: boolean;
  readonly live: LiveState;
  /** Checks finished so far (with an outcome or a failure). */
  readonly finished: number;
}

export const INITIAL_CHECK_STATE: CheckRunnerState = { result: { kind: 'idle' }, busy: false, live: { kind: 'off' }, finished: 0 };

export interface CheckRunnerOptions {
  readonly workbook: WorkbookPort;
  readonly loadCatalog: () => Promise<Catalog>;
  readonly language: Language;
  readonly onChange: (state: CheckRunnerState) => void;
  /** Pause after people's last edit before re-checking (default RECHECK_DELAY_MS). */
  readonly recheckDelayMs?: number;
  /** Default: setTimeout. */
  readonly schedule?: Schedule;
}

/** Which sheet to check: the active one (the button), or a named one (a re-check of the sheet checked). */
interface Request {
  readonly sheetName?: string;
}

const timeoutSchedule: Schedule = (task, ms) => {
  const id = setTimeout(task, ms);
  return () => clearTimeout(id);
};

export class CheckRunner {
  private state: CheckRunnerState = INITIAL_CHECK_STATE;
  private running = false;
  private queued: Request | undefined;
  private catalog: Promise<Catalog> | undefined;
  /** The template sheet re-checked after edits: the last one checked. */
  private liveTarget: string | undefined;
  private cancelTimer: (() => void) | undefined;
  private watching = false;
  private stop: (() => Promise<void>) | undefined;
  private disposed = false;
  private readonly delay: number;
  private readonly schedule: Schedule;

  constructor(private readonly options: CheckRunnerOptions) {
    this.delay = options.recheckDelayMs ?? RECHECK_DELAY_MS;
    this.schedule = options.schedule ?? timeoutSchedule;
  }

  get current(): CheckRunnerState {
    return this.state;
  }

  /** 检查当前工作表: the active sheet. */
  checkNow(): void {
    this.request({});
  }

  /** Stops listening and forgets pending work (the view is gone). */
  async dispose(): Promise<void> {
    this.disposed = true;
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    this.queued = undefined;
    const stop = this.stop;
    this.stop = undefined;
    await stop?.().catch(() => undefined);
  }

  private update(change: Partial<CheckRunnerState>): void {
    if (this.disposed) return;
    this.state = { ...this.state, ...change };
    this.options.onChange(this.state);
  }

  private request(request: Request): void {
    if (this.disposed) return;
    if (this.running) {
      // coalesce: one check after the running one; the button (active sheet) wins over a re-check
      this.queued = this.queued?.sheetName === undefined && this.queued !== undefined ? this.queued : request;
      return;
    }
    void this.run(request);
  }

  private async run(request: Request): Promise<void> {
    this.running = true;
    this.update({ busy: true });
    try {
      const catalog = await this.loadCatalog();
      const outcome = await this.options.workbook.check(catalog, this.options.language, request.sheetName);
      // re-check after edits only a template sheet, and the one just checked
      this.liveTarget = outcome.kind === 'template' ? outcome.sheetName : undefined;
      this.update({ result: { kind: 'done', outcome, catalog, language: this.options.language }, finished: this.state.finished + 1 });
      void this.startWatching();
    } catch (error) {
      this.update({ result: { kind: 'failed', error }, finished: this.state.finished + 1 });
    } finally {
      this.running = false;
      const next = this.queued;
      this.queued = undefined;
      if (next && !this.disposed) void this.run(next);
      else this.update({ busy: false });
    }
  }

  private loadCatalog(): Promise<Catalog> {
    if (!this.catalog) {
      const loading = this.options.loadCatalog();
      this.catalog = loading;
      loading.catch(() => {
        if (this.catalog === loading) this.catalog = undefined; // try again next time
      });
    }
    return this.catalog;
  }

  private async startWatching(): Promise<void> {
    if (this.watching || this.disposed) return;
    this.watching = true;
    try {
      const stop = await this.options.workbook.watchChanges((change) => this.onSheetChange(change));
      if (this.disposed) {
        await stop?.().catch(() => undefined);
        return;
      }
      if (stop === null) {
        this.update({ live: { kind: 'unavailable' } });
        return;
      }
      this.stop = stop;
      this.update({ live: { kind: 'on' } });
    } catch (error) {
      this.watching = false; // the next check tries again
      this.update({ live: { kind: 'failed', error } });
    }
  }

  /** A person's (or co-author's) edit somewhere in the workbook: re-check the sheet after they pause. */
  private onSheetChange(_change: SheetChange): void {
    // Not filtered by sheet: the names events carry can be stale after a rename, and a re-check of a sheet
    // nobody touched costs two round trips and draws nothing new.
    if (this.disposed || this.liveTarget === undefined) return;
    const target = this.liveTarget;
    this.cancelTimer?.();
    this.cancelTimer = this.schedule(() => {
      this.cancelTimer = undefined;
      this.request({ sheetName: target });
    }, this.delay);
  }
}
