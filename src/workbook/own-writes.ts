/**
 * Telling the add-in's own writes from people's changes, for the live re-check: the host's word where it
 * has one (`HostChange.byThisAddin`), else a short time window around the port's own write operations.
 */

/**
 * How long after one of the port's own write operations ends an unattributed change event (no
 * `triggerSource`, hosts below ExcelApi 1.14) is still taken for the add-in's own, in milliseconds.
 *
 * Why a window at all: Excel raises `onChanged` for the add-in's own writes too (inserting a template,
 * drawing a check's notes, writing a 说明), and it raises them AFTER the sync that made them, when the write
 * operation may already have returned. Without `triggerSource` nothing in the event says who made the change,
 * so the port ignores unattributed events that arrive while one of its writes is in flight or shortly after.
 * Why short: hosts without `triggerSource` are older desktop builds (perpetual Excel such as Excel 2019,
 * Microsoft 365 builds from before ExcelApi 1.14); Excel on the web and current builds have 1.14 and never
 * reach this rule. On the desktop the events
 * of a batch arrive right after its sync, and a long window would swallow what people type right after a
 * check (the list would then lag until their next edit). 500 ms covers the first and keeps the second rare.
 */
export const OWN_WRITE_WINDOW_MS = 500;

/** How the port tells its own writes from people's where the host does not say (see OWN_WRITE_WINDOW_MS). */
export interface OwnWriteOptions {
  /** Default OWN_WRITE_WINDOW_MS. */
  readonly ownWriteWindowMs?: number;
  /** The clock (ms); default Date.now. */
  readonly now?: () => number;
}

/** The port's record of its own write operations. */
export interface OwnWrites {
  /** Runs one of the port's own write operations, so that the changes it causes are known as ours. */
  writing<T>(operation: () => Promise<T>): Promise<T>;
  /** Whether a change is the add-in's own: the host's word (`byThisAddin`) where it has one; else in flight or within the window after a write (OWN_WRITE_WINDOW_MS by default). */
  isOwn(byThisAddin: boolean | null): boolean;
}

/** A fresh record: no write yet, so nothing unattributed is taken for ours until the first one. */
export function ownWrites(options: OwnWriteOptions = {}): OwnWrites {
  const windowMs = options.ownWriteWindowMs ?? OWN_WRITE_WINDOW_MS;
  const now = options.now ?? (() => Date.now());
  let inFlight = 0;
  let lastEnded = Number.NEGATIVE_INFINITY;

  return {
    async writing(operation) {
      inFlight += 1;
      try {
        return await operation();
      } finally {
        inFlight -= 1;
        lastEnded = now();
      }
    },
    isOwn: (byThisAddin) => byThisAddin ?? (inFlight > 0 || now() - lastEnded <= windowMs),
  };
}
