/**
 * 提交结果 / What became of the last submission made in this pane, announced politely: a local failure; the
 * receipt (src/ui's SubmissionReceipt, "already received" for a replay); queued, with the next attempt and
 * 立即重试; refused and needing attention, with the server's message. "Replaced" when it took the place of an
 * older one still waiting.
 */
import { textOf } from '../../../core/i18n/message';
import { Notice } from '../../../ui/Notice';
import { SubmissionReceipt } from '../../../ui/SubmissionReceipt';
import { failureText } from '../error-text';
import { useSubmitStyles, type SubmitPartProps } from './submit-layout';
import { RetryButton } from './WaitingSubmissions';

export function SubmissionOutcome(props: SubmitPartProps) {
  const { state, strings: s, locale } = props;
  const styles = useSubmitStyles();
  const { send } = state;
  const replaced = (send.kind === 'sent' || send.kind === 'queued' || send.kind === 'attention') && send.replaced;
  return (
    <div aria-live="polite" className={styles.section}>
      {send.kind === 'failed' && <Notice intent="error">{s.unexpected(failureText(send.error, locale))}</Notice>}
      {replaced && <Notice intent="info">{s.replaced}</Notice>}
      {send.kind === 'sent' && <SubmissionReceipt receipt={send.delivery.receipt} replayed={send.replayed} strings={s} />}
      {send.kind === 'queued' && (
        <Notice intent="warning" title={s.queuedTitle} actions={<RetryButton {...props} id={send.entry.id} />}>
          {state.hasEndpoint && send.entry.nextAttemptAt !== null ? s.queued(s.formatTime(send.entry.nextAttemptAt)) : s.queuedNoTime}
        </Notice>
      )}
      {send.kind === 'attention' && (
        <Notice intent="error" title={s.attentionTitle}>
          {send.entry.lastError ? textOf(send.entry.lastError, locale) : ''} {s.attention}
        </Notice>
      )}
    </div>
  );
}
