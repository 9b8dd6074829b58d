/**
 * What the bureau's pages share: the plan and year chosen in the address (?plan=…&year=…), loading an answer
 * with its three states, the table container that scrolls by itself (never the page, at 1366×768), links
 * that stay in the app, the print rules, the downloads and how a value reads.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import { useLocation, useSearchParams } from 'wouter';
import { Button, Field, Link, Select, Spinner, Text, makeStaticStyles, makeStyles, tokens } from '@fluentui/react-components';
import { PLAN_FIRST_YEAR, PLAN_LAST_YEAR, type PlanId } from '../../../core/catalog/indicator-schema';
import { BilingualError, textOf, type Language } from '../../../core/i18n/message';
import { Notice } from '../../../ui/Notice';
import type { WebApi } from '../web-api';
import type { BureauStrings } from './bureau-strings';
import { saveBlob } from '../page-kit';

export const PLANS: readonly PlanId[] = ['women', 'children'];

/** What every page gets from the workspace. */
export interface BureauContextValue {
  readonly api: WebApi;
  readonly strings: BureauStrings;
  readonly language: Language;
  /** Today, for the default year (injectable for tests). */
  readonly now: () => Date;
}

export const BureauContext = createContext<BureauContextValue | null>(null);

export function useBureau(): BureauContextValue {
  const value = useContext(BureauContext);
  if (!value) throw new Error('useBureau outside <BureauWorkspace>');
  return value;
}

/** The latest year whose reports are due: year Y is reported in Y+1, within the plans' 2021–2030. */
export function latestDueYear(now: Date): number {
  return Math.min(PLAN_LAST_YEAR, Math.max(PLAN_FIRST_YEAR, now.getFullYear() - 1));
}

export const YEARS: readonly number[] = Array.from({ length: PLAN_LAST_YEAR - PLAN_FIRST_YEAR + 1 }, (_, index) => PLAN_FIRST_YEAR + index);

/** Where the plan and year last chosen are kept for the tab (the shell's navigation links carry no query). */
const CHOICE_KEY = 'xpm.bureau.planYear';

interface StoredChoice {
  readonly plan?: string;
  readonly year?: number;
}

function storedChoice(): StoredChoice {
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(CHOICE_KEY) ?? '{}');
    return typeof value === 'object' && value !== null ? (value as StoredChoice) : {};
  } catch {
    return {};
  }
}

function storeChoice(choice: StoredChoice): void {
  try {
    sessionStorage.setItem(CHOICE_KEY, JSON.stringify({ ...storedChoice(), ...choice }));
  } catch {
    // storage refused (private mode, quota): the address still says it
  }
}

const isPlanYear = (year: number) => Number.isInteger(year) && year >= PLAN_FIRST_YEAR && year <= PLAN_LAST_YEAR;

/**
 * The plan (or both: null) and year: the address's (?plan=…&year=…), else the ones last chosen in this tab,
 * else the page's default plan and the latest year due; and how to change them (in the address, remembered).
 */
export function usePlanYear(defaultPlan: PlanId | null = 'children'): { plan: PlanId | null; year: number; query: string; setPlan: (plan: PlanId | null) => void; setYear: (year: number) => void } {
  const { now } = useBureau();
  const [params, setParams] = useSearchParams();
  const stored = storedChoice();
  const planParam = params.get('plan') ?? stored.plan ?? null;
  // a page about one plan shows the default one when "both" was chosen on the board
  const plan: PlanId | null = planParam === 'women' || planParam === 'children' ? planParam : defaultPlan;
  const yearParam = Number(params.get('year'));
  const year = isPlanYear(yearParam) ? yearParam : isPlanYear(Number(stored.year)) ? Number(stored.year) : latestDueYear(now());
  const explicitPlan = params.get('plan');
  useEffect(() => {
    if (explicitPlan === 'women' || explicitPlan === 'children' || explicitPlan === 'both') storeChoice({ plan: explicitPlan });
    if (isPlanYear(yearParam)) storeChoice({ year: yearParam });
  }, [explicitPlan, yearParam]);
  const set = useCallback(
    (key: string, value: string) =>
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          next.set(key, value);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return {
    plan,
    year,
    query: `?${new URLSearchParams({ ...(plan ? { plan } : {}), year: String(year) }).toString()}`,
    setPlan: (next) => set('plan', next ?? 'both'),
    setYear: (next) => set('year', String(next)),
  };
}

const usePickerStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'end' },
});

