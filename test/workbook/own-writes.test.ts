import { OWN_WRITE_WINDOW_MS, ownWrites } from '../../src/workbook/own-writes';

/** A clock the test moves by hand. */
function manualClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

/** An operation that finishes when the test says so. */
function pending<T>(value: T) {
  let finish: () => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const operation = () => new Promise<T>((resolve, reject) => {
    finish = () => resolve(value);
    fail = reject;
  });
  return { operation, finish: () => finish(), fail: (error: Error) => fail(error) };
}

describe('ownWrites: telling the add-in\'s writes from people\'s', () => {
  it('is 500 ms by default', () => {
    expect(OWN_WRITE_WINDOW_MS).toBe(500);
  });

  it("trusts the host's word either way, whatever the window says", async () => {
    const clock = manualClock();
    const own = ownWrites({ now: clock.now });
    expect(own.isOwn(true)).toBe(true);
    await own.writing(() => Promise.resolve());
    expect(own.isOwn(false)).toBe(false); // within the window, but the host said: someone else
  });

  it('takes nothing unattributed for its own before its first write', () => {
    const own = ownWrites({ now: manualClock().now });
    expect(own.isOwn(null)).toBe(false);
  });

  it('takes unattributed changes for its own while a write is in flight, however long it takes', async () => {
    const clock = manualClock();
    const own = ownWrites({ now: clock.now });
    const write = pending('done');
    const running = own.writing(write.operation);
    clock.advance(10 * OWN_WRITE_WINDOW_MS);
    expect(own.isOwn(null)).toBe(true);
    write.finish();
    await expect(running).resolves.toBe('done');
  });

  it('and for the window after the write ended (inclusive), not after', async () => {
    const clock = manualClock();
    const own = ownWrites({ now: clock.now });
    await own.writing(() => Promise.resolve());
    clock.advance(OWN_WRITE_WINDOW_MS);
    expect(own.isOwn(null)).toBe(true);
    clock.advance(1);
    expect(own.isOwn(null)).toBe(false);
  });

  it('counts the window from the end of the write, not its start', async () => {
    const clock = manualClock();
    const own = ownWrites({ now: clock.now });
    const write = pending(undefined);
    const running = own.writing(write.operation);
    clock.advance(2 * OWN_WRITE_WINDOW_MS);
    write.finish();
    await running;
    clock.advance(OWN_WRITE_WINDOW_MS - 1);
    expect(own.isOwn(null)).toBe(true);
  });

  it('a failed write counts too, and its failure reaches the caller', async () => {
    const clock = manualClock();
    const own = ownWrites({ now: clock.now });
    const write = pending(undefined);
    const running = own.writing(write.operation);
    clock.advance(OWN_WRITE_WINDOW_MS * 3);
    write.fail(new Error('sheet is protected'));
    await expect(running).rejects.toThrow('sheet is protected');
    clock.advance(OWN_WRITE_WINDOW_MS / 2);
    expect(own.isOwn(null)).toBe(true);
    clock.advance(OWN_WRITE_WINDOW_MS);
    expect(own.isOwn(null)).toBe(false);
  });

  it('overlapping writes: still in flight until the last one ends', async () => {
    const clock = manualClock();
    const own = ownWrites({ now: clock.now, ownWriteWindowMs: 0 });
    const first = pending(1);
    const second = pending(2);
    const one = own.writing(first.operation);
    const two = own.writing(second.operation);
    first.finish();
    await one;
    clock.advance(1_000);
    expect(own.isOwn(null)).toBe(true); // the second is still running
    second.finish();
    await two;
    clock.advance(1);
    expect(own.isOwn(null)).toBe(false);
  });

  it('takes its window from the options', async () => {
    const clock = manualClock();
    const own = ownWrites({ now: clock.now, ownWriteWindowMs: 2_000 });
    await own.writing(() => Promise.resolve());
    clock.advance(1_500);
    expect(own.isOwn(null)).toBe(true);
    clock.advance(501);
    expect(own.isOwn(null)).toBe(false);
  });
});
