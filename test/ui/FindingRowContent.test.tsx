/**
 * @jest-environment jsdom
 */
import { describe, expect, it } from '@jest/globals';
import { render } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { FindingRow, FindingSection, NamedFinding } from '../../src/core/report/finding-sections';
import type { ReportFinding } from '../../src/core/report/report-findings';
import {
  FINDING_BADGE_COLOURS,
  FindingRowContent,
  findingSectionName,
  findingSectionsWorthOpening,
  worstFindingColour,
  type FindingListStrings,
} from '../../src/ui/FindingRowContent';

/** Each front end brings its own words: these are the test's. */
const strings: FindingListStrings = {
  groups: { error: '[E]', notMet: '[M]', warning: '[W]', info: '[I]' },
  wholeSheet: '<sheet>',
  county: '<county>',
  cell: (address) => `@${address}`,
  cells: (first, count) => `@${first}+${count}`,
  units: (names) => `${names.join('/')} (${names.length})`,
  needsNote: '[note!]',
};

const source: ReportFinding = { kind: 'line', category: 'error', needsNote: false, messages: [] };
const finding = (id: string, extra: Partial<NamedFinding>): NamedFinding => ({ id, group: 'error', needsNote: false, messages: [], source, ...extra });
const rowOf = (...findings: NamedFinding[]): FindingRow => ({ id: findings[0]?.id ?? '-', group: findings[0]?.group ?? 'error', findings });
const textOfRow = (row: FindingRow, showCategory = false, language: 'zh-CN' | 'en-US' = 'zh-CN') =>
  render(
    <FluentProvider theme={webLightTheme}>
      <div data-testid="row">
        <FindingRowContent row={row} showCategory={showCategory} language={language} strings={strings} />
      </div>
    </FluentProvider>,
  ).container.querySelector('[data-testid="row"]')?.textContent;

describe('FindingRowContent', () => {
  it('one finding: the indicator, its township and cell, each message (another cell named before it)', () => {
    const row = rowOf(
      finding('a', {
        indicatorId: 'C-HEA-09',
        indicatorName: { zh: '接种率', en: 'Immunisation' },
        unitName: { zh: '戛洒镇', en: 'Gasa' },
        address: 'K17',
        needsNote: true,
        group: 'notMet',
        messages: [{ text: { zh: '未达标', en: 'Missed' } }, { text: { zh: '上年值缺失', en: 'No last year' }, address: 'L17' }],
      }),
    );
    expect(textOfRow(row)).toBe('C-HEA-09 接种率[note!]戛洒镇 · @K17未达标@L17：上年值缺失');
    expect(textOfRow(row, false, 'en-US')).toBe('C-HEA-09 Immunisation[note!]Gasa · @K17Missed@L17: No last year');
  });

  it('the same finding in several townships: names them all and the first cell, with how many; the category when asked', () => {
    const row = rowOf(finding('a', { indicatorId: 'C-HEA-09', unitName: { zh: '戛洒镇', en: 'Gasa' }, address: 'K17' }), finding('b', { indicatorId: 'C-HEA-09', unitName: { zh: '水塘镇', en: 'Shuitang' }, address: 'K18' }));
    expect(textOfRow(row, true)).toBe('C-HEA-09[E]戛洒镇/水塘镇 (2) · @K17+2');
  });

  it('a finding about the sheet as a whole says so, with no cell', () => {
    expect(textOfRow(rowOf(finding('a', { messages: [{ text: { zh: '年份不对', en: 'Wrong year' } }] })))).toBe('<sheet>年份不对');
  });
});

describe('sections', () => {
  const section = (extra: Partial<FindingSection>, groups: FindingRow['group'][] = []): FindingSection => ({
    key: 'k',
    count: groups.length,
    rows: groups.map((group, index) => ({ id: String(index), group, findings: [] })),
    ...extra,
  });

  it('are named by their category, the sheet, the county or their title', () => {
    expect(findingSectionName(section({ category: 'notMet' }), strings, 'zh-CN')).toBe('[M]');
    expect(findingSectionName(section({ special: 'wholeSheet' }), strings, 'zh-CN')).toBe('<sheet>');
    expect(findingSectionName(section({ special: 'county' }), strings, 'zh-CN')).toBe('<county>');
    expect(findingSectionName(section({ title: { zh: '儿童与健康', en: 'Health' } }), strings, 'en-US')).toBe('Health');
    expect(findingSectionName(section({}), strings, 'zh-CN')).toBe('k');
  });

  it('take the colour of their worst finding, and open by themselves when they hold something to fix or explain', () => {
    expect(worstFindingColour(section({}, ['info', 'warning', 'notMet']))).toBe(FINDING_BADGE_COLOURS.notMet);
    expect(worstFindingColour(section({}, ['info']))).toBe(FINDING_BADGE_COLOURS.info);
    expect(findingSectionsWorthOpening([section({ key: 'a' }, ['info']), section({ key: 'b' }, ['info', 'warning']), section({ key: 'c' })])).toEqual(['b']);
  });
});
