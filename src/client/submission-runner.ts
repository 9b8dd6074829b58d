/**
 * 提交的流程 / The submission's state machine, without React, Office.js or the workbook adapter, so the task
 * pane and the web app (department portal, bureau workspace) show the same receipts and statuses from one
 * copy:
 *
 *   pre-flight of the sheet (errors block; each warning needs a 说明)
 *     → 说明 typed and written into the sheet's 说明 cells, then checked again
 *     → sending through the outbox → sent (a receipt; or replayed: the server already had it)
 *                                  → queued (retried automatically) / needing attention / failed
 *     → the server's status of this plan, year and organisation: awaiting review, returned with the
 *       bureau's comment, approved and locked (no more 提交).
 *
 * Everything from outside is injected as plain functions (read the sheet, write the notes, the endpoint
 * client, the outbox, the clock), so the pane passes its workbook port and the tests pass fakes. The state is
 * one plain object, replaced on every change and sent to the subscribers. Stale work is dropped: a newer
 * pre-flight or status lookup supersedes an older one (the older lookup is aborted), and after `stop` (the
 * view unmounted) nothing in flight changes the state or reaches a subscriber.
 */
import type { Catalog } from '../core/catalog/catalog';
import type { SheetGrid } from '../core/template/read-template';
import type { SubmissionDetail } from '../contract/api';
import type { ClientInfo } from '../contract/submission-document';
import type { SubmissionDocument } from '../contract/submission-document';
import { documentFingerprint } from './document-fingerprint';
import type { EndpointClient } from './endpoint-client';
import type { Outbox, OutboxCorruption, OutboxDelivery, OutboxEntry, SubmitOutcome } from './outbox';
import { preflight, type PreflightOutcome } from './preflight';
import { reviewOf, type SubmissionReview } from './submission-review';

// ---- the state ------------------------------------------------------------------------------------------------

/** 工作表 / The sheet's pre-flight. */
export type SheetState =
  | { readonly kind: 'reading' }
  | { readonly kind: 'failed'; readonly error: unknown }
  /** `at`: when it was checked (the injected clock). */
  | { readonly kind: 'checked'; readonly catalog: Catalog; readonly outcome: PreflightOutcome; readonly at: number };

/** 写入说明 / Writing the typed 说明 into the sheet. */
export type NotesState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'writing' }
  | { readonly kind: 'written'; readonly count: number }
  | { readonly kind: 'failed'; readonly error: unknown };

/**
 * 本次提交 / The last submission made here, followed in the outbox until delivered. `replaced`: it replaced an
 * older one of the same report still waiting in the queue.
 */
export type SendState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'sending' }
  /** Stored by the server: its receipt. `replayed`: the server had it already (a retry after a lost answer). */
  | { readonly kind: 'sent'; readonly delivery: OutboxDelivery; readonly replayed: boolean; readonly replaced: boolean }
  /** Not delivered yet (network or server down, no settings): kept in the outbox and retried. */
  | { readonly kind: 'queued'; readonly entry: OutboxEntry; readonly replaced: boolean }
  /** Refused by the server (401, 409, 422 …): kept, not retried until the person acts. */
  | { readonly kind: 'attention'; readonly entry: OutboxEntry; readonly replaced: boolean }
  /** Failed here, before the outbox could take it (storage refused, a bug). */
  | { readonly kind: 'failed'; readonly error: unknown };

/** 服务器上的报表 / This plan, year and organisation's report on the server. */
export type ServerState =
  /** Nothing to ask: no submittable sheet, or no endpoint settings. */
  | { readonly kind: 'idle' }
  | { readonly kind: 'loading' }
  /** `detail` null: nothing submitted yet; else its `review`. `at`: when it was fetched. */
  | { readonly kind: 'loaded'; readonly detail: SubmissionDetail | null; readonly review: SubmissionReview | null; readonly at: number }
  | { readonly kind: 'unavailable'; readonly error: unknown };

export interface SubmissionState {
  readonly sheet: SheetState;
  /** 说明 typed but not yet written, by 说明 cell (A1). */
  readonly drafts: Readonly<Record<string, string>>;
  readonly notes: NotesState;
  readonly send: SendState;
  /** The outbox entry whose "立即重试" runs, if any. */
  readonly retrying: string | null;
  readonly server: ServerState;
  /** This workbook's submissions waiting in the outbox, oldest first. */
  readonly waiting: readonly OutboxEntry[];
  /** This workbook's submissions the outbox delivered and still remembers (by this pane or an earlier one), oldest first. */
  readonly delivered: readonly OutboxDelivery[];
  /** Unreadable outbox data set aside, if any. */
  readonly corruption: OutboxCorruption | null;
  /** Endpoint settings (a token) exist: without them nothing can be sent or looked up. */
  readonly hasEndpoint: boolean;
  /** Selecting a finding's cell failed. */
  readonly selectFailure: { readonly error: unknown } | null;
}

