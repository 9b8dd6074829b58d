/**
 * 待发送与最近的提交（其他页上）/ What the pane says about this workbook's submissions on its other tabs, as soon
 * as it opens: reports still waiting in the outbox (queued, or refused and needing attention) and — when
 * nothing waits — the last one delivered in the past days, each with 查看提交. Without it a pane reopened
 * on 填报 said nothing of a submission made offline yesterday, or of one that just went through.
 *
 * Loaded on its own (with the Submit view's chunk: it follows the same outbox), so the first screen stays
 * free of zod and the client.
 */
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { Catalog } from '../../../core/catalog/catalog';
import type { OutboxDelivery, OutboxEntry } from '../../../client/outbox';
import { Notice } from '../../../ui/Notice';
import type { ViewProps } from '../App';
import { useServices } from '../services';
import { outboxFor, useSubmitEnvironment } from './submit-environment';
import { organisationName } from './submit-names';

const useStyles = makeStyles({
  root: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0` },
});

/** A delivery this recent is still news when the pane opens. */
export const RECENT_DELIVERY_MS = 7 * 24 * 60 * 60 * 1000;

export default function PendingSubmissions({ show }: Pick<ViewProps, 'show'>) {
  const styles = useStyles();
  const services = useServices();
  const environment = useSubmitEnvironment();
  const outbox = useMemo(() => outboxFor(services, environment), [services, environment]);
  const s = services.strings.submit;
  const { workbookKey, locale } = services;
  // re-read on every change of the outbox (this pane's sends and retries); the snapshot is a string, so equal data renders once
  const snapshot = useSyncExternalStore(
    (listener) => outbox.subscribe(listener),
    () => JSON.stringify([outbox.entriesFor(workbookKey), outbox.deliveriesFor(workbookKey)]),
  );
  const [waiting, delivered] = JSON.parse(snapshot) as [OutboxEntry[], OutboxDelivery[]];
  const [catalog, setCatalog] = useState<Catalog | null>(null);
  useEffect(() => {
    let current = true;
    services.loadCatalog().then(
      (loaded) => current && setCatalog(loaded),
      () => undefined, // the organisation's id stands in for its name
    );
    return () => {
      current = false;
    };
  }, [services]);
  const [dismissed, setDismissed] = useState<string | null>(null);

  const name = (report: { plan: OutboxDelivery['plan']; year: number; organisationId: string }) =>
    s.outboxEntry({ plan: s.planNames[report.plan], year: report.year, organisation: organisationName(catalog, report.organisationId, locale) });
  const open = <Button onClick={() => show('submit')}>{s.openSubmit}</Button>;

  if (waiting.length > 0) {
    const queued = waiting.filter((entry) => entry.state === 'queued').map((entry) => name(entry.document));
    const attention = waiting.filter((entry) => entry.state === 'attention').map((entry) => name(entry.document));
    return (
      <div className={styles.root}>
        <Notice intent={attention.length > 0 ? 'error' : 'warning'} title={s.pendingTitle(waiting.length)} actions={open}>
          {queued.length > 0 && <span>{s.pendingQueued(queued.join('；'))} </span>}
          {attention.length > 0 && <span>{s.pendingAttention(attention.join('；'))}</span>}
        </Notice>
      </div>
    );
  }
  const latest = delivered.reduce<OutboxDelivery | null>((last, delivery) => (!last || delivery.deliveredAt >= last.deliveredAt ? delivery : last), null);
  if (!latest || latest.id === dismissed || services.now() - latest.deliveredAt > RECENT_DELIVERY_MS) return null;
  return (
    <div className={styles.root}>
      <Notice
        intent="success"
        title={s.recentTitle}
        actions={
          <>
            {open}
            <Button appearance="subtle" onClick={() => setDismissed(latest.id)}>
              {s.dismiss}
            </Button>
          </>
        }
      >
        {s.recentDelivered(name(latest), latest.receipt.version, s.formatTime(Date.parse(latest.receipt.receivedAt)))}
      </Notice>
    </div>
  );
}