/** The plan and year selectors (labelled, keyboard-native <select>s). */
export function PlanYearPicker({ allowBoth = false, defaultPlan = 'children', children }: { allowBoth?: boolean; defaultPlan?: PlanId | null; children?: ReactNode }) {
  const { strings: s } = useBureau();
  const styles = usePickerStyles();
  const { plan, year, setPlan, setYear } = usePlanYear(defaultPlan);
  return (
    <div className={`${styles.row} bureau-no-print`}>
      <Field label={s.plan}>
        <Select value={plan ?? 'both'} onChange={(_, data) => setPlan(data.value === 'both' ? null : (data.value as PlanId))}>
          {allowBoth && <option value="both">{s.planBoth}</option>}
          {PLANS.map((id) => (
            <option key={id} value={id}>
              {s.planNames[id]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={s.year}>
        <Select value={String(year)} onChange={(_, data) => setYear(Number(data.value))}>
          {YEARS.map((item) => (
            <option key={item} value={item}>
              {s.yearOption(item, item + 1)}
            </option>
          ))}
        </Select>
      </Field>
      {children}
    </div>
  );
}

/** An answer being loaded: loading, failed (the error) or ready (the data); reload() asks again. */
export type Loaded<T> = { readonly status: 'loading' } | { readonly status: 'error'; readonly error: unknown } | { readonly status: 'ready'; readonly data: T };

/**
 * Loads `load()` whenever `key` changes; a late answer for an older key is dropped. reload() asks again and
 * keeps showing what it has meanwhile (a page reloaded after an action keeps its message and its place).
 */
export function useLoad<T>(key: string, load: () => Promise<T>): { state: Loaded<T>; reload: () => void } {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const [round, setRound] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const keyRef = useRef<string | null>(null);
  useEffect(() => {
    let current = true;
    if (keyRef.current !== key) setState({ status: 'loading' });
    keyRef.current = key;
    loadRef.current().then(
      (data) => current && setState({ status: 'ready', data }),
      (error: unknown) => current && setState({ status: 'error', error }),
    );
    return () => {
      current = false;
    };
  }, [key, round]);
  return { state, reload: useCallback(() => setRound((value) => value + 1), []) };
}

/** The server's own words (its Chinese message) for a failure, or the error's text. */
export function errorText(error: unknown, language: Language): string {
  if (error instanceof BilingualError) return textOf(error, language);
  return error instanceof Error ? error.message : String(error);
}

/** Loading → a spinner; failed → the server's message and 重试; ready → the children with the data. */
export function LoadView<T>({ state, reload, children }: { state: Loaded<T>; reload?: () => void; children: (data: T) => ReactNode }) {
  const { strings: s, language } = useBureau();
  if (state.status === 'loading') return <Spinner size="small" label={s.loading} />;
  if (state.status === 'error') {
    return (
      <div role="alert">
        <Notice intent="error" title={s.errorTitle} actions={reload ? <Button onClick={reload}>{s.retry}</Button> : undefined}>
          {errorText(state.error, language)}
        </Notice>
      </div>
    );
  }
  return <>{children(state.data)}</>;
}

const useTableStyles = makeStyles({
  scroller: { maxWidth: '100%', overflowX: 'auto' },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    fontSize: tokens.fontSizeBase200,
    '& th, & td': { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, textAlign: 'left', verticalAlign: 'top' },
    '& thead th': { backgroundColor: tokens.colorNeutralBackground3, position: 'sticky', top: 0 },
    '& caption': { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, padding: `${tokens.spacingVerticalXS} 0` },
  },
});

/**
 * A table in a container that scrolls by itself, so the page never scrolls sideways. With a label the
 * container is a named region that takes the focus (so the keyboard can scroll it); without one it is plain
 * (inside a section that already names it).
 */
export function ScrollTable({ caption, children, label }: { caption?: ReactNode; label?: string; children: ReactNode }) {
  const styles = useTableStyles();
  return (
    <div className={`${styles.scroller} bureau-table-scroller`} {...(label ? { role: 'region', 'aria-label': label, tabIndex: 0 } : {})}>
      <table className={styles.table}>
        {caption !== undefined && <caption>{caption}</caption>}
        {children}
      </table>
    </div>
  );
}

/** A link inside the app: a real href (open in a new tab works), followed without reloading. */
export function AppLink({ href, children, ariaLabel }: { href: string; children: ReactNode; ariaLabel?: string }) {
  const [, navigate] = useLocation();
  return (
    <Link
      href={href}
      aria-label={ariaLabel}
      onClick={(event: MouseEvent<HTMLAnchorElement>) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        navigate(href);
      }}
    >
      {children}
    </Link>
  );
}

/**
 * The print rules of the workspace: controls, navigation and buttons are not printed, tables are printed
 * whole (no scrolling container), A4 landscape. Pages mark what not to print with `bureau-no-print`.
 */
export const usePrintStyles = makeStaticStyles(`
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  .bureau-no-print, nav, button { display: none !important; }
  .bureau-table-scroller { overflow: visible !important; }
  .bureau-page table { font-size: 9pt; page-break-inside: auto; }
  .bureau-page tr { page-break-inside: avoid; }
  .bureau-page thead { display: table-header-group; }
  .bureau-page th { position: static !important; }
  .bureau-chart { break-inside: avoid; page-break-inside: avoid; }
  .bureau-page details > *:not(summary) { display: block; }
}
`);

/** How a value reads: text as is, numbers, yes/no, a ratio {left, right}, nothing as —. */
export function valueText(value: unknown, yes = '是', no = '否'): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? yes : no;
  if (typeof value === 'object' && value !== null && 'left' in value && 'right' in value) return `${String((value as { left: unknown }).left)}:${String((value as { right: unknown }).right)}`;
  return JSON.stringify(value);
}

/** A number out of a stored value (parsed reading, or the text typed), else null. */
export function numberOf(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return null;
}

/** A difference as statisticians write it: signed, at most 4 decimals. */
export function signed(change: number): string {
  const rounded = Math.round(change * 10_000) / 10_000;
  return rounded > 0 ? `+${rounded}` : String(rounded);
}

/** The two downloads: the monitoring report (.xlsx) and the evaluation table (CSV), saved through a Blob link. */
export function ReportDownloads({ plan, year }: { plan: PlanId; year: number }) {
  const { api, strings: s, language } = useBureau();
  const [busy, setBusy] = useState<'xlsx' | 'csv' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const download = async (format: 'xlsx' | 'csv') => {
    setBusy(format);
    setError(null);
    try {
      const { blob, fileName } = await api.download(`/monitoring/${plan}/${year}/report.${format}`);
      saveBlob(blob, fileName ?? `${plan}-${year}-monitoring.${format}`);
    } catch (failure) {
      setError(errorText(failure, language));
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="bureau-no-print" style={{ display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' }}>
      <Button disabled={busy !== null} onClick={() => void download('xlsx')}>
        {busy === 'xlsx' ? s.downloading : s.downloadXlsx}
      </Button>
      <Button disabled={busy !== null} onClick={() => void download('csv')}>
        {busy === 'csv' ? s.downloading : s.downloadCsv}
      </Button>
      {error !== null && (
        <Text role="alert">
          {s.downloadFailed}：{error}
        </Text>
      )}
    </div>
  );
}

/** The print button (window.print). */
export function PrintButton() {
  const { strings: s } = useBureau();
  return (
    <Button className="bureau-no-print" onClick={() => window.print()}>
      {s.print}
    </Button>
  );
}

/** Organisation names by id, from GET /organisations (short names), loaded once per workspace. */
export const OrganisationNamesContext = createContext<ReadonlyMap<string, string>>(new Map());

export function useOrganisationName(): (id: string) => string {
  const names = useContext(OrganisationNamesContext);
  return useMemo(() => (id: string) => names.get(id) ?? id, [names]);
}
