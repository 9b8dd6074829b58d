/**
 * Submit (提交): the pre-flight check of the active template sheet (errors block; each warning needs a 说明,
 * typed here and written into the sheet's 说明 cell), sending through the outbox (progress, then a receipt;
 * offline or server down: queued and retried), the report's review state on the server (submitted, returned
 * with the bureau's comment, approved and locked), and this workbook's waiting submissions.
 *
 * A thin view: the flow and its state are the submission runner's (src/client/submission-runner.ts, shared
 * with the web app), the receipt and the review status src/ui's; this file lays them out for the pane.
 */
import { useEffect, useMemo } from 'react';
import { Body1, Button, Caption1, Spinner, Text } from '@fluentui/react-components';
import { textOf } from '../../../core/i18n/message';
import { checkedCatalog, isBusy, lastDeliveryOf, readySheet, submitBlock, type SheetState, type SubmissionState } from '../../../client/submission-runner';
import type { Locale } from '../strings';
import { Notice } from '../../../ui/Notice';
import { useSubmissionRunner } from '../../../ui/use-submission-runner';
import type { ViewProps } from '../App';
import { failureText } from '../error-text';
import { useServices } from '../services';
import { SheetFindings } from './SheetFindings';
import { ServerStatusSection } from './ServerStatusSection';
import { SubmissionOutcome } from './SubmissionOutcome';
import { WaitingSubmissions } from './WaitingSubmissions';
import { useSubmitStyles, type SubmitPartProps } from './submit-layout';
import { organisationName } from './submit-names';
import { submissionRunnerDeps, useSubmitEnvironment } from './submit-environment';

export default function SubmitView({ active, show }: ViewProps) {
  const services = useServices();
  const environment = useSubmitEnvironment();
  const deps = useMemo(() => submissionRunnerDeps(services, environment), [services, environment]);
  const { state, runner } = useSubmissionRunner(deps);
  const styles = useSubmitStyles();
  const s = services.strings.submit;
  const part: SubmitPartProps = { state, runner, strings: s, locale: services.locale };

  // every time the view is shown: the sheet may have changed on another tab or in Excel
  useEffect(() => {
    if (active) runner.check();
  }, [active, runner]);

  const ready = readySheet(state);
  const blocked = submitBlock(state);
  const busy = isBusy(state);
  // why 提交 is disabled, said once the sheet is checked (not while it is read)
  const explained = state.sheet.kind === 'checked' ? blocked : null;

  return (
    <section className={styles.root} aria-labelledby="submit-heading">
      <Text as="h2" id="submit-heading" size={500} weight="semibold" className={styles.heading}>
        {s.heading}
      </Text>
      <Body1>{s.intro}</Body1>

      {state.corruption && <Notice intent="warning">{s.corrupt(state.corruption.copyKey)}</Notice>}
      {!state.hasEndpoint && (
        <Notice intent="warning" title={s.noSettingsTitle} actions={<Button onClick={() => show('settings')}>{s.openSettings}</Button>}>
          {s.noSettings}
        </Notice>
      )}

      <SheetNotices {...part} sheet={state.sheet} openFill={{ label: services.strings.shell.tabs.fill, onClick: () => show('fill') }} />
      {ready && (
        <>
          <Body1>
            {s.sheetSummary({
              plan: s.planNames[ready.document.plan],
              year: ready.document.year,
              organisation: organisationName(checkedCatalog(state), ready.document.organisationId, services.locale),
              sheet: ready.read.sheetName,
            })}
          </Body1>
          <ServerStatusSection {...part} />
          <SheetFindings {...part} />
        </>
      )}
      {state.selectFailure && <Notice intent="error">{s.selectFailed(failureText(state.selectFailure.error, services.locale))}</Notice>}

      <div className={styles.actions}>
        <Button appearance="primary" disabled={blocked !== null || busy} aria-describedby={explained ? 'submit-blocked' : undefined} onClick={() => void runner.submit()}>
          {s.submit}
        </Button>
        <Button disabled={busy} onClick={() => runner.check()}>
          {s.recheck}
        </Button>
      </div>
      {explained && <Caption1 id="submit-blocked">{s.blocked[explained]}</Caption1>}
      {state.send.kind === 'sending' && <Spinner size="small" labelPosition="after" label={s.sending} />}
      {ready && state.send.kind === 'idle' && <LastDelivered state={state} strings={s} />}

      <SubmissionOutcome {...part} />
      <WaitingSubmissions {...part} shownAbove={failuresShown(state, services.locale)} />
    </section>
  );
}

/** The sheet while it cannot be submitted: being read, unreadable, not a template, or the all-indicator one. */
function SheetNotices({ sheet, runner, strings: s, locale, openFill }: SubmitPartProps & { sheet: SheetState; openFill: { label: string; onClick: () => void } }) {
  const recheck = <Button onClick={() => runner.check()}>{s.recheck}</Button>;
  if (sheet.kind === 'reading') return <Spinner size="small" labelPosition="after" label={s.reading} />;
  if (sheet.kind === 'failed') {
    return (
      <Notice intent="error" actions={recheck}>
        {s.readFailed(failureText(sheet.error, locale))}
      </Notice>
    );
  }
  if (sheet.outcome.kind === 'notTemplate') {
    return (
      <Notice intent="info" title={s.notTemplateTitle} actions={recheck}>
        {s.notTemplate(textOf(sheet.outcome, locale))}
      </Notice>
    );
  }
  if (sheet.outcome.kind === 'noOrganisation') {
    return (
      <Notice intent="warning" title={s.noOrganisationTitle} actions={<Button onClick={openFill.onClick}>{openFill.label}</Button>}>
        {s.noOrganisation}
      </Notice>
    );
  }
  return null;
}

/** This workbook's last delivery of the sheet's report, when nothing newer happened here (e.g. the pane reopened). */
function LastDelivered({ state, strings: s }: { state: SubmissionState; strings: SubmitPartProps['strings'] }) {
  const ready = readySheet(state);
  const delivery = ready ? lastDeliveryOf(state, ready.document) : null;
  if (!delivery) return null;
  return <Caption1>{s.lastDelivered(delivery.receipt.version, s.formatTime(Date.parse(delivery.receipt.receivedAt)))}</Caption1>;
}

/** The failure texts shown in full above the queue: the status lookup's and the refusal's. */
function failuresShown(state: SubmissionState, locale: Locale): string[] {
  const shown: string[] = [];
  if (state.server.kind === 'unavailable') shown.push(failureText(state.server.error, locale));
  if (state.send.kind === 'attention' && state.send.entry.lastError) shown.push(textOf(state.send.entry.lastError, locale));
  return shown;
}