/** Before anything ran: the sheet is being read. */
export function initialSubmissionState(hasEndpoint: boolean): SubmissionState {
  return {
    sheet: { kind: 'reading' },
    drafts: {},
    notes: { kind: 'idle' },
    send: { kind: 'idle' },
    retrying: null,
    server: { kind: 'idle' },
    waiting: [],
    delivered: [],
    corruption: null,
    hasEndpoint,
    selectFailure: null,
  };
}

// ---- what the state means (pure: the views and the runner ask the same questions) ----------------------------

/** The pre-flight outcome when the sheet can be submitted (errors and notes aside), else null. */
export function readySheet(state: SubmissionState): Extract<PreflightOutcome, { kind: 'ready' }> | null {
  return state.sheet.kind === 'checked' && state.sheet.outcome.kind === 'ready' ? state.sheet.outcome : null;
}

/** The catalog the sheet was checked against (names organisations and indicators), once checked. */
export function checkedCatalog(state: SubmissionState): Catalog | null {
  return state.sheet.kind === 'checked' ? state.sheet.catalog : null;
}

/** The server has approved this report: it is locked. */
export function isApproved(state: SubmissionState): boolean {
  return state.server.kind === 'loaded' && state.server.detail?.status === 'approved';
}

/** The latest delivery from this workbook of the report a document is (plan, year, organisation), if remembered. */
export function lastDeliveryOf(state: SubmissionState, document: Pick<SubmissionDocument, 'plan' | 'year' | 'organisationId'>): OutboxDelivery | null {
  let latest: OutboxDelivery | null = null;
  for (const delivery of state.delivered) {
    if (delivery.plan !== document.plan || delivery.year !== document.year || delivery.organisationId !== document.organisationId) continue;
    if (!latest || delivery.deliveredAt >= latest.deliveredAt) latest = delivery;
  }
  return latest;
}

const fingerprints = new WeakMap<SubmissionDocument, string>();

/**
 * The delivery the sheet as checked is an unchanged copy of — 提交 would store the same version again — or
 * null. Not when the server shows it lacks that version (no report, another report, an older current version:
 * e.g. restored from a backup), so what the server does not have can always be sent; nor once the bureau has
 * returned the report (sending it again as it is is then the person's answer, not an accident).
 */
export function unchangedSinceSent(state: SubmissionState): OutboxDelivery | null {
  const ready = readySheet(state);
  if (!ready) return null;
  const delivery = lastDeliveryOf(state, ready.document);
  if (!delivery?.fingerprint) return null;
  let fingerprint = fingerprints.get(ready.document);
  if (fingerprint === undefined) fingerprints.set(ready.document, (fingerprint = documentFingerprint(ready.document)));
  if (fingerprint !== delivery.fingerprint) return null;
  if (state.server.kind === 'loaded') {
    const { detail } = state.server;
    if (!detail || detail.id !== delivery.receipt.submissionId || detail.currentVersion < delivery.receipt.version || detail.status === 'returned') return null;
  }
  return delivery;
}

/** Why 提交 is not available, in the order people must deal with it. */
export type SubmitBlock = 'notReady' | 'noSettings' | 'approved' | 'errors' | 'notes' | 'unchanged';

export function submitBlock(state: SubmissionState): SubmitBlock | null {
  const ready = readySheet(state);
  if (!ready) return 'notReady';
  if (!state.hasEndpoint) return 'noSettings';
  if (isApproved(state)) return 'approved';
  if (ready.errors.length > 0) return 'errors';
  if (ready.notes.length > 0) return 'notes';
  if (unchangedSinceSent(state)) return 'unchanged';
  return null;
}

/** The sheet is being read or a submission is on its way: 提交 and 重新检查 wait. */
export function isBusy(state: SubmissionState): boolean {
  return state.send.kind === 'sending' || state.sheet.kind === 'reading';
}

export function canSubmit(state: SubmissionState): boolean {
  return submitBlock(state) === null && !isBusy(state);
}

/** The typed 说明 that would be written: one per 说明 cell of the sheet, trimmed, empty ones left out. */
export function notesToWrite(state: SubmissionState): NoteCell[] {
  const ready = readySheet(state);
  if (!ready) return [];
  return ready.notes
    .map((item) => ({ address: item.noteCell, value: (state.drafts[item.noteCell] ?? '').trim() }))
    .filter((cell) => cell.value !== '');
}

