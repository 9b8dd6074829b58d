import { Component, type ReactNode } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import type { ShellStrings } from './strings/shell-strings';

interface ViewBoundaryProps {
  strings: ShellStrings;
  children: ReactNode;
}

/**
 * Catches what a view throws while rendering (or a chunk that fails to load) and offers to retry; the
 * other views keep working. Failures of Excel or the endpoint are handled inside the views, with messages.
 */
export class ViewBoundary extends Component<ViewBoundaryProps, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const chunkFailed = error.name === 'ChunkLoadError';
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>{chunkFailed ? this.props.strings.viewFailed : this.props.strings.crashed(error.message)}</MessageBarBody>
        <MessageBarActions>
          <Button onClick={() => this.setState({ error: null })}>{this.props.strings.retry}</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}
