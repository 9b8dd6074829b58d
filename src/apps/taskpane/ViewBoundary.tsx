import { Component, lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import type { ShellStrings } from './strings/shell-strings';

interface ViewBoundaryProps {
  strings: ShellStrings;
  /** Called when the person chooses 重试, before the view is rendered again (e.g. RetryableLazy.retry). */
  onRetry?: () => void;
  children: ReactNode;
}

/**
 * Catches what a view throws while rendering (or a chunk that fails to load) and offers to retry; the
 * other views keep working. Failures of Excel or the endpoint are handled inside the views, with messages.
 * A chunk that failed to load is loaded again on 重试 only if the view is a `retryableLazy` whose `retry`
 * is passed as `onRetry`: React.lazy keeps a rejected import for good.
 */
export class ViewBoundary extends Component<ViewBoundaryProps, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  private readonly retry = () => {
    this.props.onRetry?.();
    this.setState({ error: null });
  };

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const chunkFailed = error.name === 'ChunkLoadError';
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>{chunkFailed ? this.props.strings.viewFailed : this.props.strings.crashed(error.message)}</MessageBarBody>
        <MessageBarActions>
          <Button onClick={this.retry}>{this.props.strings.retry}</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}

/** A lazily loaded component whose failed load can be tried again. */
export interface RetryableLazy<P extends object> {
  /** The component to render now: a new one after `retry()` following a failed load. */
  readonly Component: LazyExoticComponent<ComponentType<P>>;
  /** Makes the next render import again if the last load failed (no effect after a successful load). */
  retry(): void;
  /** Starts the import now, before anything renders the component (errors are left to the render). */
  preload(): void;
}

/**
 * React.lazy that can recover from a failed import (a ChunkLoadError when the network dropped): React
 * caches the rejected promise in the lazy component, so rendering it again throws the same error forever.
 * `retry()` swaps in a fresh React.lazy over the same factory, whose `import()` webpack then really repeats
 * (webpack forgets a chunk whose <script> failed). The one who renders must re-render after `retry()`.
 */
export function retryableLazy<P extends object>(factory: () => Promise<{ default: ComponentType<P> }>): RetryableLazy<P> {
  let failed = false;
  const make = () =>
    lazy(() =>
      factory().catch((error: unknown) => {
        failed = true;
        throw error;
      }),
    );
  let current = make();
  return {
    get Component() {
      return current;
    },
    retry() {
      if (!failed) return;
      failed = false;
      current = make();
    },
    preload() {
      // webpack loads a chunk once: the render's own import() then finds it loaded (or still loading)
      factory().catch(() => undefined);
    },
  };
}
