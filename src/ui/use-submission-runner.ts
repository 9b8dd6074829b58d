/**
 * The submission runner (src/client/submission-runner.ts) inside a React view: one runner per set of
 * dependencies, started while the view is mounted (the outbox followed, its retries running) and stopped
 * when it unmounts, its state read with useSyncExternalStore so every change renders once and never tears.
 * The task pane and the web app use it alike: only the dependencies they pass differ.
 */
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { SubmissionRunner, type SubmissionRunnerDeps, type SubmissionState } from '../client/submission-runner';

export interface SubmissionRunnerView {
  readonly state: SubmissionState;
  /** Its actions: check, setDraft, writeNotes, submit, retry, discard, refreshStatus, selectCell. */
  readonly runner: SubmissionRunner;
}

/**
 * `deps` must keep its identity between renders (useMemo it): a new object means a new runner. The runner is
 * made during render but does nothing until the effect starts it, so a render React throws away leaves
 * nothing running; started again after a stop (development's double effects), it carries on.
 */
export function useSubmissionRunner(deps: SubmissionRunnerDeps): SubmissionRunnerView {
  const runner = useMemo(() => new SubmissionRunner(deps), [deps]);
  useEffect(() => runner.start(), [runner]);
  const state = useSyncExternalStore(runner.subscribe, () => runner.current);
  return { state, runner };
}
