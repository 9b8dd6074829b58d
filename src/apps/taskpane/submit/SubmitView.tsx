/**
 * Submit (提交): the pre-flight check of the active template sheet (errors block; each warning needs a 说明,
 * typed here and written into the sheet's 说明 cell), sending through the outbox (progress, then a receipt;
 * offline or server down: queued and retried), the report's review state on the server (submitted, returned
 * with the bureau's comment, approved and locked), and this workbook's waiting submissions.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Body1,
  Button,
  Caption1,
  Card,
  Field,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import type { Catalog } from '../../../core/catalog/catalog';
import type { SubmissionDetail } from '../../../contract/api';
import type { ViewProps } from '../App';
import { failureDetail, ownWords } from '../error-text';
import { useServices } from '../services';
import type { SubmitStrings } from '../strings/submit-strings';
import type { OutboxDelivery, OutboxEntry } from '../../../client/outbox';
import { preflight, type Place, type PreflightOutcome } from '../../../client/preflight';
import { outboxFor, useSubmitEnvironment } from './submit-environment';

// Message bars are always multiline: the pane is ~320 px wide, so their actions go below the text (and
// the "auto" layout's ResizeObserver is not needed).
const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '100%', overflowWrap: 'anywhere' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
  },
  errorItem: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  noteItem: { borderLeftColor: tokens.colorPaletteMarigoldBorder2 },
  itemHead: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: tokens.spacingHorizontalS },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  receipt: { display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  detail: { margin: 0 },
  mono: { fontFamily: tokens.fontFamilyMonospace },
});

/** Where the active sheet stands. */
type SheetState = { kind: 'loading' } | { kind: 'failed'; detail: string } | { kind: 'done'; catalog: Catalog; outcome: PreflightOutcome };

/** The report on the server. */
type ServerState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'loaded'; detail: SubmissionDetail | null }
  | { kind: 'unavailable'; message: string };

/** The last submission made in this pane (followed in the outbox until delivered), or a local failure. */
type SendState = { kind: 'none' } | { kind: 'sent'; id: string; replaced: boolean } | { kind: 'failed'; detail: string };

type NotesWrite = { kind: 'idle' } | { kind: 'writing' } | { kind: 'written'; count: number } | { kind: 'failed'; detail: string };

