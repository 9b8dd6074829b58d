/**
 * @jest-environment jsdom
 */
import '@testing-library/jest-dom';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import FillView from '../../../../src/apps/taskpane/fill/FillView';
import { FILL_CHOICES_KEY, IDENTITY_KEY } from '../../../../src/apps/taskpane/fill/fill-choices';
import { fillIndicatorList } from '../../../../src/apps/taskpane/fill/indicator-list';
import type { ViewName } from '../../../../src/apps/taskpane/App';
import { ServicesProvider } from '../../../../src/apps/taskpane/services';
import { memoryStore } from '../../../../src/client/storage';
import { strings, type Locale } from '../../../../src/apps/taskpane/strings';
import { seedCatalog } from '../../../../src/seed-catalog';
import type { Catalog } from '../../../../src/core/catalog/catalog';
import { isTownship } from '../../../../src/core/catalog/organisation-schema';
import { buildTemplate, FIRST_DATA_ROW } from '../../../../src/core/template/build-template';
import { COLUMN_INDEX } from '../../../../src/core/template/template-columns';
import { cellAddress } from '../../../../src/core/template/cell-address';
import { asWorkbookError } from '../../../../src/office-workbook/workbook-error';
import { ENDPOINT_TOKEN_KEY } from '../../../../src/apps/taskpane/settings/endpoint-settings';
import type { PreviousValues } from '../../../../src/contract/api';
import { FakeExcelHost, FakeOfficeError, FakeWorkbook, type FakeSheet } from '../../../helpers/fake-excel';
import { testServices } from '../test-services';

jest.setTimeout(30_000);

const catalog = seedCatalog();
/** 2026-03-01 noon, local time: the default reporting year is 2025. */
const NOW = new Date(2026, 2, 1, 12).getTime();
const zh = strings['zh-CN'].fill;
const en = strings['en-US'].fill;

interface Setup {
  locale?: Locale;
  store?: Record<string, string>;
  host?: FakeExcelHost;
  loadCatalog?: () => Promise<Catalog>;
  fetch?: typeof fetch;
}

function renderFill(setup: Setup = {}) {
  const locale = setup.locale ?? 'zh-CN';
  const host = setup.host ?? new FakeExcelHost();
  const store = memoryStore(setup.store);
  const show = jest.fn<void, [ViewName]>();
  const services = testServices({ locale, host, store, now: () => NOW, loadCatalog: setup.loadCatalog ?? (() => Promise.resolve(catalog)), fetch: setup.fetch });
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <ServicesProvider services={services}>
        <FillView active show={show} />
      </ServicesProvider>
    </FluentProvider>,
  );
  return { host, store, show, user };
}

/** Remembered choices as the view writes them (chosen this calendar year). */
function remembered(plan: 'women' | 'children', organisation: string, year: number): Record<string, string> {
  return { [FILL_CHOICES_KEY]: JSON.stringify({ plan, organisation, year, savedIn: new Date(NOW).getFullYear() }) };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** The indicator ids in the template's 指标编号 column of a sheet, top to bottom (the domains' group rows have none). */
function sheetIndicatorIds(sheet: FakeSheet, rows: number): string[] {
  const ids: string[] = [];
  for (let row = FIRST_DATA_ROW; ids.length < rows && row < FIRST_DATA_ROW + 2 * rows + 20; row += 1) {
    const id = String(sheet.value(cellAddress(row, COLUMN_INDEX.id)));
    if (id !== '') ids.push(id);
  }
  return ids;
}

const organisationField = (name = zh.organisationLabel) => screen.findByRole('combobox', { name });
const listItems = () => document.querySelectorAll('li[data-indicator]');

