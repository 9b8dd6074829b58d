import type { PaneServices } from '../../../src/apps/taskpane/services';
import { strings } from '../../../src/apps/taskpane/strings';
import { officeWorkbook } from '../../../src/apps/taskpane/workbook/office-workbook-port';
import { memoryStore } from '../../../src/client/storage';
import { seedCatalog } from '../../../src/seed-catalog';
import { FakeExcelHost } from '../../helpers/fake-excel';

/** The fixed clock of the component tests: 2026-03-01 08:00 UTC (the default reporting year is 2025). */
export const TEST_NOW = Date.parse('2026-03-01T08:00:00Z');

/** What a test may replace: any service, or just the strict fake Excel the default workbook port runs over. */
export interface TestServicesOverrides extends Partial<PaneServices> {
  /** The fake Excel under the default workbook port (ignored when `workbook` is given); default: a new FakeExcelHost. */
  readonly host?: FakeExcelHost;
}

/** A fetch that refuses like a browser offline (or a server that does not answer). */
export const refusingFetch: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));

/**
 * The task pane's services for a component test, each a sensible fake unless overridden: Chinese, the real
 * workbook port over the strict fake Excel host (`host`, or a new one), a memory store, an unsaved workbook,
 * a fetch that refuses, a fixed clock (TEST_NOW), the seed catalog, and fixed client/endpoint/origin values.
 * `strings` follows `locale` unless given.
 */
export function testServices(overrides: TestServicesOverrides = {}): PaneServices {
  const { host, ...given } = overrides;
  // an override given as undefined keeps the default (tests pass their options through)
  const services = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined)) as Partial<PaneServices>;
  const locale = services.locale ?? 'zh-CN';
  return {
    locale,
    strings: strings[locale],
    workbook: services.workbook ?? officeWorkbook(host ?? new FakeExcelHost()),
    store: memoryStore(),
    workbookKey: '',
    fetch: refusingFetch,
    now: () => TEST_NOW,
    loadCatalog: () => Promise.resolve(seedCatalog()),
    client: { app: 'test' },
    defaultEndpoint: 'http://127.0.0.1:1',
    pageOrigin: 'https://localhost:3000',
    ...services,
  };
}
