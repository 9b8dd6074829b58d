import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { Catalog } from '../../../core/catalog/catalog';
import type { PlanId } from '../../../core/catalog/indicator-schema';
import { buildTemplate } from '../../../core/template/build-template';
import { prefillTemplate, previousSourceText, type PreviousSource } from '../../../core/template/prefill-template';
import type { TemplateModel } from '../../../core/template/template-model';
import { createEndpointClient } from '../../../client/http-endpoint-client';
import type { ViewProps } from '../App';
import { failureText } from '../error-text';
import { useServices, type PaneServices } from '../services';
import { loadEndpointSettings } from '../settings/endpoint-settings';
import type { WorkbookPort } from '../../../workbook/workbook-port';
import { ALL_INDICATORS, defaultYear, initialChoices, planYears, rememberChoices, type FillChoices } from './fill-choices';
import { fillIndicatorList, indicatorCounts } from './indicator-list';
import { IndicatorList } from './IndicatorList';
import { NameTakenDialog } from './NameTakenDialog';
import { OrganisationPicker } from './OrganisationPicker';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0, maxWidth: '720px' },
  choices: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  insert: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'stretch' },
  reason: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  messageActions: { flexWrap: 'wrap' },
});

const PLANS: readonly PlanId[] = ['women', 'children'];

type CatalogState = { status: 'loading' } | { status: 'ready'; catalog: Catalog } | { status: 'failed'; detail: string };