describe('the Fill view', () => {
  it('shows a spinner while the catalog loads, then the form', async () => {
    const loading = deferred<Catalog>();
    renderFill({ loadCatalog: () => loading.promise });
    expect(screen.getByText(zh.loadingCatalog)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: zh.insert })).not.toBeInTheDocument();
    loading.resolve(catalog);
    expect(await screen.findByRole('button', { name: zh.insert })).toBeInTheDocument();
    expect(screen.queryByText(zh.loadingCatalog)).not.toBeInTheDocument();
  });

  it('says so when the catalog cannot be loaded, and loads it again on 重试', async () => {
    const loadCatalog = jest.fn<Promise<Catalog>, []>().mockRejectedValueOnce(new Error('ChunkLoadError: Loading chunk catalog failed')).mockResolvedValue(catalog);
    const { user } = renderFill({ loadCatalog });
    expect(await screen.findByText(zh.catalogFailed)).toBeInTheDocument();
    expect(screen.getByText(zh.catalogFailedDetail('ChunkLoadError: Loading chunk catalog failed'))).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: zh.retry }));
    expect(await screen.findByRole('button', { name: zh.insert })).toBeInTheDocument();
    expect(loadCatalog).toHaveBeenCalledTimes(2);
    expect(screen.queryByText(zh.catalogFailed)).not.toBeInTheDocument();
  });

  it('opens on the previous year with nothing chosen, and cannot insert until an organisation is chosen', async () => {
    renderFill();
    const button = await screen.findByRole('button', { name: zh.insert });
    expect(screen.getByRole('combobox', { name: zh.yearLabel })).toHaveValue('2025');
    expect(await organisationField()).toHaveValue('');
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveAccessibleDescription(zh.chooseOrganisationFirst);
    expect(screen.getByText(zh.listPrompt)).toBeInTheDocument();
  });

  it('restores remembered choices and writes every change back', async () => {
    const { store, user } = renderFill({ store: remembered('children', 'gaj', 2024) });
    expect(await organisationField()).toHaveValue('公安局');
    expect(screen.getByRole('radio', { name: catalog.plans.children.title })).toBeChecked();
    expect(screen.getByRole('radio', { name: catalog.plans.women.title })).not.toBeChecked();
    expect(screen.getByRole('combobox', { name: zh.yearLabel })).toHaveValue('2024');

    await user.selectOptions(screen.getByRole('combobox', { name: zh.yearLabel }), '2023');
    expect(JSON.parse(store.get(FILL_CHOICES_KEY) ?? '{}')).toMatchObject({ plan: 'children', organisation: 'gaj', year: 2023 });

    await user.click(screen.getByRole('radio', { name: catalog.plans.women.title }));
    expect(JSON.parse(store.get(FILL_CHOICES_KEY) ?? '{}')).toMatchObject({ plan: 'women', organisation: 'gaj', year: 2023 });

    await user.click(await organisationField());
    await user.click(await screen.findByRole('option', { name: /^民政局/ }));
    expect(JSON.parse(store.get(FILL_CHOICES_KEY) ?? '{}')).toMatchObject({ plan: 'women', organisation: 'mzj', year: 2023 });
    expect(await organisationField()).toHaveValue('民政局');
  });

  it('preselects the organisation the pane is connected as when nothing is remembered', async () => {
    renderFill({ store: { [IDENTITY_KEY]: JSON.stringify({ organisationId: 'jtj', role: 'reporter' }) } });
    const field = await organisationField();
    expect(field).toHaveValue('教体局');
    expect(screen.getByText(zh.identityPreselected)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: zh.insert })).not.toHaveAttribute('aria-disabled', 'true');
  });

  it('finds an organisation by typing, in groups, and offers the all-indicator template', async () => {
    const { user } = renderFill();
    const field = await organisationField();
    await user.click(field);
    const listbox = await screen.findByRole('listbox');
    expect(within(listbox).getByRole('option', { name: new RegExp(`^${zh.allIndicators.replace(/[()（）]/g, '.')}`) })).toBeInTheDocument();
    const groups = within(listbox).getAllByRole('group');
    expect(groups.map((group) => group.textContent?.slice(0, zh.groupDepartments.length + 2))).toEqual([
      expect.stringContaining(zh.groupDepartments),
      expect.stringContaining(zh.groupTownships),
    ]);
    expect(within(groups[1] as HTMLElement).getAllByRole('option')).toHaveLength(catalog.organisations.filter(isTownship).length);

    await user.type(field, '戛洒');
    const options = within(await screen.findByRole('listbox')).getAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual([expect.stringMatching(/^戛洒镇/)]);
    await user.click(options[0] as HTMLElement);
    expect(field).toHaveValue('戛洒镇');
  });

  it('searches again when an organisation is already chosen', async () => {
    const { store, user } = renderFill({ store: remembered('children', 'gaj', 2025) });
    const field = await organisationField();
    expect(field).toHaveValue('公安局');
    await user.clear(field);
    await user.type(field, '戛洒');
    expect(field).toHaveValue('戛洒');
    const options = within(await screen.findByRole('listbox')).getAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual([expect.stringMatching(/^戛洒镇/)]);
    await user.keyboard('{Enter}');
    expect(field).toHaveValue('戛洒镇');
    expect(JSON.parse(store.get(FILL_CHOICES_KEY) ?? '{}')).toMatchObject({ organisation: 'gasa' });
  });

  it('inserts the template into the workbook and offers to go to 检查', async () => {
    const { host, show, user } = renderFill({ store: remembered('children', 'wjj', 2025) });
    const model = buildTemplate(catalog, { plan: 'children', year: 2025, organisationId: 'wjj' });
    const indicators = new Set(model.dataRows.map((row) => row.indicatorId)).size;

    await user.click(await screen.findByRole('button', { name: zh.insert }));
    expect(await screen.findByText(zh.inserted(model.sheetName, indicators, model.dataRows.length))).toBeInTheDocument();

    const sheet = host.workbook.sheet(model.sheetName);
    expect(host.workbook.active).toBe(sheet);
    expect(host.workbook.sheets.map((s) => s.name)).toEqual(['Sheet1', model.sheetName]);
    expect(sheet.value(cellAddress(1, 0))).toBe(model.title);
    expect(sheetIndicatorIds(sheet, model.dataRows.length)).toEqual(model.dataRows.map((row) => row.indicatorId));
    expect(sheet.value(cellAddress((model.dataRows.at(-1)?.row ?? 0) + 1, COLUMN_INDEX.id))).toBe('');

    await user.click(screen.getByRole('button', { name: zh.goToCheck }));
    expect(show).toHaveBeenCalledWith('check');
  });

  it('inserts the all-indicator template', async () => {
    const { host, user } = renderFill({ store: remembered('women', '*all', 2025) });
    const model = buildTemplate(catalog, { plan: 'women', year: 2025 });
    expect(await organisationField()).toHaveValue(zh.allIndicators);
    await user.click(screen.getByRole('button', { name: zh.insert }));
    expect(await screen.findByText(zh.inserted(model.sheetName, new Set(model.dataRows.map((row) => row.indicatorId)).size, model.dataRows.length))).toBeInTheDocument();
    expect(sheetIndicatorIds(host.workbook.sheet(model.sheetName), model.dataRows.length)).toEqual(model.dataRows.map((row) => row.indicatorId));
  });

  describe('when a sheet of the template\u2019s name exists', () => {
    const model = buildTemplate(catalog, { plan: 'children', year: 2025, organisationId: 'gaj' });
    const indicators = new Set(model.dataRows.map((row) => row.indicatorId)).size;
    function workbookWithOldSheet() {
      const book = new FakeWorkbook(['Sheet1', model.sheetName]);
      book.sheet(model.sheetName).personTypes('K5', '95.2');
      return new FakeExcelHost({ workbook: book });
    }

    it('asks first, the safe choice focused, and inserts a copy beside the old sheet', async () => {
      const host = workbookWithOldSheet();
      const { user } = renderFill({ host, store: remembered('children', 'gaj', 2025) });
      await user.click(await screen.findByRole('button', { name: zh.insert }));
      const dialog = await screen.findByRole('alertdialog');
      expect(within(dialog).getByText(zh.nameTakenBody(model.sheetName))).toBeInTheDocument();
      expect(within(dialog).getByText(zh.replaceWarning(model.sheetName))).toBeInTheDocument();
      await waitFor(() => expect(within(dialog).getByRole('button', { name: zh.insertCopy })).toHaveFocus());
      expect(host.workbook.sheets).toHaveLength(2); // nothing written while asking

      await user.click(within(dialog).getByRole('button', { name: zh.insertCopy }));
      const copyName = `${model.sheetName} (2)`;
      expect(await screen.findByText(zh.inserted(copyName, indicators, model.dataRows.length))).toBeInTheDocument();
      expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
      expect(host.workbook.sheets.map((s) => s.name)).toEqual(['Sheet1', model.sheetName, copyName]);
      expect(host.workbook.sheet(model.sheetName).value('K5')).toBe(95.2);
      expect(sheetIndicatorIds(host.workbook.sheet(copyName), model.dataRows.length)).toEqual(model.dataRows.map((row) => row.indicatorId));
    });

    it('replaces the old sheet when the person chooses to', async () => {
      const host = workbookWithOldSheet();
      const oldSheet = host.workbook.sheet(model.sheetName);
      const { user } = renderFill({ host, store: remembered('children', 'gaj', 2025) });
      await user.click(await screen.findByRole('button', { name: zh.insert }));
      await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: zh.replaceSheet }));
      expect(await screen.findByText(zh.replaced(model.sheetName, indicators, model.dataRows.length))).toBeInTheDocument();
      expect(host.workbook.sheets.map((s) => s.name)).toEqual(['Sheet1', model.sheetName]);
      const sheet = host.workbook.sheet(model.sheetName);
      expect(sheet).not.toBe(oldSheet);
      expect(sheet.value('K5')).toBe('');
      expect(sheetIndicatorIds(sheet, model.dataRows.length)).toEqual(model.dataRows.map((row) => row.indicatorId));
    });

    it('changes nothing when cancelled', async () => {
      const host = workbookWithOldSheet();
      const { user } = renderFill({ host, store: remembered('children', 'gaj', 2025) });
      const button = await screen.findByRole('button', { name: zh.insert });
      await user.click(button);
      await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: zh.cancel }));
      await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
      expect(host.workbook.sheets.map((s) => s.name)).toEqual(['Sheet1', model.sheetName]);
      expect(screen.getByRole('button', { name: zh.insert })).not.toHaveAttribute('aria-disabled', 'true');
      expect(screen.queryByText(/已插入|已替换/)).not.toBeInTheDocument();
    });
  });

  it.each(['zh-CN', 'en-US'] as const)('shows what went wrong when Excel refuses the insert (%s)', async (locale) => {
    const refusal = new FakeOfficeError('InvalidOperation', 'The request cannot be processed in cell-edit mode.');
    class BusyExcel extends FakeExcelHost {
      override run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
        // the name check reads (run 1); the insert itself (run 2) fails as Excel does in cell-edit mode
        if (this.runs >= 1) return Promise.reject(refusal);
        return super.run(batch);
      }
    }
    const host = new BusyExcel();
    const { user } = renderFill({ locale, host, store: remembered('children', 'gaj', 2025) });
    const text = strings[locale].fill;
    await user.click(await screen.findByRole('button', { name: text.insert }));
    // the adapter's own words for this failure, in the pane's language
    const expected = asWorkbookError(refusal, { zh: '插入模板', en: 'Inserting the template' });
    expect(await screen.findByText(locale === 'en-US' ? expected.en : expected.zh)).toBeInTheDocument();
    expect(expected.zh).toMatch(/正在编辑单元格/);
    expect(host.workbook.sheets.map((s) => s.name)).toEqual(['Sheet1']);
    expect(screen.getByRole('button', { name: text.insert })).not.toHaveAttribute('aria-disabled', 'true');
  });

  it('lists a department\u2019s indicators as its template has them, per-township rows said', async () => {
    renderFill({ store: remembered('children', 'wjj', 2025) });
    await screen.findByRole('button', { name: zh.insert });
    const model = buildTemplate(catalog, { plan: 'children', year: 2025, organisationId: 'wjj' });
    const ids = [...new Set(model.dataRows.map((row) => row.indicatorId))];
    expect([...listItems()].map((item) => item.getAttribute('data-indicator'))).toEqual(ids);
    expect(screen.getByText(zh.listSummary(2025, ids.length, model.dataRows.length))).toBeInTheDocument();

    const townships = catalog.organisations.filter(isTownship).length;
    const item = document.querySelector('li[data-indicator="C-HEA-09"]') as HTMLElement;
    const indicator = catalog.indicators.get('C-HEA-09');
    expect(within(item).getByText(indicator?.name ?? '?')).toBeInTheDocument();
    expect(within(item).getByText(zh.badgePerUnit)).toBeInTheDocument();
    expect(within(item).getByText(zh.perTownshipAll('乡镇（街道）', townships))).toBeInTheDocument();
    expect(item).toHaveAccessibleName(indicator?.name ?? '?');
  });

  it('lists a township\u2019s indicators: its own row of the per-township ones', async () => {
    const { user } = renderFill({ store: remembered('children', 'gasa', 2025) });
    await screen.findByRole('button', { name: zh.insert });
    const gasa = catalog.organisations.find((organisation) => organisation.id === 'gasa');
    const expected = fillIndicatorList(catalog, { plan: 'children', year: 2025, language: 'zh-CN', ...(gasa ? { organisation: gasa } : {}) });
    const model = buildTemplate(catalog, { plan: 'children', year: 2025, organisationId: 'gasa' });
    expect(listItems()).toHaveLength(new Set(model.dataRows.map((row) => row.indicatorId)).size);
    expect(listItems()).toHaveLength(expected.indicatorCount);
    const perTownship = document.querySelectorAll('li[data-indicator]');
    expect([...perTownship].filter((item) => within(item as HTMLElement).queryByText(zh.perTownshipOwn('乡镇（街道）')))).toHaveLength(
      expected.domains.flatMap((domain) => domain.indicators).filter((item) => item.perUnit?.scope === 'township' && item.perUnit.label === '乡镇（街道）').length,
    );
    expect(screen.queryByText(/每个乡镇（街道）一行/)).not.toBeInTheDocument();

    // and the list follows the year: the target text is the year's
    await user.selectOptions(screen.getByRole('combobox', { name: zh.yearLabel }), '2030');
    expect(screen.getByText(zh.listSummary(2030, expected.indicatorCount, expected.rowCount))).toBeInTheDocument();
  });

  it('says when an organisation reports nothing in a plan, and does not insert', async () => {
    renderFill({ store: remembered('children', 'tjj', 2025) });
    const button = await screen.findByRole('button', { name: zh.insert });
    expect(screen.getByText(zh.listEmpty('新平县统计局'))).toBeInTheDocument();
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveAccessibleDescription(zh.nothingToInsert);
    expect(listItems()).toHaveLength(0);
  });

  it('shows where the plan is vague and not judged, and its own words one click away', async () => {
    const { user } = renderFill({ store: remembered('children', 'nyj', 2025) });
    await screen.findByRole('button', { name: zh.insert });
    const indicator = catalog.indicators.get('C-ENV-09');
    if (!indicator) throw new Error('C-ENV-09 is missing from the catalog');
    const item = document.querySelector('li[data-indicator="C-ENV-09"]') as HTMLElement;
    expect(within(item).getByText(zh.badgeAmbiguous)).toBeInTheDocument();
    expect(within(item).getByText(zh.badgeSomeNotJudged)).toBeInTheDocument();
    const ambiguity = indicator.notes.find((note) => note.kind === 'ambiguity');
    expect(within(item).getByText(ambiguity?.zh ?? '?')).toBeInTheDocument();
    expect(within(item).getByText(/2025年.*70.*※$/)).toBeInTheDocument();

    const quote = indicator.sources[0]?.quote ?? '?';
    expect(within(item).queryByText(quote)).not.toBeInTheDocument();
    const toggle = within(item).getByRole('button', { name: zh.sourceToggleLabel(indicator.id, indicator.name) });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(within(item).getByText(quote)).toBeInTheDocument();
    const first = indicator.sources[0];
    expect(within(item).getByText(zh.sourceLocation(first?.section ?? '', first?.part ?? '策略措施', first?.item))).toBeInTheDocument();
    const interpretation = indicator.notes.find((note) => note.kind === 'interpretation');
    expect(within(item).getByText(new RegExp(interpretation?.zh.slice(0, 12) ?? '?'))).toBeInTheDocument();
  });

  it('speaks English for an English Office', async () => {
    const { host, user } = renderFill({ locale: 'en-US', store: remembered('children', 'gaj', 2025) });
    const button = await screen.findByRole('button', { name: en.insert });
    expect(screen.getByRole('radio', { name: catalog.plans.children.titleEn })).toBeChecked();
    expect(await organisationField(en.organisationLabel)).toHaveValue('County Public Security Bureau');
    expect(screen.getByRole('combobox', { name: en.yearLabel })).toHaveValue('2025');
    expect(screen.getByRole('heading', { name: en.listHeading })).toBeInTheDocument();
    const model = buildTemplate(catalog, { plan: 'children', year: 2025, organisationId: 'gaj', language: 'en-US' });
    for (const row of model.dataRows) expect(screen.getByText(catalog.indicators.get(row.indicatorId)?.nameEn ?? '?')).toBeInTheDocument();
    expect(screen.queryByText(zh.insert)).not.toBeInTheDocument();
    expect(screen.queryByText(catalog.indicators.get(model.dataRows[0]?.indicatorId ?? '')?.name ?? '?')).not.toBeInTheDocument();

    await user.click(button);
    expect(await screen.findByText(en.inserted(model.sheetName, new Set(model.dataRows.map((row) => row.indicatorId)).size, model.dataRows.length))).toBeInTheDocument();
    expect(host.workbook.sheet(model.sheetName).value(cellAddress(1, 0))).toBe(model.title);
    expect(model.title).toMatch(/^Xinping Children/);
  });
});

