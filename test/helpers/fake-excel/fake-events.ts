import { rectName, type Rect } from './addresses';
import { FakeOfficeError, invalid, type FakeRequestContext } from './fake-context';
import { EXCEL_API, apiNotFoundMessage, type ExcelMember } from './requirement-sets';

/** What changed in a sheet, as Excel reports it in `WorksheetChangedEventArgs.changeType`. */
export type FakeChangeType = 'RangeEdited' | 'RowInserted' | 'RowDeleted' | 'ColumnInserted' | 'ColumnDeleted' | 'CellInserted' | 'CellDeleted';

/** One change applied in the workbook: which sheet, where, how. */
export interface FakeChange {
  readonly sheetId: string;
  readonly rect: Rect;
  readonly changeType: FakeChangeType;
}

/** Who made a change: a person here (Local), a co-author (Remote), or the add-in itself. */
export type FakeChangeOrigin = 'person' | 'coauthor' | 'addin';

type EventName = 'changed' | 'added' | 'selectionChanged';

/** Where a handler listens: the workbook's worksheet collection, or one sheet. */
type Scope = { readonly kind: 'collection' } | { readonly kind: 'sheet'; readonly sheetId: string };

interface Registration {
  readonly event: EventName;
  /** Resolved when the registration is sent (a sheet proxy is bound only at sync). */
  scope: Scope;
  readonly handler: (args: unknown) => unknown;
  readonly context: FakeRequestContext;
}

/** One event as it was handed out (tests read them). */
export interface FiredEvent {
  readonly event: EventName;
  readonly sheetId: string;
  readonly address: string;
  readonly origin: FakeChangeOrigin;
  /** How many handlers were called. */
  readonly handlers: number;
}

/** What the events need from the host. */
export interface EventsHost {
  supports(version: string): boolean;
  /** Records a member the add-in read (the requirement-set audit). */
  touch?(member: ExcelMember): void;
  /** Milliseconds between the sync that made a change and its event (Excel raises them afterwards). */
  readonly eventDelayMs: number;
}

/**
 * The event side of the fake Excel: handlers registered through `onChanged.add` / `onAdded.add` (active from
 * the sync that sends the registration until the sync that sends its removal), changes made by people
 * (handed out at once, through the host's `person*` helpers) and by the add-in's own batches (handed out
 * after the sync that applied them, like Excel). `WorksheetChangedEventArgs.triggerSource` exists only from
 * ExcelApi 1.14: reading it on an older host throws, so an adapter must ask for the requirement set first.
 */
