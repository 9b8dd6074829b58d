/**
 * 服务器上的报表状态 / The report of the checked sheet (plan, year, organisation) on the server, under its
 * heading: being looked up, not reachable (with 刷新状态; submitting still works through the queue), none
 * yet, or its review (src/ui's SubmissionStatusMessage: awaiting review, returned with comment, approved).
 */
import { Body1, Button, Caption1, Spinner } from '@fluentui/react-components';
import { readySheet } from '../../../client/submission-runner';
import { Notice } from '../../../ui/Notice';
import { SubmissionStatusMessage } from '../../../ui/SubmissionStatus';
import { failureText } from '../error-text';
import { TitledSection, type SubmitPartProps } from './submit-layout';

export function ServerStatusSection({ state, runner, strings: s, locale }: SubmitPartProps) {
  const ready = readySheet(state);
  const { server } = state;
  if (!ready || server.kind === 'idle') return null;
  return (
    <TitledSection id="submit-status-heading" heading={s.statusHeading}>
      {server.kind === 'loading' && <Spinner size="tiny" labelPosition="after" label={s.statusLoading} />}
      {server.kind === 'unavailable' && (
        <Notice intent="warning" actions={<Button onClick={() => runner.refreshStatus()}>{s.refreshStatus}</Button>}>
          {s.statusUnavailable} <Caption1>{failureText(server.error, locale)}</Caption1>
        </Notice>
      )}
      {server.kind === 'loaded' &&
        (server.detail ? <SubmissionStatusMessage submission={server.detail} strings={s} /> : <Body1>{s.statusNone(ready.document.year)}</Body1>)}
    </TitledSection>
  );
}
