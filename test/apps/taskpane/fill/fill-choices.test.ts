import { seedCatalog } from '../../../../src/seed-catalog';
import { memoryStore } from '../../../../src/client/storage';
import {
  ALL_INDICATORS,
  FILL_CHOICES_KEY,
  IDENTITY_KEY,
  defaultYear,
  identityOrganisation,
  initialChoices,
  planYears,
  rememberChoices,
} from '../../../../src/apps/taskpane/fill/fill-choices';

const catalog = seedCatalog();
const at = (iso: string) => new Date(iso).getTime();
/** Noon local time on a date, so the calendar year does not depend on the machine's time zone. */
const localNoon = (year: number, month = 3, day = 1) => new Date(year, month - 1, day, 12).getTime();

describe('the default reporting year', () => {
  it('is the previous calendar year, kept within 2021–2030', () => {
    expect(defaultYear(localNoon(2026))).toBe(2025);
    expect(defaultYear(localNoon(2022, 1, 1))).toBe(2021);
    expect(defaultYear(localNoon(2021, 6, 1))).toBe(2021); // 2020 is before the plans
    expect(defaultYear(localNoon(2031))).toBe(2030);
    expect(defaultYear(localNoon(2040))).toBe(2030);
    expect(defaultYear(at('2026-07-15T12:00:00Z'))).toBe(2025);
  });

  it('offers the ten plan years', () => {
    expect(planYears()).toEqual([2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030]);
  });
});

describe('remembered choices', () => {
  it('round-trips plan, organisation and year within the same calendar year', () => {
    const store = memoryStore();
    rememberChoices(store, { plan: 'children', organisation: 'wjj', year: 2024 }, localNoon(2026, 2));
    expect(JSON.parse(store.get(FILL_CHOICES_KEY) ?? '{}')).toMatchObject({ plan: 'children', organisation: 'wjj', year: 2024 });
    expect(initialChoices(catalog, store, localNoon(2026, 9))).toEqual({ choices: { plan: 'children', organisation: 'wjj', year: 2024 }, source: 'remembered' });
  });

  it('keeps the organisation and plan but not last season\u2019s year in a new calendar year', () => {
    const store = memoryStore();
    rememberChoices(store, { plan: 'children', organisation: 'gasa', year: 2024 }, localNoon(2025));
    expect(initialChoices(catalog, store, localNoon(2026)).choices).toEqual({ plan: 'children', organisation: 'gasa', year: 2025 });
  });

  it('restores the all-indicator choice', () => {
    const store = memoryStore();
    rememberChoices(store, { plan: 'women', organisation: ALL_INDICATORS, year: 2023 }, localNoon(2026));
    expect(initialChoices(catalog, store, localNoon(2026)).choices.organisation).toBe(ALL_INDICATORS);
  });

  it('falls back part by part on damaged or stale entries', () => {
    const now = localNoon(2026);
    const stale = memoryStore({ [FILL_CHOICES_KEY]: JSON.stringify({ plan: 'men', organisation: 'gone', year: 2035, savedIn: 2026 }) });
    expect(initialChoices(catalog, stale, now)).toEqual({ choices: { plan: 'women', organisation: '', year: 2025 }, source: 'none' });
    const garbage = memoryStore({ [FILL_CHOICES_KEY]: '{not json' });
    expect(initialChoices(catalog, garbage, now)).toEqual({ choices: { plan: 'women', organisation: '', year: 2025 }, source: 'none' });
    const array = memoryStore({ [FILL_CHOICES_KEY]: '[1,2]' });
    expect(initialChoices(catalog, array, now).source).toBe('none');
  });

  it('survives a store that refuses writes', () => {
    const store = { get: () => null, set: () => { throw new Error('QuotaExceededError'); }, remove: () => undefined };
    expect(() => rememberChoices(store, { plan: 'women', organisation: 'wjj', year: 2025 }, localNoon(2026))).not.toThrow();
  });
});

describe('the endpoint identity', () => {
  it('preselects the connected organisation when nothing is remembered', () => {
    const store = memoryStore({ [IDENTITY_KEY]: JSON.stringify({ organisationId: 'jtj', role: 'reporter' }) });
    expect(initialChoices(catalog, store, localNoon(2026))).toEqual({ choices: { plan: 'women', organisation: 'jtj', year: 2025 }, source: 'identity' });
  });

  it('gives way to a remembered organisation', () => {
    const store = memoryStore({ [IDENTITY_KEY]: JSON.stringify({ organisationId: 'jtj', role: 'reporter' }) });
    rememberChoices(store, { plan: 'women', organisation: 'mzj', year: 2025 }, localNoon(2026));
    expect(initialChoices(catalog, store, localNoon(2026)).choices.organisation).toBe('mzj');
  });

  it('is ignored when unknown to the catalog or malformed', () => {
    expect(identityOrganisation(catalog, memoryStore({ [IDENTITY_KEY]: JSON.stringify({ organisationId: 'nobody' }) }))).toBeUndefined();
    expect(identityOrganisation(catalog, memoryStore({ [IDENTITY_KEY]: 'null' }))).toBeUndefined();
    expect(identityOrganisation(catalog, memoryStore({ [IDENTITY_KEY]: '{' }))).toBeUndefined();
    expect(identityOrganisation(catalog, memoryStore({ [IDENTITY_KEY]: JSON.stringify({ organisationId: 7 }) }))).toBeUndefined();
    expect(identityOrganisation(catalog, memoryStore({ [IDENTITY_KEY]: JSON.stringify({ organisationId: 'wjj', role: 'reporter' }) }))).toBe('wjj');
  });
});
