import type { Rect } from './addresses';
import type { FakeChange, FakeEvents } from './fake-events';
import type { FakeWorkbook } from './fake-workbook';
import { EXCEL_API, apiNotFoundMessage, type ExcelMember } from './requirement-sets';

/** An Office.js-style error: `code` is what Office.js puts there (ItemNotFound, InvalidArgument, ApiNotFound …). */
export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

/** One `context.sync()`: how many queued actions it sent and their payload (UTF-8 bytes of their JSON). */
export interface SyncRecord {
  readonly run: number;
  readonly actions: number;
  readonly payloadBytes: number;
  /** What the loads of the sync brought back (UTF-8 bytes of their JSON). */
  readonly responseBytes: number;
  /** Sent by Excel.run itself because actions were still queued when the batch returned. */
  readonly implicit: boolean;
}

interface QueuedAction {
  readonly apply: () => void;
  readonly bytes: number;
}

/** What the context needs from its host. */
export interface ContextHost {
  readonly book: FakeWorkbook;
  readonly events: FakeEvents;
  supports(version: string): boolean;
  record(sync: SyncRecord): void;
  /** Every Excel member the add-in asked for (the requirement-set audit reads it). */
  touch(member: ExcelMember): void;
  /** Excel on the web refuses a request or a response over 5 MB (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded). */
  readonly requestLimitBytes?: number;
  readonly responseLimitBytes?: number;
  readonly freezeNeedsActiveSheet?: boolean;
  /**
   * Before each sync: a person is editing a cell. Without `delayForCellEdit` the batch fails
   * (InvalidOperationInCellEditMode); with it (ExcelApi 1.11) the sync waits until the edit ends.
   */
  beforeSync(delayForCellEdit: boolean): Promise<void>;
}

function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/**
 * The fake RequestContext: property writes and method calls are queued and applied, in order, at
 * `sync()`; loaded values appear only then. Every sync is recorded with its payload.
 */
export class FakeRequestContext {
  private queue: QueuedAction[] = [];
  private changes: FakeChange[] = [];
  private added: string[] = [];
  private selection: { sheetId: string; rect: Rect } | undefined;
  private responseBytes = 0;
  private book_?: unknown;
  /** The RunOptions of the Excel.run this context belongs to (`delayForCellEdit`). */
  delayForCellEdit = false;
  /** The host's build refuses to freeze a sheet that is not the active one (FakeExcelOptions.freezeNeedsActiveSheet). */
  get freezeNeedsActiveSheet(): boolean {
    return this.host.freezeNeedsActiveSheet === true;
  }
  /**
   * Inside Excel.run (or Excel.run(context, …), which resumes it). Like Office.js, a context is not used
   * after its run ended: queuing or syncing then throws, so removing an event handler must go through
   * `host.resume(handler.context, …)` as Microsoft documents.
   */
  active = false;

  constructor(
    readonly host: ContextHost,
    readonly run: number,
  ) {}

  /** `context.workbook` (the host sets it once, when the run begins). */
  get workbook(): unknown {
    this.require('RequestContext.workbook');
    return this.book_;
  }
  set workbook(workbook: unknown) {
    this.book_ = workbook;
  }

  get book(): FakeWorkbook {
    return this.host.book;
  }

  get events(): FakeEvents {
    return this.host.events;
  }

  /** Called by an action as it is applied: a change of cell data, whose onChanged event follows the sync. */
  changed(change: FakeChange): void {
    this.changes.push(change);
  }

  /** Called by Range.select as it is applied: onSelectionChanged follows the sync. */
  selected(sheetId: string, rect: Rect): void {
    this.selection = { sheetId, rect };
  }

  /** Called by an action as it is applied: a sheet was added (WorksheetCollection.onAdded follows the sync). */
  sheetAdded(sheetId: string): void {
    this.added.push(sheetId);
  }

  /** Queues an action; its payload is the JSON of what would go over the wire. */
  enqueue(path: string, member: string, args: readonly unknown[], apply: () => void): void {
    this.assertActive(`${path}.${member}`);
    const bytes = utf8Bytes(JSON.stringify({ o: path, m: member, a: args }));
    this.queue.push({ apply, bytes });
  }

