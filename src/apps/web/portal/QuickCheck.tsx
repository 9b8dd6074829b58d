import { useId, useMemo, useRef, useState, type DragEvent } from 'react';
import { Button, ProgressBar, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ReceiptSchema, type Receipt } from '../../../contract/api';
import type { Catalog } from '../../../core/catalog/catalog';
import type { PlanId } from '../../../core/catalog/indicator-schema';
import type { Organisation } from '../../../core/catalog/organisation-schema';
import { textOf, type Language } from '../../../core/i18n/message';
import { nameFindings } from '../../../core/report/finding-sections';
import { isSubmittable } from '../../../core/report/report-findings';
import type { TemplateCheck } from '../../../core/template/check-template';
import type { XlsxCheckOutcome } from '../../../xlsx/read-xlsx-browser';
import { Notice } from '../../../ui/Notice';
import { errorText, useSession } from '../session';
import { FindingsView } from './FindingsView';
import type { PortalStrings } from './portal-strings';

/** The content type of an .xlsx workbook (what POST /submissions/upload takes as a raw body). */
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The engine of the quick check (quick-check-engine.ts), loaded on demand. */
export interface QuickCheckEngine {
  quickCheck(data: Uint8Array, catalog: Catalog, organisationId: string): Promise<XlsxCheckOutcome>;
}

const useStyles = makeStyles({
  drop: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingVerticalM,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  over: { backgroundColor: tokens.colorBrandBackground2 },
  hiddenInput: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
  results: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  submitLine: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
});

type CheckState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'checking'; readonly name: string }
  | { readonly kind: 'refused'; readonly name: string; readonly message: string }
  | { readonly kind: 'done'; readonly name: string; readonly bytes: Uint8Array; readonly outcome: Extract<XlsxCheckOutcome, { ok: true }>; readonly key: string };

function readBytes(file: File): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer().then((buffer) => new Uint8Array(buffer));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsArrayBuffer(file);
  });
}