export function canWriteNotes(state: SubmissionState): boolean {
  return state.notes.kind !== 'writing' && notesToWrite(state).length > 0;
}

// ---- what it needs ----------------------------------------------------------------------------------------------

/** A 说明 to write: the cell (A1) and its text. */
export interface NoteCell {
  readonly address: string;
  readonly value: string;
}

/** What the runner uses of the outbox (the real `Outbox`, or a fake; one without `deliveriesFor` remembers none). */
export type SubmissionOutbox = Pick<Outbox, 'submit' | 'retry' | 'discard' | 'entriesFor' | 'deliveryOf' | 'corruption' | 'subscribe' | 'start'> & Partial<Pick<Outbox, 'deliveriesFor'>>;

export interface SubmissionRunnerDeps {
  /** The catalog the sheet is checked against. */
  readonly loadCatalog: () => Promise<Catalog>;
  /** The sheet to submit as it is now (the task pane: the active sheet through its workbook port). */
  readonly readSheet: () => Promise<SheetGrid>;
  /** Writes 说明 into cells of the sheet read (one round trip). */
  readonly writeNotes: (sheetName: string, cells: readonly NoteCell[]) => Promise<void>;
  /** Selects a finding's cell; absent where there is no sheet to select in. */
  readonly selectCell?: (sheetName: string, address: string) => Promise<void>;
  /** The endpoint client for the person's settings; null without them. Asked on every use (settings change). */
  readonly endpoint: () => EndpointClient | null;
  readonly outbox: SubmissionOutbox;
  /** Which workbook's submissions are followed in the outbox. */
  readonly workbookKey: string;
  /** Sent with every submission (which build, which host). */
  readonly clientInfo?: ClientInfo;
  /** The clock, ms since 1970. */
  readonly now: () => number;
}

type Listener = (state: SubmissionState) => void;

// ---- the runner -------------------------------------------------------------------------------------------------

export class SubmissionRunner {
  private state: SubmissionState;
  private readonly listeners = new Set<Listener>();
  /** Changes on every start and stop: work begun in an earlier session no longer counts. */
  private session = 0;
  private started = false;
  private stopFollowing: (() => void) | null = null;
  /** The latest pre-flight and status lookup: an older one finishing later is dropped. */
  private sheetRun = 0;
  private statusRun = 0;
  private statusAbort: AbortController | null = null;
  /** Outbox entries of this workbook seen waiting: one delivered later shows its receipt here. */
  private readonly watched = new Set<string>();
  /** What of the outbox was last put in the state (it also reports re-armed timers, which change nothing shown). */
  private outboxSignature = '';

  constructor(private readonly deps: SubmissionRunnerDeps) {
    this.state = initialSubmissionState(deps.endpoint() !== null);
  }

  get current(): SubmissionState {
    return this.state;
  }

  /**
   * Calls `listener` with every new state; returns the unsubscribe. An arrow property, so that it keeps its
   * identity when handed on: useSyncExternalStore subscribes again whenever the function it gets changes.
   */
  readonly subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  /**
   * Starts following the outbox (its automatic retries run while started; a waiting submission delivered
   * shows its receipt). Returns the stop: the outbox is left, a status lookup in flight is aborted, and
   * nothing begun before reaches the state. Started again (React runs effects twice in development), it
   * picks up where the outbox is.
   */
  start(): () => void {
    if (this.started) return () => undefined;
    this.started = true;
    this.session += 1;
    const unsubscribe = this.deps.outbox.subscribe(() => this.followOutbox());
    this.followOutbox();
    const stopRetries = this.deps.outbox.start();
    this.stopFollowing = () => {
      unsubscribe();
      stopRetries();
    };
    return () => this.stop();
  }

  /** 重新检查 / Reads and checks the sheet, then asks the server for its status. */
  check(): void {
    void this.preflight({ quiet: false, status: true });
  }

  /** 刷新状态 / Asks the server again for the status of the sheet last checked. */
  refreshStatus(): void {
    const ready = readySheet(this.state);
    if (ready) void this.lookUpStatus(ready);
  }

  /** The 说明 typed for one 说明 cell (kept until written). */
  setDraft(noteCell: string, text: string): void {
    if (!this.started) return;
    this.update({ drafts: { ...this.state.drafts, [noteCell]: text } });
  }