describe('last year\u2019s numbers', () => {
  const LAST_YEAR: PreviousValues = {
    plan: 'children',
    year: 2025,
    organisationId: 'wjj',
    source: { year: 2024, submissionId: 'sub_1', version: 2, status: 'approved', receivedAt: '2025-03-01T02:00:00.000Z' },
    values: [
      { indicatorId: 'C-HEA-04', unitId: null, value: 3.6 },
      { indicatorId: 'C-HEA-09', unitId: 'gasa', value: 98.5 },
    ],
  };

  /** The endpoint as the pane's real client reaches it (jsdom has no Response: the members the client reads). */
  function endpoint(answer: () => { status: number; body: unknown }) {
    const requests: { url: string; authorization: string | undefined }[] = [];
    const fetchDouble = (async (input: string | URL | Request, init?: RequestInit) => {
      requests.push({ url: String(input), authorization: (init?.headers as Record<string, string> | undefined)?.authorization });
      const { status, body } = answer();
      return { status, headers: { get: (name: string) => (name.toLowerCase() === 'content-type' ? 'application/json' : null) }, text: async () => JSON.stringify(body) } as unknown as Response;
    }) as typeof fetch;
    return { requests, fetch: fetchDouble };
  }

  const rowOf = (model: ReturnType<typeof buildTemplate>, indicatorId: string, unitId?: string) => model.dataRows.find((row) => row.indicatorId === indicatorId && row.unitId === unitId)?.row ?? -1;

  it('with a token, fills 上年值 from last year\u2019s accepted report and 基期值 from the plan, marked blue with their source, in the same two syncs', async () => {
    const server = endpoint(() => ({ status: 200, body: LAST_YEAR }));
    const { host, user } = renderFill({ store: { ...remembered('children', 'wjj', 2025), [ENDPOINT_TOKEN_KEY]: 'xpm_wjj' }, fetch: server.fetch });
    const model = buildTemplate(catalog, { plan: 'children', year: 2025, organisationId: 'wjj' });
    await user.click(await screen.findByRole('button', { name: zh.insert }));
    expect(await screen.findByText(zh.prefilledPrevious(2, '来自2024年已报送数据（第2版，已审核通过）'))).toBeInTheDocument();
    expect(screen.getByText(zh.prefilledBaseline(2))).toBeInTheDocument();
    expect(server.requests).toEqual([{ url: 'http://127.0.0.1:1/api/v1/submissions/previous-values?plan=children&year=2025&org=wjj', authorization: 'Bearer xpm_wjj' }]);

    const sheet = host.workbook.sheet(model.sheetName);
    const infant = cellAddress(rowOf(model, 'C-HEA-04'), COLUMN_INDEX.previous);
    expect(sheet.value(infant)).toBe(3.6);
    expect(sheet.at(infant)?.format.fontColor).toBe('#1F4E79');
    expect(sheet.at(infant)?.format.locked).toBe(false);
    expect(sheet.validationAt(infant)?.prompt?.message).toBe('来自2024年已报送数据（第2版，已审核通过）。如有更正，可直接改写。');
    expect(sheet.value(cellAddress(rowOf(model, 'C-HEA-09', 'gasa'), COLUMN_INDEX.previous))).toBe(98.5);
    expect(sheet.value(cellAddress(rowOf(model, 'C-HEA-09', 'mosha'), COLUMN_INDEX.previous))).toBe('');
    const baseline = cellAddress(rowOf(model, 'C-HEA-04'), COLUMN_INDEX.baseline);
    expect(sheet.value(baseline)).toBe(5.94);
    expect(sheet.at(baseline)?.format.fontColor).toBe('#1F4E79');
    // still one batched insert: the sheet names, then one write
    expect(host.lastRunSyncs()).toHaveLength(2);
  });

  it('without a token asks nothing and says what a token would add; no report last year or a failure: says so and inserts anyway', async () => {
    const none = endpoint(() => ({ status: 200, body: { ...LAST_YEAR, source: null, values: [] } }));
    const first = renderFill({ store: remembered('children', 'wjj', 2025), fetch: none.fetch });
    await first.user.click(await screen.findByRole('button', { name: zh.insert }));
    expect(await screen.findByText(zh.previousNeedsToken)).toBeInTheDocument();
    expect(none.requests).toHaveLength(0);
    expect(first.host.workbook.sheets).toHaveLength(2);
    cleanup();

    const second = renderFill({ store: { ...remembered('children', 'wjj', 2025), [ENDPOINT_TOKEN_KEY]: 'xpm_wjj' }, fetch: none.fetch });
    await second.user.click(await screen.findByRole('button', { name: zh.insert }));
    expect(await screen.findByText(zh.noPrevious(2024))).toBeInTheDocument();
    cleanup();

    const refused = endpoint(() => ({ status: 403, body: { error: { code: 'auth.otherOrganisation', message: '不能查看其他单位（wjj）的报表。', messageEn: 'Cannot read another organisation\'s submissions.' } } }));
    const third = renderFill({ store: { ...remembered('children', 'wjj', 2025), [ENDPOINT_TOKEN_KEY]: 'xpm_fl' }, fetch: refused.fetch });
    await third.user.click(await screen.findByRole('button', { name: zh.insert }));
    expect(await screen.findByText(/未能取得2024年已报送的数据，上年值请手工填写。不能查看其他单位（wjj）的报表。/)).toBeInTheDocument();
    const model = buildTemplate(catalog, { plan: 'children', year: 2025, organisationId: 'wjj' });
    expect(third.host.workbook.sheet(model.sheetName).value(cellAddress(rowOf(model, 'C-HEA-04'), COLUMN_INDEX.previous))).toBe('');
  });
});
