/**
 * @jest-environment jsdom
 */
import { describe, expect, it } from '@jest/globals';
import { StrictMode, useEffect } from 'react';
import { act, render, screen } from '@testing-library/react';
import type { SubmissionOutbox, SubmissionRunnerDeps } from '../../src/client/submission-runner';
import { useSubmissionRunner } from '../../src/ui/use-submission-runner';

/** An outbox that only counts who listens and who keeps its retries running. */
function countingOutbox() {
  const listeners = new Set<() => void>();
  let running = 0;
  const outbox: SubmissionOutbox = {
    submit: () => Promise.reject(new Error('unused')),
    retry: () => Promise.resolve(null),
    discard: () => Promise.resolve(),
    entriesFor: () => [],
    deliveryOf: () => null,
    corruption: () => null,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    start: () => {
      running += 1;
      let stopped = false;
      return () => {
        if (!stopped) running -= 1;
        stopped = true;
      };
    },
  };
  return { outbox, listeners: () => listeners.size, running: () => running };
}

function depsWith(outbox: SubmissionOutbox, readSheet: SubmissionRunnerDeps['readSheet'], loadCatalog: SubmissionRunnerDeps['loadCatalog'] = () => Promise.reject(new Error('no catalog here'))): SubmissionRunnerDeps {
  return {
    loadCatalog,
    readSheet,
    writeNotes: () => Promise.resolve(),
    endpoint: () => null,
    outbox,
    workbookKey: 'book',
    now: () => 0,
  };
}

function SheetState({ deps }: { deps: SubmissionRunnerDeps }) {
  const { state, runner } = useSubmissionRunner(deps);
  useEffect(() => runner.check(), [runner]);
  return <p>{state.sheet.kind}</p>;
}

describe('useSubmissionRunner', () => {
  it('renders the runner\'s state; follows the outbox once while mounted (StrictMode too) and leaves it on unmount', async () => {
    const counting = countingOutbox();
    const deps = depsWith(counting.outbox, () => Promise.reject(new Error('unused')));
    const view = render(
      <StrictMode>
        <SheetState deps={deps} />
      </StrictMode>,
    );
    expect(await screen.findByText('failed')).toBeInTheDocument(); // the catalog could not be loaded
    expect(counting.listeners()).toBe(1);
    expect(counting.running()).toBe(1);
    view.unmount();
    expect(counting.listeners()).toBe(0);
    expect(counting.running()).toBe(0);
  });

  it('a read finishing after the view unmounted changes nothing', async () => {
    const counting = countingOutbox();
    let finishRead!: (error: Error) => void;
    const deps = depsWith(
      counting.outbox,
      () => new Promise((_resolve, reject) => (finishRead = reject)),
      () => Promise.resolve({} as never),
    );
    const seen: string[] = [];
    function Recording() {
      const { state, runner } = useSubmissionRunner(deps);
      useEffect(() => runner.check(), [runner]);
      seen.push(state.sheet.kind);
      return null;
    }
    const view = render(<Recording />);
    await act(async () => undefined);
    expect(seen.at(-1)).toBe('reading');
    view.unmount();
    const rendered = seen.length;
    await act(async () => finishRead(new Error('late')));
    expect(seen).toHaveLength(rendered);
  });
});
