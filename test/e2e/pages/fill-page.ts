import type { Locator } from 'playwright-core';
import { strings, type Locale } from '../../../src/apps/taskpane/strings';
import type { FillStrings } from '../../../src/apps/taskpane/strings/fill-strings';
import type { Root } from './text';

/** 填报 (src/apps/taskpane/fill/FillView.tsx): plan, organisation and year, the indicator list, inserting the template. */
export class FillPage {
  readonly strings: FillStrings;
  readonly panel: Locator;

  constructor(
    private readonly root: Root,
    locale: Locale = 'zh-CN',
  ) {
    this.strings = strings[locale].fill;
    this.panel = root.locator('#panel-fill');
  }

  /** A plan's radio button, by the plan's title in the catalog. */
  plan(title: string): Locator {
    return this.panel.getByRole('radio', { name: title });
  }

  async choosePlan(title: string): Promise<void> {
    await this.plan(title).check();
  }

  get organisationField(): Locator {
    return this.panel.getByRole('combobox', { name: this.strings.organisationLabel });
  }

  /** Types `search` into the organisation picker and picks the first option naming `name` (the list is a popup outside the panel). */
  async chooseOrganisation(search: string, name: string): Promise<void> {
    await this.organisationField.click();
    await this.organisationField.fill(search);
    await this.root.getByRole('option', { name: new RegExp(name) }).first().click();
  }

  get yearField(): Locator {
    return this.panel.getByRole('combobox', { name: this.strings.yearLabel });
  }

  async chooseYear(year: number): Promise<void> {
    await this.yearField.selectOption(String(year));
  }

  get listHeading(): Locator {
    return this.panel.getByText(this.strings.listHeading);
  }

  listSummary(year: number, indicators: number, rows = indicators): Locator {
    return this.panel.getByText(this.strings.listSummary(year, indicators, rows));
  }

  /** The button that opens an indicator's quotes from the plan. */
  sourceToggle(indicatorId: string, indicatorName: string): Locator {
    return this.panel.getByRole('button', { name: this.strings.sourceToggleLabel(indicatorId, indicatorName) });
  }

  /** Text in the view (a quote from the plan …). */
  text(text: string): Locator {
    return this.panel.getByText(text);
  }

  async insert(): Promise<void> {
    await this.panel.getByRole('button', { name: this.strings.insert }).click();
  }

  inserted(sheetName: string, indicators: number, rows = indicators): Locator {
    return this.panel.getByText(this.strings.inserted(sheetName, indicators, rows));
  }
}