/** Loads the catalog (its own chunk) and loads it again on `retry`. */
function useCatalog(load: () => Promise<Catalog>): [CatalogState, () => void] {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<CatalogState>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    load().then(
      (catalog) => current && setState({ status: 'ready', catalog }),
      (error: unknown) => current && setState({ status: 'failed', detail: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [load, attempt]);
  return [state, useCallback(() => setAttempt((previous) => previous + 1), [])];
}

/** Fill (填报): choose plan, organisation and year, insert the template, see what the organisation reports. */
export default function FillView({ show }: ViewProps) {
  const services = useServices();
  const strings = services.strings.fill;
  const [catalog, retry] = useCatalog(services.loadCatalog);

  if (catalog.status === 'loading') return <Spinner size="small" label={strings.loadingCatalog} />;
  if (catalog.status === 'failed') {
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <div>{strings.catalogFailed}</div>
          <div>{strings.catalogFailedDetail(catalog.detail)}</div>
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={retry}>{strings.retry}</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  return <FillForm catalog={catalog.catalog} show={show} />;
}

/** What was prefilled into the template, and why 上年值 were or were not. */
interface Prefill {
  readonly previous: number;
  readonly baseline: number;
  /** 'filled': from `source`; 'none': no report last year; 'failed': the server could not say; 'noToken': not asked. */
  readonly outcome: { kind: 'filled'; source: string } | { kind: 'none'; year: number } | { kind: 'failed'; year: number; detail: string } | { kind: 'noToken' } | { kind: 'notAsked' };
}

type InsertState =
  | { kind: 'idle' }
  | { kind: 'busy'; fetching?: boolean }
  | { kind: 'confirm'; model: TemplateModel; prefill: Prefill }
  | { kind: 'done'; sheetName: string; replaced: boolean; indicators: number; rows: number; prefill: Prefill }
  | { kind: 'failed'; message: string };

/** The endpoint client of the person's stored address and token; null without a token. */
function endpointOf(services: PaneServices) {
  const settings = loadEndpointSettings(services);
  if (settings.token.trim() === '' || settings.url.trim() === '') return null;
  return createEndpointClient(settings, services.fetch, { pageOrigin: services.pageOrigin });
}

function FillForm({ catalog, show }: { catalog: Catalog; show: ViewProps['show'] }) {
  const styles = useStyles();
  const services = useServices();
  const { locale, strings: allStrings, store, now, workbook } = services;
  const strings = allStrings.fill;
  const [initial] = useState(() => initialChoices(catalog, store, now()));
  const [choices, setChoices] = useState<FillChoices>(initial.choices);
  const [fromIdentity, setFromIdentity] = useState(initial.source === 'identity');
  const [insert, setInsert] = useState<InsertState>({ kind: 'idle' });
  // the name the dialog asks about, kept after it closes (its closing animation still shows the text)
  const [askedName, setAskedName] = useState('');
  const insertButton = useRef<HTMLButtonElement>(null);
  const reasonId = useId();

  const update = (patch: Partial<FillChoices>) => {
    const next = { ...choices, ...patch };
    setChoices(next);
    rememberChoices(store, next, now());
    if (patch.organisation !== undefined) setFromIdentity(false);
  };

  const { plan, organisation: organisationChoice, year } = choices;
  const organisation = catalog.organisations.find((candidate) => candidate.id === organisationChoice);
  const chosen = organisationChoice === ALL_INDICATORS || organisation !== undefined;
  const counts = useMemo(() => indicatorCounts(catalog, plan), [catalog, plan]);
  const list = useMemo(
    () => (chosen ? fillIndicatorList(catalog, { plan, year, language: locale, ...(organisation ? { organisation } : {}) }) : undefined),
    [catalog, chosen, plan, year, locale, organisation],
  );
  const busy = insert.kind === 'busy' || insert.kind === 'confirm';
  const reason = !chosen ? strings.chooseOrganisationFirst : list && list.indicatorCount === 0 ? strings.nothingToInsert : undefined;

  const runInsert = async (model: TemplateModel, prefill: Prefill, replace: boolean) => {
    setInsert({ kind: 'busy' });
    try {
      const result = await workbook.insertTemplate(model, replace ? { replaceSheet: model.sheetName } : {});
      setInsert({
        kind: 'done',
        sheetName: result.sheetName,
        replaced: result.replaced !== undefined,
        indicators: new Set(model.dataRows.map((row) => row.indicatorId)).size,
        rows: model.dataRows.length,
        prefill,
      });
    } catch (error) {
      setInsert({ kind: 'failed', message: failureText(error, locale, strings.insertFailed) });
    }
  };

  /**
   * The template with 上年值 from the organisation's report of last year (when there is a token to ask the
   * endpoint with) and the plan's 基期值. Never fails: without last year's values the 上年值 stay empty.
   */
  const prefilled = async (built: TemplateModel): Promise<{ model: TemplateModel; prefill: Prefill }> => {
    let previous: PreviousSource | null = null;
    let outcome: Prefill['outcome'] = { kind: 'notAsked' };
    const client = organisation ? endpointOf(services) : null;
    if (organisation && !client) outcome = { kind: 'noToken' };
    if (organisation && client) {
      setInsert({ kind: 'busy', fetching: true });
      try {
        const answer = await client.previousValues(plan, year, organisation.id);
        if (answer.source) {
          previous = { year: answer.source.year, version: answer.source.version, status: answer.source.status, values: answer.values };
          outcome = { kind: 'filled', source: previousSourceText(previous, locale) };
        } else {
          outcome = { kind: 'none', year: year - 1 };
        }
      } catch (error) {
        outcome = { kind: 'failed', year: year - 1, detail: failureText(error, locale) };
      }
    }
    const result = prefillTemplate(built, catalog, { previous });
    return { model: result.model, prefill: { previous: result.filled.previous.length, baseline: result.filled.baseline.length, outcome } };
  };

  const start = async () => {
    if (busy || reason !== undefined) return;
    let built: TemplateModel;
    try {
      built = buildTemplate(catalog, { plan, year, language: locale, ...(organisation ? { organisationId: organisation.id } : {}) });
    } catch (error) {
      setInsert({ kind: 'failed', message: failureText(error, locale, strings.insertFailed) });
      return;
    }
    setInsert({ kind: 'busy' });
    const { model, prefill } = await prefilled(built);
    setInsert({ kind: 'busy' });
    try {
      if (await sheetExists(workbook, model.sheetName)) {
        setAskedName(model.sheetName);
        setInsert({ kind: 'confirm', model, prefill });
        return;
      }
    } catch (error) {
      setInsert({ kind: 'failed', message: failureText(error, locale, strings.insertFailed) });
      return;
    }
    await runInsert(model, prefill, false);
  };

  const closeDialog = (then: (model: TemplateModel, prefill: Prefill) => void) => {
    if (insert.kind !== 'confirm') return;
    then(insert.model, insert.prefill);
  };

  // focus goes back to the insert button when the dialog closes (its own restore has no trigger to go to)
  const previousKind = useRef(insert.kind);
  useEffect(() => {
    if (previousKind.current === 'confirm' && insert.kind !== 'confirm') insertButton.current?.focus();
    previousKind.current = insert.kind;
  }, [insert.kind]);

  const planTitle = (id: PlanId) => (locale === 'en-US' ? catalog.plans[id].titleEn : catalog.plans[id].title);
  const organisationName = organisation ? (locale === 'en-US' ? organisation.nameEn : organisation.name) : '';

  return (
    <div className={styles.root}>
      <Text>{strings.intro}</Text>
      <div className={styles.choices} role="group" aria-label={strings.choicesLabel}>
        <Field label={strings.planLabel}>
          <RadioGroup value={plan} onChange={(_event, data) => update({ plan: data.value as PlanId })}>
            {PLANS.map((id) => (
              <Radio key={id} value={id} label={planTitle(id)} />
            ))}
          </RadioGroup>
        </Field>
        <OrganisationPicker
          catalog={catalog}
          language={locale}
          strings={strings}
          value={chosen ? organisationChoice : ''}
          onChange={(value) => update({ organisation: value })}
          counts={counts}
          {...(fromIdentity ? { hint: strings.identityPreselected } : {})}
        />
        <Field label={strings.yearLabel} hint={strings.yearHint(defaultYear(now()))}>
          <Select value={String(year)} onChange={(_event, data) => update({ year: Number(data.value) })}>
            {planYears().map((option) => (
              <option key={option} value={option}>
                {strings.yearOption(option)}
              </option>
            ))}
          </Select>
        </Field>
      </div>

      <div className={styles.insert} aria-busy={busy}>
        <Button
          ref={insertButton}
          appearance="primary"
          disabledFocusable={busy || reason !== undefined}
          aria-describedby={reason === undefined ? undefined : reasonId}
          icon={busy ? <Spinner size="tiny" /> : undefined}
          onClick={() => void start()}
        >
          {insert.kind === 'busy' && insert.fetching ? strings.fetchingPrevious : busy ? strings.inserting : strings.insert}
        </Button>
        {reason !== undefined ? (
          <Text id={reasonId} className={styles.reason}>
            {reason}
          </Text>
        ) : null}
        {insert.kind === 'done' ? (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <div>{(insert.replaced ? strings.replaced : strings.inserted)(insert.sheetName, insert.indicators, insert.rows)}</div>
              <PrefillLines prefill={insert.prefill} strings={strings} />
              <div>{strings.nextStep}</div>
            </MessageBarBody>
            <MessageBarActions className={styles.messageActions}>
              <Button onClick={() => show('check')}>{strings.goToCheck}</Button>
            </MessageBarActions>
          </MessageBar>
        ) : null}
        {insert.kind === 'failed' ? (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{insert.message}</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>

      <NameTakenDialog
        open={insert.kind === 'confirm'}
        sheetName={askedName}
        strings={strings}
        onCopy={() => closeDialog((model, prefill) => void runInsert(model, prefill, false))}
        onReplace={() => closeDialog((model, prefill) => void runInsert(model, prefill, true))}
        onCancel={() => closeDialog(() => setInsert({ kind: 'idle' }))}
      />

      {list === undefined ? (
        <Text className={styles.reason}>{strings.listPrompt}</Text>
      ) : list.indicatorCount === 0 ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{strings.listEmpty(organisationName)}</MessageBarBody>
        </MessageBar>
      ) : (
        <IndicatorList list={list} year={year} heading={organisation ? strings.listHeading : strings.listHeadingAll} language={locale} strings={strings} />
      )}
    </div>
  );
}

/** What the insert prefilled, and why 上年值 were not when they were not. */
function PrefillLines({ prefill, strings }: { prefill: Prefill; strings: ReturnType<typeof useServices>['strings']['fill'] }) {
  const { outcome } = prefill;
  const lines: string[] = [];
  if (outcome.kind === 'filled' && prefill.previous > 0) lines.push(strings.prefilledPrevious(prefill.previous, outcome.source));
  if (prefill.baseline > 0) lines.push(strings.prefilledBaseline(prefill.baseline));
  if (lines.length > 0) lines.push(strings.prefilledHint);
  if (outcome.kind === 'none') lines.push(strings.noPrevious(outcome.year));
  if (outcome.kind === 'failed') lines.push(strings.previousFailed(outcome.year, outcome.detail));
  if (outcome.kind === 'noToken') lines.push(strings.previousNeedsToken);
  return (
    <>
      {lines.map((line) => (
        <div key={line}>{line}</div>
      ))}
    </>
  );
}

/** Whether the workbook has a sheet of that name (Excel compares names case-insensitively). */
async function sheetExists(workbook: WorkbookPort, sheetName: string): Promise<boolean> {
  const wanted = sheetName.toLowerCase();
  return (await workbook.sheetNames()).some((name) => name.toLowerCase() === wanted);
}