  /** 写入说明并重新检查 / Writes the typed 说明 into the sheet, then checks it again. */
  async writeNotes(): Promise<void> {
    const ready = readySheet(this.state);
    const cells = notesToWrite(this.state);
    if (!this.started || !ready || !canWriteNotes(this.state)) return;
    const session = this.session;
    this.update({ notes: { kind: 'writing' } });
    try {
      await this.deps.writeNotes(ready.read.sheetName, cells);
    } catch (error) {
      if (this.isLive(session)) this.update({ notes: { kind: 'failed', error } });
      return;
    }
    if (!this.isLive(session)) return;
    const written = new Set(cells.map((cell) => cell.address));
    const drafts = Object.fromEntries(Object.entries(this.state.drafts).filter(([cell]) => !written.has(cell)));
    this.update({ drafts, notes: { kind: 'written', count: cells.length } });
    // the status has not changed: only the sheet
    await this.preflight({ quiet: false, status: false });
  }

  /**
   * 提交 / Checks the sheet as it is now (it may have been edited since the check shown), then hands it to the
   * outbox, which sends it at once or keeps it for later.
   */
  async submit(): Promise<void> {
    if (!this.started || this.state.send.kind === 'sending') return;
    const session = this.session;
    // the notes are in the sheet: what counts now is the submission's outcome
    this.update({ send: { kind: 'sending' }, notes: { kind: 'idle' } });
    try {
      const fresh = await this.preflight({ quiet: true, status: false });
      if (!this.isLive(session)) return;
      // nothing to send: errors or notes left, locked, or the very version the server already has
      if (fresh?.kind !== 'ready' || !fresh.acceptable || isApproved(this.state) || unchangedSinceSent(this.state)) {
        this.update({ send: { kind: 'idle' } });
        return;
      }
      const outcome = await this.deps.outbox.submit(fresh.document, this.deps.workbookKey);
      if (!this.isLive(session)) return;
      if (outcome.kind !== 'delivered') this.watched.add(outcome.entry.id);
      this.update({ send: sendStateOf(outcome) });
      if (outcome.kind === 'delivered') void this.lookUpStatus(fresh);
    } catch (error) {
      if (this.isLive(session)) this.update({ send: { kind: 'failed', error } });
    }
  }

  /** 立即重试 / Sends one waiting submission now (also one needing attention, once its cause is dealt with). */
  async retry(id: string): Promise<void> {
    if (!this.started || this.state.retrying !== null) return;
    const session = this.session;
    this.update({ retrying: id });
    try {
      await this.deps.outbox.retry(id); // its delivery reaches the state through the outbox's notification
    } catch (error) {
      if (this.isLive(session)) this.update({ send: { kind: 'failed', error } });
    } finally {
      if (this.isLive(session)) this.update({ retrying: null });
    }
  }

  /** 移除 / Removes a waiting submission without sending it. */
  async discard(id: string): Promise<void> {
    if (!this.started) return;
    const session = this.session;
    try {
      await this.deps.outbox.discard(id);
    } catch (error) {
      if (this.isLive(session)) this.update({ send: { kind: 'failed', error } });
    }
  }

  /** Selects a finding's cell in the sheet last checked. */
  async selectCell(address: string): Promise<void> {
    const ready = readySheet(this.state);
    const select = this.deps.selectCell;
    if (!this.started || !ready || !select) return;
    const session = this.session;
    this.update({ selectFailure: null });
    try {
      await select(ready.read.sheetName, address);
    } catch (error) {
      if (this.isLive(session)) this.update({ selectFailure: { error } });
    }
  }

  // ---- the flows ----

  /**
   * Reads and checks the sheet. `quiet`: the sheet shown stays until the new outcome replaces it (before
   * 提交); `status`: the server is asked afterwards. Null when it failed or a newer check superseded it.
   */
  private async preflight(options: { quiet: boolean; status: boolean }): Promise<PreflightOutcome | null> {
    if (!this.started) return null;
    const run = (this.sheetRun += 1);
    const session = this.session;
    const current = () => run === this.sheetRun && this.isLive(session);
    this.update({ hasEndpoint: this.deps.endpoint() !== null, ...(options.quiet ? {} : { sheet: { kind: 'reading' } as const }) });
    try {
      const catalog = await this.deps.loadCatalog();
      const grid = await this.deps.readSheet();
      const outcome = preflight(grid, catalog, this.deps.clientInfo);
      if (!current()) return null;
      this.update({ sheet: { kind: 'checked', catalog, outcome, at: this.deps.now() } });
      if (options.status) void this.lookUpStatus(outcome);
      return outcome;
    } catch (error) {
      if (current()) this.update({ sheet: { kind: 'failed', error } });
      return null;
    }
  }

