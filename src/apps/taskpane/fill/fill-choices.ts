/**
 * The Fill view's choices (plan, organisation, reporting year): their defaults, and remembering them per
 * user in the pane's store. Pure apart from the injected store, so it is unit-tested directly.
 */
import type { Catalog } from '../../../core/catalog/catalog';
import { PLAN_FIRST_YEAR, PLAN_LAST_YEAR, type PlanId } from '../../../core/catalog/indicator-schema';
import type { KeyValueStore } from '../../../client/storage';

/** Where the Fill view remembers its choices (JSON, see {@link StoredChoices}). */
export const FILL_CHOICES_KEY = 'xpm.fill.choices';
/** Written by the Settings view after a successful connection test: JSON `{ organisationId, role }`. */
export const IDENTITY_KEY = 'xpm.endpoint.identity';
/** The organisation choice meaning "no organisation: every indicator" (organisation ids never start with *). */
export const ALL_INDICATORS = '*all';

/**
 * What the view has chosen. `organisation` is an organisation id, {@link ALL_INDICATORS}, or '' when nothing
 * is chosen yet.
 */
export interface FillChoices {
  readonly plan: PlanId;
  readonly organisation: string;
  readonly year: number;
}

/** Where the initial organisation came from: the person's last choice, the endpoint identity, or nothing. */
export type ChoiceSource = 'remembered' | 'identity' | 'none';

/** As stored: the choices plus the calendar year they were made in. */
interface StoredChoices extends FillChoices {
  readonly savedIn: number;
}

const PLANS: readonly PlanId[] = ['women', 'children'];

/** The calendar year of a time (local time: the year the person sees on their clock). */
export function calendarYear(now: number): number {
  return new Date(now).getFullYear();
}

/**
 * The reporting year to offer: annual monitoring reports the previous year's data, so the previous calendar
 * year, kept within the plans' 2021–2030.
 */
export function defaultYear(now: number): number {
  return Math.min(PLAN_LAST_YEAR, Math.max(PLAN_FIRST_YEAR, calendarYear(now) - 1));
}

/** The reporting years people can choose. */
export function planYears(): number[] {
  const years: number[] = [];
  for (let year = PLAN_FIRST_YEAR; year <= PLAN_LAST_YEAR; year += 1) years.push(year);
  return years;
}

function isValidYear(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= PLAN_FIRST_YEAR && value <= PLAN_LAST_YEAR;
}

/** Whether an organisation choice is usable with this catalog ('' counts: nothing chosen). */
export function isKnownOrganisation(catalog: Catalog, organisation: string): boolean {
  return organisation === '' || organisation === ALL_INDICATORS || catalog.organisations.some((candidate) => candidate.id === organisation);
}

function parseJson(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function readStored(store: KeyValueStore): Partial<StoredChoices> | undefined {
  const data = parseJson(store.get(FILL_CHOICES_KEY));
  return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Partial<StoredChoices>) : undefined;
}

/** The organisation of the endpoint identity (Settings), when it is one of the catalog's organisations. */
export function identityOrganisation(catalog: Catalog, store: KeyValueStore): string | undefined {
  const data = parseJson(store.get(IDENTITY_KEY));
  if (typeof data !== 'object' || data === null) return undefined;
  const id = (data as { organisationId?: unknown }).organisationId;
  return typeof id === 'string' && id !== '' && catalog.organisations.some((candidate) => candidate.id === id) ? id : undefined;
}

/**
 * The choices to open the view with. Each remembered choice is restored when it is still valid (a removed
 * organisation or a damaged entry falls back on its own); a remembered year only within the calendar year it
 * was chosen in, so the next reporting season starts on its own previous year. With no remembered
 * organisation, the organisation the pane is connected as (Settings) is preselected.
 */
export function initialChoices(catalog: Catalog, store: KeyValueStore, now: number): { choices: FillChoices; source: ChoiceSource } {
  const stored = readStored(store);
  const plan = PLANS.find((candidate) => candidate === stored?.plan) ?? 'women';
  const year = isValidYear(stored?.year) && stored?.savedIn === calendarYear(now) ? stored.year : defaultYear(now);
  const remembered = typeof stored?.organisation === 'string' && stored.organisation !== '' && isKnownOrganisation(catalog, stored.organisation) ? stored.organisation : undefined;
  if (remembered !== undefined) return { choices: { plan, organisation: remembered, year }, source: 'remembered' };
  const identity = identityOrganisation(catalog, store);
  if (identity !== undefined) return { choices: { plan, organisation: identity, year }, source: 'identity' };
  return { choices: { plan, organisation: '', year }, source: 'none' };
}

/** Remembers the choices for the next time the pane opens (per user: the store is never the workbook). */
export function rememberChoices(store: KeyValueStore, choices: FillChoices, now: number): void {
  const stored: StoredChoices = { plan: choices.plan, organisation: choices.organisation, year: choices.year, savedIn: calendarYear(now) };
  try {
    store.set(FILL_CHOICES_KEY, JSON.stringify(stored));
  } catch {
    // a full or refused storage only costs the convenience of remembering
  }
}