function newKey(): string {
  const random = globalThis.crypto?.randomUUID?.();
  return random ?? `web-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/**
 * 快速检查 and 提交 of one plan-year: a chosen or dropped .xlsx is read and judged in this browser by the core
 * (nothing is sent); the findings are listed as the pane lists them; 提交 uploads the same bytes.
 */
export function QuickCheck({ plan, year, organisation, catalog, engine, locked, language, strings: s, onSubmitted }: {
  plan: PlanId;
  year: number;
  organisation: Organisation;
  catalog: Catalog;
  engine: QuickCheckEngine;
  locked: boolean;
  language: Language;
  strings: PortalStrings;
  onSubmitted: (receipt: Receipt) => void;
}) {
  const styles = useStyles();
  const { api } = useSession();
  const inputId = useId();
  const headingId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<CheckState>({ kind: 'idle' });
  const [over, setOver] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | undefined>();

  async function check(file: File) {
    setSubmitError(undefined);
    if (!/\.xlsx$/i.test(file.name)) {
      setState({ kind: 'refused', name: file.name, message: s.notXlsx(file.name) });
      return;
    }
    setState({ kind: 'checking', name: file.name });
    try {
      const bytes = await readBytes(file);
      const outcome = await engine.quickCheck(bytes, catalog, organisation.id);
      if (!outcome.ok) setState({ kind: 'refused', name: file.name, message: textOf(outcome.message, language) });
      else setState({ kind: 'done', name: file.name, bytes, outcome, key: newKey() });
    } catch (error) {
      setState({ kind: 'refused', name: file.name, message: errorText(error, language) });
    }
  }

  function drop(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file) void check(file);
  }

  // a workbook may hold several templates (both plans, a copy): this task's own first, else the first one
  const sheets = state.kind === 'done' ? state.outcome.sheets : [];
  const sheet: TemplateCheck | undefined = sheets.find((candidate) => candidate.read.meta.plan === plan && candidate.read.meta.year === year) ?? sheets[0];
  const findings = useMemo(() => (sheet ? nameFindings(sheet.findings, catalog) : []), [sheet, catalog]);
  const meta = sheet?.read.meta;
  const wrongTask = meta && (meta.plan !== plan || meta.year !== year) ? s.otherPlanYear(s.planTitle[meta.plan], meta.year) : undefined;
  const wrongOrganisation = meta?.organisationId !== undefined && meta.organisationId !== organisation.id ? s.otherOrganisation(meta.organisationId) : undefined;
  const clear = sheet !== undefined && isSubmittable(sheet.counts);
  const canSubmit = state.kind === 'done' && sheet !== undefined && clear && !wrongTask && !wrongOrganisation && !locked;

  async function submit() {
    if (state.kind !== 'done' || !sheet) return;
    setSubmitting(true);
    setSubmitError(undefined);
    try {
      const several = state.outcome.sheets.length + state.outcome.skipped.length > 1;
      const path = `/submissions/upload${several ? `?sheet=${encodeURIComponent(sheet.read.sheetName)}` : ''}`;
      const body = new Blob([state.bytes as unknown as BlobPart], { type: XLSX_CONTENT_TYPE });
      const receipt = await api.sendFile(path, body, XLSX_CONTENT_TYPE, ReceiptSchema, { 'idempotency-key': state.key });
      setState({ kind: 'idle' });
      onSubmitted(receipt);
    } catch (error) {
      setSubmitError(errorText(error, language));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <section aria-labelledby={headingId} className={styles.results}>
      <Text as="h3" id={headingId} weight="semibold" size={400}>
        {s.quickCheck}
      </Text>
      <Text>{s.quickCheckIntro}</Text>
      <div
        className={mergeClasses(styles.drop, over && styles.over)}
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
        data-testid={`drop-${plan}`}
      >
        <input
          ref={input}
          id={inputId}
          className={styles.hiddenInput}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label={`${s.chooseFile}（${s.planTitle[plan]}）`}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = '';
            if (file) void check(file);
          }}
          tabIndex={-1}
        />
        <Button onClick={() => input.current?.click()}>{s.chooseFile}</Button>
        <Text>{s.dropHere}</Text>
      </div>
      <div role="status" aria-live="polite">
        {state.kind === 'checking' && <Text>{s.checking(state.name)}</Text>}
      </div>
      {state.kind === 'refused' && (
        <div role="alert">
          <Notice intent="error">{state.message}</Notice>
        </div>
      )}
      {state.kind === 'done' && !sheet && <Notice intent="error">{s.noTemplate(state.name)}</Notice>}
      {state.kind === 'done' && sheet && (
        <>
          <Text as="h4" weight="semibold">
            {s.resultsFor(state.name, sheet.read.sheetName)}
          </Text>
          {state.outcome.skipped.map((skipped) => (
            <Text key={skipped.sheetName}>{s.skipped(skipped.sheetName, textOf(skipped.message, language))}</Text>
          ))}
          {wrongOrganisation && <Notice intent="error">{wrongOrganisation}</Notice>}
          {wrongTask && <Notice intent="warning">{wrongTask}</Notice>}
          <Text>{s.filled(sheet.counts.filled, sheet.counts.lines)}</Text>
          <ProgressBar value={sheet.counts.lines === 0 ? 0 : sheet.counts.filled / sheet.counts.lines} thickness="large" aria-label={s.filled(sheet.counts.filled, sheet.counts.lines)} />
          <Text>{s.counts(sheet.counts)}</Text>
          {clear ? <Notice intent="success">{s.allClear}</Notice> : <Notice intent="warning">{s.fixFirst}</Notice>}
          <FindingsView findings={findings} catalog={catalog} language={language} strings={s} />
          <div className={styles.submitLine}>
            <Button appearance="primary" disabled={!canSubmit || submitting} onClick={() => void submit()}>
              {submitting ? s.submitting : s.submit}
            </Button>
            <Text>{locked ? s.submitLocked : s.submitHint}</Text>
          </div>
          <div role="alert">{submitError && <Notice intent="error">{submitError}</Notice>}</div>
        </>
      )}
    </section>
  );
}