  /**
   * Throws ApiNotFound when the host lacks the requirement set of an Excel member (like calling an API an old
   * Excel lacks). The sets are declared in requirement-sets.ts (and checked against @types/office-js).
   */
  require(member: ExcelMember): void {
    this.host.touch(member);
    if (!this.host.supports(EXCEL_API[member])) throw new FakeOfficeError('ApiNotFound', apiNotFoundMessage(member));
  }

  /** Called by a load as it is applied: what it brings back counts toward the response's size. */
  responded(value: unknown): void {
    this.responseBytes += utf8Bytes(JSON.stringify(value) ?? '');
  }

  get pending(): number {
    return this.queue.length;
  }

  private assertActive(what: string): void {
    if (!this.active) {
      throw new FakeOfficeError('InvalidOperation', `${what}: this request context's Excel.run has ended (resume it with Excel.run(context, batch))`);
    }
  }

  async sync(implicit = false): Promise<void> {
    this.assertActive('context.sync');
    const actions = this.queue;
    this.queue = [];
    const payloadBytes = actions.reduce((sum, action) => sum + action.bytes, 0);
    await this.host.beforeSync(this.delayForCellEdit);
    if (this.host.requestLimitBytes !== undefined && payloadBytes > this.host.requestLimitBytes) {
      this.host.record({ run: this.run, actions: actions.length, payloadBytes, responseBytes: 0, implicit });
      throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', `The request payload size (${payloadBytes} bytes) has exceeded the limit (${this.host.requestLimitBytes} bytes).`);
    }
    await Promise.resolve();
    this.responseBytes = 0;
    try {
      for (const action of actions) action.apply();
      if (this.host.responseLimitBytes !== undefined && this.responseBytes > this.host.responseLimitBytes) {
        throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', `The response payload size (${this.responseBytes} bytes) has exceeded the limit (${this.host.responseLimitBytes} bytes).`);
      }
    } finally {
      this.host.record({ run: this.run, actions: actions.length, payloadBytes, responseBytes: this.responseBytes, implicit });
      // like Excel: what was applied raises its events after the sync (also when a later action failed)
      const changes = this.changes;
      const added = this.added;
      const selection = this.selection;
      this.changes = [];
      this.added = [];
      this.selection = undefined;
      this.host.events.afterSync(changes, added, selection);
    }
  }
}

/** A proxy object: scalar properties can be read only after load() and a sync(). */
export abstract class FakeProxy {
  private readonly loaded = new Map<string, unknown>();

  constructor(
    protected readonly context: FakeRequestContext,
    readonly path: string,
  ) {}

  /** The properties load() accepts, each with the Excel member it is (loading it needs that member's set). */
  protected abstract readonly loadable: Readonly<Record<string, ExcelMember>>;

  /** This class's `load` ("Range.load"). */
  protected abstract readonly loadMember: ExcelMember;

  /** The current value of a loadable property, taken at sync time. */
  protected abstract snapshot(property: string): unknown;

  load(properties?: string | readonly string[]): this {
    this.context.require(this.loadMember);
    const names = parseLoad(properties, Object.keys(this.loadable));
    for (const name of names) {
      const member = Object.hasOwn(this.loadable, name) ? this.loadable[name] : undefined;
      if (!member) throw new FakeOfficeError('InvalidArgument', `${this.path}: cannot load "${name}"`);
      this.context.require(member);
    }
    this.context.enqueue(this.path, 'load', names, () => {
      for (const name of names) {
        const value = this.snapshot(name);
        this.context.responded(value);
        this.loaded.set(name, value);
      }
    });
    return this;
  }

  protected read<T>(property: string): T {
    if (!this.loaded.has(property)) {
      throw new FakeOfficeError(
        'PropertyNotLoaded',
        `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.loaded.get(property) as T;
  }

  /** Marks a property as known without a load (as Office.js does for `isNullObject` after a sync). */
  protected know(property: string, value: unknown): void {
    this.loaded.set(property, value);
  }

  protected queue(member: string, args: readonly unknown[], apply: () => void): void {
    this.context.enqueue(this.path, member, args, apply);
  }

  toJSON(): unknown {
    return { ref: this.path };
  }
}

export function parseLoad(properties: string | readonly string[] | undefined, all: readonly string[]): string[] {
  if (properties === undefined) return [...all];
  const list = typeof properties === 'string' ? properties.split(',') : [...properties];
  return list.map((name) => name.trim()).filter((name) => name !== '');
}

export function invalid(message: string): FakeOfficeError {
  return new FakeOfficeError('InvalidArgument', message);
}