export default function SubmitView({ active, show }: ViewProps) {
  const services = useServices();
  const environment = useSubmitEnvironment();
  const s = services.strings.submit;
  const en = services.locale === 'en-US';
  const pick = (text: { zh: string; en: string }) => (en ? text.en : text.zh);
  const styles = useStyles();
  const outbox = useMemo(() => outboxFor(services, environment), [services, environment]);

  const [sheet, setSheet] = useState<SheetState>({ kind: 'loading' });
  const [server, setServer] = useState<ServerState>({ kind: 'idle' });
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [notesWrite, setNotesWrite] = useState<NotesWrite>({ kind: 'idle' });
  const [sending, setSending] = useState(false);
  const [retrying, setRetrying] = useState<string | null>(null);
  const [sent, setSent] = useState<SendState>({ kind: 'none' });
  const [selectError, setSelectError] = useState<string | null>(null);
  const [, setOutboxChanges] = useState(0);

  const hasSettings = environment.endpoint(services) !== null;

  // ---- the report's state on the server ----
  const statusRun = useRef(0);
  const refreshStatus = useCallback(
    async (outcome: PreflightOutcome) => {
      const run = (statusRun.current += 1);
      const client = environment.endpoint(services);
      if (outcome.kind !== 'ready' || !client) {
        setServer({ kind: 'idle' });
        return;
      }
      const { plan, year, organisationId } = outcome.document;
      setServer({ kind: 'loading' });
      try {
        const detail = await client.findSubmission(plan, year, organisationId);
        if (run === statusRun.current) setServer({ kind: 'loaded', detail });
      } catch (error) {
        if (run === statusRun.current) setServer({ kind: 'unavailable', message: errorText(error, en) });
      }
    },
    [environment, services, en],
  );

  // ---- the pre-flight check ----
  const checkRun = useRef(0);
  const runPreflight = useCallback(
    async (options: { quiet?: boolean; status?: boolean } = {}): Promise<PreflightOutcome | null> => {
      const run = (checkRun.current += 1);
      if (!options.quiet) setSheet({ kind: 'loading' });
      try {
        const catalog = await services.loadCatalog();
        const read = await services.workbook.read();
        const outcome = preflight(read.grid, catalog, services.client);
        if (run !== checkRun.current) return null;
        setSheet({ kind: 'done', catalog, outcome });
        if (options.status !== false) void refreshStatus(outcome);
        return outcome;
      } catch (error) {
        if (run === checkRun.current) setSheet({ kind: 'failed', detail: errorText(error, en) });
        return null;
      }
    },
    [services, refreshStatus, en],
  );

  // every time the view is shown: the sheet may have changed on another tab or in Excel
  useEffect(() => {
    if (active) void runPreflight();
  }, [active, runPreflight]);

  // ---- the outbox: retries while the pane is open; a waiting submission delivered later shows its receipt ----
  const watched = useRef(new Set<string>());
  const shownOutbox = useRef('');
  const lastOutcome = useRef<PreflightOutcome | null>(null);
  lastOutcome.current = sheet.kind === 'done' ? sheet.outcome : null;
  useEffect(() => {
    const followDeliveries = () => {
      const mine = outbox.entriesFor(services.workbookKey);
      for (const id of [...watched.current]) {
        if (mine.some((entry) => entry.id === id)) continue;
        watched.current.delete(id);
        if (outbox.deliveryOf(id)) {
          setSent({ kind: 'sent', id, replaced: false });
          if (lastOutcome.current) void refreshStatus(lastOutcome.current);
        }
      }
      for (const entry of mine) watched.current.add(entry.id);
      // render again only when what is shown changed (the outbox also reports re-armed timers)
      const signature = JSON.stringify([mine.map((entry) => [entry.id, entry.state, entry.attempts, entry.nextAttemptAt]), outbox.corruption()?.copyKey]);
      if (signature !== shownOutbox.current) {
        shownOutbox.current = signature;
        setOutboxChanges((count) => count + 1);
      }
    };
    const unsubscribe = outbox.subscribe(followDeliveries);
    followDeliveries();
    const stop = outbox.start();
    return () => {
      unsubscribe();
      stop();
    };
  }, [outbox, services.workbookKey, refreshStatus]);

  const entries = outbox.entriesFor(services.workbookKey);
  const corruption = outbox.corruption();

  // ---- actions ----
  const outcome = sheet.kind === 'done' ? sheet.outcome : null;
  const ready = outcome?.kind === 'ready' ? outcome : null;
  const detail = server.kind === 'loaded' ? server.detail : null;
  const approved = detail?.status === 'approved';
  const blockedBy: keyof SubmitStrings['blocked'] | null = !ready
    ? 'notReady'
    : !hasSettings
      ? 'noSettings'
      : approved
        ? 'approved'
        : ready.errors.length > 0
          ? 'errors'
          : ready.notes.length > 0
            ? 'notes'
            : null;

  const selectCell = async (address: string) => {
    if (!ready) return;
    setSelectError(null);
    try {
      await services.workbook.selectCell(ready.read.sheetName, address);
    } catch (error) {
      setSelectError(s.selectFailed(errorText(error, en)));
    }
  };

  const writeNotes = async () => {
    if (!ready) return;
    const cells = ready.notes
      .map((item) => ({ address: item.noteCell, value: (notes[item.noteCell] ?? '').trim() }))
      .filter((cell) => cell.value !== '');
    if (cells.length === 0) return;
    setNotesWrite({ kind: 'writing' });
    try {
      await services.workbook.writeCells(ready.read.sheetName, cells);
      setNotes((previous) => Object.fromEntries(Object.entries(previous).filter(([cell]) => !cells.some((written) => written.address === cell))));
      setNotesWrite({ kind: 'written', count: cells.length });
      await runPreflight({ status: false });
    } catch (error) {
      setNotesWrite({ kind: 'failed', detail: errorText(error, en) });
    }
  };

  const submit = async () => {
    setSending(true);
    setSent({ kind: 'none' });
    setNotesWrite({ kind: 'idle' }); // the notes are in the sheet: what counts now is the submission's outcome
    try {
      // the sheet as it is now (it may have been edited since the check shown)
      const fresh = await runPreflight({ quiet: true, status: false });
      if (fresh?.kind !== 'ready' || !fresh.acceptable || approved) return;
      const result = await outbox.submit(fresh.document, services.workbookKey);
      const id = result.kind === 'delivered' ? result.delivery.id : result.entry.id;
      if (result.kind !== 'delivered') watched.current.add(id);
      setSent({ kind: 'sent', id, replaced: result.replaced !== null });
      if (result.kind === 'delivered') void refreshStatus(fresh);
    } catch (error) {
      setSent({ kind: 'failed', detail: errorText(error, en) });
    } finally {
      setSending(false);
    }
  };

  const retry = async (id: string) => {
    setRetrying(id);
    try {
      await outbox.retry(id);
    } catch (error) {
      setSent({ kind: 'failed', detail: errorText(error, en) });
    } finally {
      setRetrying(null);
    }
  };

  // ---- what to show ----
  const organisationName = (id: string) => {
    const catalog = sheet.kind === 'done' ? sheet.catalog : null;
    const organisation = catalog?.organisations.find((item) => item.id === id);
    return organisation ? (en ? organisation.nameEn : organisation.name) : id;
  };
  const placeText = (item: Place) =>
    s.place({
      indicatorId: item.indicatorId,
      ...(item.indicatorName ? { indicatorName: pick(item.indicatorName) } : {}),
      ...(item.unitName ? { unit: pick(item.unitName) } : {}),
    });
  const entryName = (entry: OutboxEntry) => s.outboxEntry({ plan: s.planNames[entry.document.plan], year: entry.document.year, organisation: organisationName(entry.document.organisationId) });
  const sentDelivery = sent.kind === 'sent' ? outbox.deliveryOf(sent.id) : null;
  const sentEntry = sent.kind === 'sent' ? entries.find((entry) => entry.id === sent.id) ?? null : null;

  return (
    <section className={styles.root} aria-labelledby="submit-heading">
      <Text as="h2" id="submit-heading" size={500} weight="semibold" className={styles.heading}>
        {s.heading}
      </Text>
      <Body1>{s.intro}</Body1>

      {corruption && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{s.corrupt(corruption.copyKey)}</MessageBarBody>
        </MessageBar>
      )}

      {!hasSettings && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{s.noSettingsTitle}</MessageBarTitle>
            {s.noSettings}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => show('settings')}>{s.openSettings}</Button>
          </MessageBarActions>
        </MessageBar>
      )}

      {/* ---- the sheet ---- */}
      {sheet.kind === 'loading' && <Spinner size="small" labelPosition="after" label={s.reading} />}
      {sheet.kind === 'failed' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{s.readFailed(sheet.detail)}</MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => void runPreflight()}>{s.recheck}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {outcome?.kind === 'notTemplate' && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{s.notTemplateTitle}</MessageBarTitle>
            {s.notTemplate(pick(outcome))}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => void runPreflight()}>{s.recheck}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {outcome?.kind === 'noOrganisation' && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{s.noOrganisationTitle}</MessageBarTitle>
            {s.noOrganisation}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => show('fill')}>{services.strings.shell.tabs.fill}</Button>
          </MessageBarActions>
        </MessageBar>
      )}

      {ready && (
        <>
          <Body1>
            {s.sheetSummary({ plan: s.planNames[ready.document.plan], year: ready.document.year, organisation: organisationName(ready.document.organisationId), sheet: ready.read.sheetName })}
          </Body1>

          {/* ---- the report on the server ---- */}
          {server.kind !== 'idle' && (
            <section className={styles.section} aria-labelledby="submit-status-heading">
              <Text as="h3" id="submit-status-heading" weight="semibold" className={styles.heading}>
                {s.statusHeading}
              </Text>
              <ServerStatus state={server} year={ready.document.year} strings={s} onRefresh={() => void refreshStatus(ready)} />
            </section>
          )}

          {/* ---- errors ---- */}
          {ready.errors.length > 0 && (
            <section className={styles.section} aria-labelledby="submit-errors-heading">
              <Text as="h3" id="submit-errors-heading" weight="semibold" className={styles.heading}>
                {s.errorsHeading(ready.errors.length)}
              </Text>
              <Caption1>{s.errorsHint}</Caption1>
              <ul className={styles.list} aria-labelledby="submit-errors-heading">
                {ready.errors.map((item, index) => (
                  <li key={index} className={`${styles.item} ${styles.errorItem}`}>
                    <span className={styles.itemHead}>
                      {item.cell && (
                        <Button size="small" appearance="secondary" aria-label={s.selectCell(item.cell)} onClick={() => void selectCell(item.cell as string)}>
                          {item.cell}
                        </Button>
                      )}
                      {item.places.length > 0 && <Text weight="semibold">{item.places.map(placeText).join('、')}</Text>}
                    </span>
                    <Body1>{pick(item)}</Body1>
                  </li>
                ))}
              </ul>
            </section>
          )}

          {/* ---- warnings that need a 说明 ---- */}
          {ready.notes.length > 0 && (
            <section className={styles.section} aria-labelledby="submit-notes-heading">
              <Text as="h3" id="submit-notes-heading" weight="semibold" className={styles.heading}>
                {s.notesHeading(ready.notes.length)}
              </Text>
              <Caption1>{s.notesHint}</Caption1>
              <ul className={styles.list} aria-labelledby="submit-notes-heading">
                {ready.notes.map((item) => (
                  <li key={item.noteCell} className={`${styles.item} ${styles.noteItem}`}>
                    <span className={styles.itemHead}>
                      {item.valueCell && (
                        <Button size="small" appearance="secondary" aria-label={s.selectCell(item.valueCell)} onClick={() => void selectCell(item.valueCell as string)}>
                          {item.valueCell}
                        </Button>
                      )}
                      <Text weight="semibold">{item.places.map(placeText).join('、')}</Text>
                    </span>
                    {item.messages.map((message, index) => (
                      <Body1 key={index}>{pick(message)}</Body1>
                    ))}
                    <Field label={s.noteLabel(item.noteCell)}>
                      <Textarea
                        value={notes[item.noteCell] ?? ''}
                        maxLength={2000}
                        placeholder={s.notePlaceholder}
                        resize="vertical"
                        onChange={(_event, data) => setNotes((previous) => ({ ...previous, [item.noteCell]: data.value }))}
                      />
                    </Field>
                  </li>
                ))}
              </ul>
              <div className={styles.actions}>
                <Button
                  appearance="primary"
                  disabled={notesWrite.kind === 'writing' || !ready.notes.some((item) => (notes[item.noteCell] ?? '').trim() !== '')}
                  onClick={() => void writeNotes()}
                >
                  {s.writeNotes}
                </Button>
                {notesWrite.kind === 'writing' && <Spinner size="tiny" label={s.writingNotes} />}
              </div>
            </section>
          )}
          {notesWrite.kind === 'written' && (
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody>{s.notesWritten(notesWrite.count)}</MessageBarBody>
            </MessageBar>
          )}
          {notesWrite.kind === 'failed' && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>{s.writeNotesFailed(notesWrite.detail)}</MessageBarBody>
            </MessageBar>
          )}

          {ready.hints.length > 0 && (
            <section className={styles.section} aria-labelledby="submit-hints-heading">
              <Text as="h3" id="submit-hints-heading" weight="semibold" className={styles.heading}>
                {s.hintsHeading(ready.hints.length)}
              </Text>
              <ul className={styles.list} aria-labelledby="submit-hints-heading">
                {ready.hints.map((item, index) => (
                  <li key={index} className={styles.item}>
                    <Caption1>{pick(item)}</Caption1>
                  </li>
                ))}
              </ul>
            </section>
          )}

          {ready.acceptable && <Body1>{s.ready(ready.document.values.length)}</Body1>}
        </>
      )}

      {selectError && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{selectError}</MessageBarBody>
        </MessageBar>
      )}

      {/* ---- submit ---- */}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={blockedBy !== null || sending || sheet.kind === 'loading'}
          aria-describedby={blockedBy && sheet.kind === 'done' ? 'submit-blocked' : undefined}
          onClick={() => void submit()}
        >
          {s.submit}
        </Button>
        <Button disabled={sending || sheet.kind === 'loading'} onClick={() => void runPreflight()}>
          {s.recheck}
        </Button>
      </div>
      {blockedBy && sheet.kind === 'done' && (
        <Caption1 id="submit-blocked">{s.blocked[blockedBy]}</Caption1>
      )}
      {sending && <Spinner size="small" labelPosition="after" label={s.sending} />}

      {/* ---- the outcome of the last submission ---- */}
      <div aria-live="polite" className={styles.section}>
        {sent.kind === 'failed' && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{s.unexpected(sent.detail)}</MessageBarBody>
          </MessageBar>
        )}
        {sent.kind === 'sent' && sent.replaced && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>{s.replaced}</MessageBarBody>
          </MessageBar>
        )}
        {sentDelivery && <Receipt delivery={sentDelivery} strings={s} styles={styles} />}
        {sentEntry?.state === 'queued' && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{s.queuedTitle}</MessageBarTitle>
              {hasSettings && sentEntry.nextAttemptAt !== null ? s.queued(s.formatTime(sentEntry.nextAttemptAt)) : s.queuedNoTime}
            </MessageBarBody>
            <MessageBarActions>
              <Button disabled={retrying !== null || !hasSettings} onClick={() => void retry(sentEntry.id)}>
                {retrying === sentEntry.id ? s.retrying : s.retryNow}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {sentEntry?.state === 'attention' && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{s.attentionTitle}</MessageBarTitle>
              {sentEntry.lastError ? pick(sentEntry.lastError) : ''} {s.attention}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>

      {/* ---- this workbook's waiting submissions ---- */}
      {entries.length > 0 && (
        <section className={styles.section} aria-labelledby="submit-outbox-heading">
          <Text as="h3" id="submit-outbox-heading" weight="semibold" className={styles.heading}>
            {s.outboxHeading}
          </Text>
          <ul className={styles.list} aria-labelledby="submit-outbox-heading">
            {entries.map((entry) => {
              const name = entryName(entry);
              return (
                <li key={entry.id} className={`${styles.item} ${entry.state === 'attention' ? styles.errorItem : styles.noteItem}`}>
                  <Text weight="semibold">{name}</Text>
                  <Caption1>{s.createdAt(s.formatTime(entry.createdAt))}</Caption1>
                  <Body1>
                    {entry.state === 'attention'
                      ? s.entryAttention
                      : entry.nextAttemptAt !== null && entry.attempts > 0
                        ? s.entryQueued(entry.attempts, s.formatTime(entry.nextAttemptAt))
                        : s.entryWaiting}
                  </Body1>
                  {entry.lastError && <Caption1>{s.lastError(pick(entry.lastError))}</Caption1>}
                  <span className={styles.actions}>
                    <Button size="small" aria-label={s.retryLabel(name)} disabled={retrying !== null || sending || !hasSettings} onClick={() => void retry(entry.id)}>
                      {retrying === entry.id ? s.retrying : s.retryNow}
                    </Button>
                    <Button size="small" appearance="subtle" aria-label={s.discardLabel(name)} disabled={retrying !== null || sending} onClick={() => void outbox.discard(entry.id)}>
                      {s.discard}
                    </Button>
                  </span>
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </section>
  );
}

function ServerStatus({ state, year, strings: s, onRefresh }: { state: ServerState; year: number; strings: SubmitStrings; onRefresh: () => void }) {
  if (state.kind === 'idle') return null;
  if (state.kind === 'loading') return <Spinner size="tiny" labelPosition="after" label={s.statusLoading} />;
  if (state.kind === 'unavailable') {
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          {s.statusUnavailable} <Caption1>{state.message}</Caption1>
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={onRefresh}>{s.refreshStatus}</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  const { detail } = state;
  if (!detail) return <Body1>{s.statusNone(year)}</Body1>;
  const last = (action: 'returned' | 'approved') => [...detail.history].reverse().find((event) => event.action === action);
  if (detail.status === 'returned') {
    const event = last('returned');
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{s.statusReturnedTitle}</MessageBarTitle>
          <span>{s.statusReturned(event?.version ?? detail.currentVersion, s.formatTime(Date.parse(event?.at ?? detail.updatedAt)))}</span>{' '}
          <strong>{event?.comment ? s.returnedComment(event.comment) : s.returnedNoComment}</strong> <span>{s.returnedAction}</span>
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (detail.status === 'approved') {
    const event = last('approved');
    return (
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{s.statusApprovedTitle}</MessageBarTitle>
          {s.statusApproved(event?.version ?? detail.currentVersion, s.formatTime(Date.parse(event?.at ?? detail.updatedAt)))}
        </MessageBarBody>
      </MessageBar>
    );
  }
  return <Body1>{s.statusSubmitted(detail.currentVersion, s.formatTime(Date.parse(detail.updatedAt)))}</Body1>;
}

function Receipt({ delivery, strings: s, styles }: { delivery: OutboxDelivery; strings: SubmitStrings; styles: ReturnType<typeof useStyles> }) {
  const { receipt } = delivery;
  return (
    <Card role="region" aria-labelledby="submit-receipt-title">
      <Text as="h3" id="submit-receipt-title" weight="semibold" className={styles.heading}>
        {s.receiptTitle(receipt.version)}
      </Text>
      {delivery.replayed && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{s.replayed}</MessageBarBody>
        </MessageBar>
      )}
      <dl className={styles.receipt}>
        <dt className={styles.term}>{s.receivedAt}</dt>
        <dd className={styles.detail}>{s.formatTime(Date.parse(receipt.receivedAt))}</dd>
        <dt className={styles.term}>{s.counts}</dt>
        <dd className={styles.detail}>{s.countsText(receipt.counts)}</dd>
        <dt className={styles.term}>{s.submissionId}</dt>
        <dd className={`${styles.detail} ${styles.mono}`}>{receipt.submissionId}</dd>
        <dt className={styles.term}>{s.bodySha256}</dt>
        <dd className={`${styles.detail} ${styles.mono}`} title={receipt.bodySha256}>
          {receipt.bodySha256.slice(0, 12)}
        </dd>
      </dl>
    </Card>
  );
}

/** A failure as the person reads it: the endpoint's and the workbook adapter's errors carry zh and en. */
function errorText(error: unknown, en: boolean): string {
  return ownWords(error, en ? 'en-US' : 'zh-CN') ?? failureDetail(error);
}