  /** Asks the server for this plan, year and organisation's report; a newer lookup aborts this one. */
  private async lookUpStatus(outcome: PreflightOutcome): Promise<void> {
    if (!this.started) return;
    const run = (this.statusRun += 1);
    const session = this.session;
    this.statusAbort?.abort();
    this.statusAbort = null;
    const client = this.deps.endpoint();
    if (outcome.kind !== 'ready' || !client) {
      this.update({ server: { kind: 'idle' } });
      return;
    }
    const abort = new AbortController();
    this.statusAbort = abort;
    const { plan, year, organisationId } = outcome.document;
    this.update({ server: { kind: 'loading' } });
    try {
      const detail = await client.findSubmission(plan, year, organisationId, abort.signal);
      if (run === this.statusRun && this.isLive(session)) {
        this.update({ server: { kind: 'loaded', detail, review: detail ? reviewOf(detail) : null, at: this.deps.now() } });
      }
    } catch (error) {
      if (run === this.statusRun && this.isLive(session)) this.update({ server: { kind: 'unavailable', error } });
    } finally {
      if (this.statusAbort === abort) this.statusAbort = null;
    }
  }

  /**
   * After every change of the outbox: this workbook's waiting submissions, and what became of the ones
   * followed — delivered (by a retry here, the timer, or another pane): its receipt and a fresh status;
   * removed: nothing more to show.
   */
  private followOutbox(): void {
    if (!this.started) return;
    const waiting = this.deps.outbox.entriesFor(this.deps.workbookKey);
    const remembered = this.deps.outbox.deliveriesFor?.(this.deps.workbookKey) ?? [];
    const corruption = this.deps.outbox.corruption();
    const hasEndpoint = this.deps.endpoint() !== null;
    const waitingIds = new Set(waiting.map((entry) => entry.id));
    let send = this.state.send;
    let delivered = false;
    for (const id of [...this.watched]) {
      if (waitingIds.has(id)) continue;
      this.watched.delete(id);
      const delivery = this.deps.outbox.deliveryOf(id);
      // while 提交 runs, its own outcome follows from the outbox's answer
      if (delivery && send.kind !== 'sending') {
        send = { kind: 'sent', delivery, replayed: delivery.replayed, replaced: false };
        delivered = true;
      }
    }
    for (const entry of waiting) this.watched.add(entry.id);
    send = followedEntry(send, waiting);

    const signature = JSON.stringify([waiting.map((entry) => [entry.id, entry.state, entry.attempts, entry.nextAttemptAt]), remembered.map((delivery) => delivery.id), corruption?.copyKey, hasEndpoint]);
    if (signature !== this.outboxSignature || send !== this.state.send) {
      this.outboxSignature = signature;
      this.update({ waiting, delivered: remembered, corruption, hasEndpoint, send });
    }
    if (delivered) this.refreshStatus();
  }

  // ---- plumbing ----

  private stop(): void {
    if (!this.started) return;
    this.started = false;
    this.session += 1;
    this.statusAbort?.abort();
    this.statusAbort = null;
    this.stopFollowing?.();
    this.stopFollowing = null;
    this.outboxSignature = '';
  }

  /** Work begun in `session` may still change the state. */
  private isLive(session: number): boolean {
    return this.started && session === this.session;
  }

  private update(change: Partial<SubmissionState>): void {
    if (!this.started) return; // stopped: nothing reaches a view that is gone
    this.state = { ...this.state, ...change };
    for (const listener of [...this.listeners]) listener(this.state);
  }
}

/** The state of a submission the outbox just answered for. */
function sendStateOf(outcome: SubmitOutcome): SendState {
  const replaced = outcome.replaced !== null;
  if (outcome.kind === 'delivered') return { kind: 'sent', delivery: outcome.delivery, replayed: outcome.delivery.replayed, replaced };
  if (outcome.kind === 'attention') return { kind: 'attention', entry: outcome.entry, replaced };
  // 'noSettings' too: it waits in the queue until there are settings to send with
  return { kind: 'queued', entry: outcome.entry, replaced };
}

/** A waiting submission as the outbox has it now: its attempts and state, or gone (removed). */
function followedEntry(send: SendState, waiting: readonly OutboxEntry[]): SendState {
  if (send.kind !== 'queued' && send.kind !== 'attention') return send;
  const entry = waiting.find((item) => item.id === send.entry.id);
  if (!entry) return { kind: 'idle' };
  if (sameAttempts(entry, send.entry)) return send;
  return { kind: entry.state, entry, replaced: send.replaced };
}

/** The outbox re-reads its entries on every change: equal when nothing shown of them differs. */
function sameAttempts(a: OutboxEntry, b: OutboxEntry): boolean {
  return a.state === b.state && a.attempts === b.attempts && a.nextAttemptAt === b.nextAttemptAt && a.lastError?.at === b.lastError?.at;
}
