/**
 * 提示条 / A Fluent message bar with an optional title and actions: the one shape every notice of the
 * submission views takes, so they are written once. Always multiline: the task pane is ~320 px wide, so the
 * actions go below the text (and the "auto" layout's ResizeObserver is not needed); a wide page loses nothing.
 */
import type { ReactNode } from 'react';
import { MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, type MessageBarProps } from '@fluentui/react-components';

export interface NoticeProps {
  readonly intent: NonNullable<MessageBarProps['intent']>;
  readonly title?: ReactNode;
  readonly children?: ReactNode;
  /** Buttons, below the text. */
  readonly actions?: ReactNode;
}

export function Notice({ intent, title, children, actions }: NoticeProps) {
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>
        {title !== undefined && <MessageBarTitle>{title}</MessageBarTitle>}
        {children}
      </MessageBarBody>
      {actions !== undefined && <MessageBarActions>{actions}</MessageBarActions>}
    </MessageBar>
  );
}
