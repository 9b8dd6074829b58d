/// <reference types="office-js" />

/**
 * Excel on the web refuses a request whose payload exceeds 5 MB. Every write of an operation is first
 * planned here with an estimate of its payload (the UTF-8 size of its JSON arguments plus a fixed
 * allowance for the request's own bookkeeping), then sent in as few `context.sync()` round trips as the
 * budget allows: one, unless the writes together exceed the budget. The default budget (2 MB, well under
 * 5 MB) holds a whole template of a few thousand rows; a smaller budget is a parameter so tests can force
 * the split. A single 2D write (values, number formats) is cut into row blocks that each fit the budget.
 */
export const DEFAULT_PAYLOAD_BUDGET = 2 * 1024 * 1024;

/** Bytes counted per queued action on top of its arguments (object path, method name, ids). */
export const ACTION_OVERHEAD = 200;

/** UTF-8 length of a string, without allocating an encoded copy. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

/** The estimated payload of a write: its arguments plus the bookkeeping of each queued action. */
export function payloadOf(args: readonly unknown[], actions = 1): number {
  return utf8Length(JSON.stringify(args)) + actions * ACTION_OVERHEAD;
}

interface Step {
  readonly bytes: number;
  readonly queue: () => void;
}

interface Batch {
  bytes: number;
  readonly steps: Step[];
}

/**
 * Writes in order, packed into budget-sized batches as they are added; a 2D write is cut into row blocks
 * that fill the room left in the current batch, so n bytes of writes take ⌈n / budget⌉ syncs at most + 1.
 */
export class WritePlan {
  private readonly filled: Batch[] = [];
  private current: Batch = { bytes: 0, steps: [] };

  constructor(readonly budget: number = DEFAULT_PAYLOAD_BUDGET) {
    if (!(budget >= ACTION_OVERHEAD * 20)) throw new RangeError(`payload budget too small: ${budget}`);
  }

  /**
   * One write of `actions` queued actions (a range and a property set are two) with these arguments.
   * A write larger than the budget on its own (never in a template) gets a batch of its own.
   */
  add(args: readonly unknown[], actions: number, queue: () => void): void {
    this.push({ bytes: payloadOf(args, actions), queue });
  }

  private push(step: Step): void {
    if (this.current.steps.length > 0 && this.current.bytes + step.bytes > this.budget) this.close();
    this.current.steps.push(step);
    this.current.bytes += step.bytes;
  }

  private close(): void {
    if (this.current.steps.length > 0) this.filled.push(this.current);
    this.current = { bytes: 0, steps: [] };
  }

  /**
   * A 2D write of `rows` (values, formulas or number formats) starting at sheet row `firstRow`, cut into
   * row blocks that fill the current batch; `write(firstRow, block)` queues one block (2 actions).
   */
  addRows<T>(firstRow: number, rows: readonly (readonly T[])[], write: (firstRow: number, block: T[][]) => void): void {
    const blockOverhead = 2 * ACTION_OVERHEAD + 16;
    let start = 0;
    let bytes = 0;
    const emit = (end: number) => {
      const block = rows.slice(start, end).map((row) => [...row]);
      const blockStart = firstRow + start;
      this.push({ bytes: bytes + blockOverhead, queue: () => write(blockStart, block) });
      start = end;
      bytes = 0;
    };
    rows.forEach((row, index) => {
      const rowBytes = utf8Length(JSON.stringify(row)) + 1;
      const room = this.budget - this.current.bytes - blockOverhead;
      if (bytes + rowBytes > room) {
        if (index > start) emit(index);
        if (this.current.steps.length > 0) this.close();
      }
      bytes += rowBytes;
    });
    if (rows.length > start) emit(rows.length);
  }

  /** The batches as planned: each within the budget (bytes are estimates). */
  batches(): readonly { readonly bytes: number; readonly steps: number }[] {
    return [...this.filled, this.current].filter((batch) => batch.steps.length > 0).map((batch) => ({ bytes: batch.bytes, steps: batch.steps.length }));
  }

  /** Queues and sends every write, one sync per batch; returns the number of syncs (1 for any real template). */
  async send(context: Excel.RequestContext): Promise<number> {
    this.close();
    for (const batch of this.filled) {
      for (const step of batch.steps) step.queue();
      // One round trip per payload budget (2 MB by default), never per row: a real template is one batch.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    }
    return this.filled.length;
  }
}