export class FakeEvents {
  private registrations: Registration[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  /** Every event handed out, in order. */
  readonly fired: FiredEvent[] = [];
  /** What handlers threw or rejected with (Excel swallows it; tests should see it). */
  readonly handlerErrors: unknown[] = [];

  constructor(private readonly host: EventsHost) {}

  /** Handlers currently registered (after their sync), by event. */
  handlerCount(event: EventName = 'changed'): number {
    return this.registrations.filter((registration) => registration.event === event).length;
  }

  register(registration: Registration): void {
    this.registrations.push(registration);
  }

  unregister(registration: Registration): void {
    const index = this.registrations.indexOf(registration);
    if (index < 0) throw new FakeOfficeError('InvalidOperation', 'The event handler was not registered (or was removed already).');
    this.registrations.splice(index, 1);
  }

  /** Changes a batch of the add-in applied at a sync: their events come after the sync, like Excel's. */
  afterSync(changes: readonly FakeChange[], added: readonly string[], selected?: { readonly sheetId: string; readonly rect: Rect }): void {
    if (changes.length === 0 && added.length === 0 && !selected) return;
    this.later(async () => {
      for (const sheetId of added) await this.dispatch('added', sheetId, '', 'addin');
      for (const change of changes) await this.dispatch('changed', change.sheetId, rectName(change.rect), 'addin', change.changeType);
      if (selected) await this.dispatch('selectionChanged', selected.sheetId, rectName(selected.rect), 'addin');
    });
  }

  /** A person selected a range: onSelectionChanged now. */
  async personSelected(sheetId: string, address: string): Promise<number> {
    return this.dispatch('selectionChanged', sheetId, address, 'person');
  }

  /** A person's (or a co-author's) change, already in the workbook: its events are handed out now. */
  async personChanged(sheetId: string, address: string, origin: Exclude<FakeChangeOrigin, 'addin'>): Promise<number> {
    return this.dispatch('changed', sheetId, address, origin, 'RangeEdited');
  }

  /** Resolves once every event raised so far (and what their handlers started) has been handed out. */
  async settle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  private later(work: () => Promise<void>): void {
    const done = new Promise<void>((resolve) => {
      setTimeout(() => {
        work().then(resolve, resolve);
      }, this.host.eventDelayMs);
    });
    this.inFlight.add(done);
    void done.then(() => this.inFlight.delete(done));
  }

  private async dispatch(event: EventName, sheetId: string, address: string, origin: FakeChangeOrigin, changeType?: FakeChangeType): Promise<number> {
    const targets = this.registrations.filter(
      (registration) => registration.event === event && (registration.scope.kind === 'collection' || registration.scope.sheetId === sheetId),
    );
    this.fired.push({ event, sheetId, address, origin, handlers: targets.length });
    const results = targets.map((registration) => {
      const args =
        event === 'changed' ? this.changedArgs(sheetId, address, origin, changeType ?? 'RangeEdited')
        : event === 'added' ? this.addedArgs(sheetId, origin)
        : this.selectionArgs(sheetId, address);
      try {
        return Promise.resolve(registration.handler(args));
      } catch (error) {
        return Promise.reject(error);
      }
    });
    const settled = await Promise.allSettled(results);
    for (const outcome of settled) if (outcome.status === 'rejected') this.handlerErrors.push(outcome.reason);
    return targets.length;
  }

  private source(origin: FakeChangeOrigin): 'Local' | 'Remote' {
    return origin === 'coauthor' ? 'Remote' : 'Local';
  }

  /**
   * Event args whose every property checks its member's requirement set when read: `triggerSource` (1.14)
   * throws on an older host, so an adapter must ask for the requirement set first.
   */
  private eventArgs(members: Partial<Record<ExcelMember, unknown>>): object {
    const args = {};
    for (const [member, value] of Object.entries(members) as [ExcelMember, unknown][]) {
      const supports = () => this.host.supports(EXCEL_API[member]);
      const touch = () => this.host.touch?.(member);
      Object.defineProperty(args, member.slice(member.indexOf('.') + 1), {
        enumerable: true,
        get() {
          touch();
          if (!supports()) throw new FakeOfficeError('ApiNotFound', apiNotFoundMessage(member));
          return value;
        },
      });
    }
    return args;
  }

  private changedArgs(sheetId: string, address: string, origin: FakeChangeOrigin, changeType: FakeChangeType): object {
    return this.eventArgs({
      'WorksheetChangedEventArgs.type': 'WorksheetChanged',
      'WorksheetChangedEventArgs.worksheetId': sheetId,
      'WorksheetChangedEventArgs.address': address,
      'WorksheetChangedEventArgs.changeType': changeType,
      'WorksheetChangedEventArgs.source': this.source(origin),
      'WorksheetChangedEventArgs.triggerSource': origin === 'addin' ? 'ThisLocalAddin' : 'Unknown',
    });
  }

  private selectionArgs(sheetId: string, address: string): object {
    return this.eventArgs({
      'WorksheetSelectionChangedEventArgs.type': 'WorksheetSelectionChanged',
      'WorksheetSelectionChangedEventArgs.worksheetId': sheetId,
      'WorksheetSelectionChangedEventArgs.address': address,
    });
  }

  private addedArgs(sheetId: string, origin: FakeChangeOrigin): object {
    return this.eventArgs({
      'WorksheetAddedEventArgs.type': 'WorksheetAdded',
      'WorksheetAddedEventArgs.worksheetId': sheetId,
      'WorksheetAddedEventArgs.source': this.source(origin),
    });
  }
}

/** `OfficeExtension.EventHandlerResult`: removes its handler at the next sync of the context it was added in. */
export class FakeEventHandlerResult {
  constructor(
    readonly context: FakeRequestContext,
    private readonly registration: Registration,
    private readonly events: FakeEvents,
  ) {}

  remove(): void {
    this.context.enqueue('eventHandlers', 'remove', [], () => this.events.unregister(this.registration));
  }
}

/** `OfficeExtension.EventHandlers<T>` of one event of one object. */
export class FakeEventHandlers {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly event: EventName,
    /** The scope, resolved at sync (a sheet proxy is bound only then). */
    private readonly scope: () => Scope,
  ) {}

  add(handler: (args: never) => unknown): FakeEventHandlerResult {
    if (typeof handler !== 'function') throw invalid('an event handler must be a function');
    const events = this.context.events;
    const registration: Registration = { event: this.event, scope: { kind: 'collection' }, handler: handler as (args: unknown) => unknown, context: this.context };
    this.context.enqueue('eventHandlers', 'add', [], () => {
      registration.scope = this.scope();
      events.register(registration);
    });
    return new FakeEventHandlerResult(this.context, registration, events);
  }
}
