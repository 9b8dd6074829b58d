/**
 * 待发送队列（本工作簿）/ This workbook's submissions waiting in the outbox: which report, when it was
 * submitted, how the attempts went and the last error, with 立即重试 and 移除.
 */
import { Body1, Button, Caption1, Text } from '@fluentui/react-components';
import type { Catalog } from '../../../core/catalog/catalog';
import { textOf } from '../../../core/i18n/message';
import type { OutboxEntry } from '../../../client/outbox';
import { checkedCatalog } from '../../../client/submission-runner';
import { ListItem, ListSection, useSubmitStyles, type SubmitPartProps } from './submit-layout';
import { organisationName } from './submit-names';

/**
 * `shownAbove`: failure texts the view already shows in full (the status lookup's, the refusal's): an entry
 * that failed the same way says so in one short line instead of repeating a paragraph — offline, the same
 * "无法连接到服务器…" would otherwise stand there once per place.
 */
export function WaitingSubmissions(props: SubmitPartProps & { shownAbove?: readonly string[] }) {
  const { state, runner, strings: s, locale } = props;
  const styles = useSubmitStyles();
  if (state.waiting.length === 0) return null;
  const catalog = checkedCatalog(state);
  const shown = new Set(props.shownAbove ?? []);
  const errorLine = (entry: OutboxEntry) => {
    if (!entry.lastError) return null;
    const text = textOf(entry.lastError, locale);
    if (shown.has(text)) return s.lastErrorSame;
    shown.add(text);
    return s.lastError(text);
  };
  return (
    <ListSection id="submit-outbox-heading" heading={s.outboxHeading}>
      {state.waiting.map((entry) => {
        const name = entryName(entry, catalog, props);
        return (
          <ListItem key={entry.id} tone={entry.state === 'attention' ? 'error' : 'note'}>
            <Text weight="semibold">{name}</Text>
            <Caption1>{s.createdAt(s.formatTime(entry.createdAt))}</Caption1>
            <Body1>{attemptsText(entry, props)}</Body1>
            {entry.lastError && <Caption1>{errorLine(entry)}</Caption1>}
            <span className={styles.actions}>
              <RetryButton {...props} id={entry.id} size="small" label={s.retryLabel(name)} />
              <Button
                size="small"
                appearance="subtle"
                aria-label={s.discardLabel(name)}
                disabled={state.retrying !== null || state.send.kind === 'sending'}
                onClick={() => void runner.discard(entry.id)}
              >
                {s.discard}
              </Button>
            </span>
          </ListItem>
        );
      })}
    </ListSection>
  );
}

/**
 * 立即重试 for one waiting submission (in the queued notice and in the list): one retry at a time, none while
 * 提交 runs, none without settings to send with.
 */
export function RetryButton({ state, runner, strings: s, id, size, label }: SubmitPartProps & { id: string; size?: 'small'; label?: string }) {
  return (
    <Button
      {...(size ? { size } : {})}
      {...(label ? { 'aria-label': label } : {})}
      disabled={state.retrying !== null || state.send.kind === 'sending' || !state.hasEndpoint}
      onClick={() => void runner.retry(id)}
    >
      {state.retrying === id ? s.retrying : s.retryNow}
    </Button>
  );
}

/** "儿童规划 · 2025年度 · 妇联": which report an entry is. */
function entryName(entry: OutboxEntry, catalog: Catalog | null, { strings: s, locale }: SubmitPartProps): string {
  const { plan, year, organisationId } = entry.document;
  return s.outboxEntry({ plan: s.planNames[plan], year, organisation: organisationName(catalog, organisationId, locale) });
}

/** How its attempts stand: needing attention, retried (how often, next when), or not tried yet. */
function attemptsText(entry: OutboxEntry, { strings: s }: SubmitPartProps): string {
  if (entry.state === 'attention') return s.entryAttention;
  if (entry.nextAttemptAt !== null && entry.attempts > 0) return s.entryQueued(entry.attempts, s.formatTime(entry.nextAttemptAt));
  return s.entryWaiting;
}
