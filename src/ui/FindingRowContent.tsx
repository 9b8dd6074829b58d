import { Badge, makeStyles, tokens, type BadgeProps } from '@fluentui/react-components';
import { textOf, type Language } from '../core/i18n/message';
import type { FindingRow, FindingSection, NamedFinding } from '../core/report/finding-sections';
import type { FindingCategory } from '../core/report/report-findings';

/**
 * What the lists of findings of both front ends (the task pane's 检查, the web portal's quick check) say the
 * same way: a section's name, the colour of a category, and what a row shows — the indicator, the reporting
 * unit(s) and the cell (单元格 D12), with every message. Each front end keeps its own words (these strings
 * are its own), its own container of a row (a button that selects the cell in the pane, a box on the web)
 * and its own section headers.
 */

/** The words a list of findings needs: each front end's own strings have them. */
export interface FindingListStrings {
  readonly groups: Readonly<Record<FindingCategory, string>>;
  /** A finding about the sheet as a whole (no cell). */
  readonly wholeSheet: string;
  /** The section of county-level lines when grouped by 填报单元. */
  readonly county: string;
  readonly cell: (address: string) => string;
  readonly cells: (first: string, count: number) => string;
  readonly units: (names: readonly string[]) => string;
  readonly needsNote: string;
}

const useStyles = makeStyles({
  titleLine: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  title: { fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

/** The badge colour of each category. */
export const FINDING_BADGE_COLOURS: Readonly<Record<FindingCategory, BadgeProps['color']>> = { error: 'danger', notMet: 'severe', warning: 'warning', info: 'informative' };

/** The name of a section: its category's, the whole sheet, the county, or its 领域 or 填报单元. */
export function findingSectionName(section: FindingSection, strings: FindingListStrings, language: Language): string {
  if (section.category) return strings.groups[section.category];
  if (section.special === 'wholeSheet') return strings.wholeSheet;
  if (section.special === 'county') return strings.county;
  return section.title ? textOf(section.title, language) : section.key;
}

/** A section by 领域 or 填报单元 takes the colour of the worst finding in it. */
export function worstFindingColour(section: FindingSection): BadgeProps['color'] {
  for (const group of ['error', 'notMet', 'warning'] as const) if (section.rows.some((row) => row.group === group)) return FINDING_BADGE_COLOURS[group];
  return FINDING_BADGE_COLOURS.info;
}

/** The sections to open by themselves: those holding something to fix or explain. */
export function findingSectionsWorthOpening(sections: readonly FindingSection[]): string[] {
  return sections.filter((section) => section.rows.some((row) => row.group !== 'info')).map((section) => section.key);
}

export interface FindingRowContentProps {
  readonly row: FindingRow;
  /** Say the row's category (sections by 领域 or 填报单元 mix them). */
  readonly showCategory: boolean;
  readonly language: Language;
  readonly strings: FindingListStrings;
}

/** What a row of a list shows: its title line (indicator, category, 须填写说明), units and cells, messages. */
export function FindingRowContent({ row, showCategory, language, strings }: FindingRowContentProps) {
  const styles = useStyles();
  const first = row.findings[0] as NamedFinding;
  const title = first.indicatorId === undefined ? strings.wholeSheet : `${first.indicatorId}${first.indicatorName ? ` ${textOf(first.indicatorName, language)}` : ''}`;
  const units = row.findings.flatMap((finding) => (finding.unitName ? [textOf(finding.unitName, language)] : []));
  const unitText = units.length === 0 ? undefined : units.length === 1 ? units[0] : strings.units(units);
  const cellText = first.address === undefined ? undefined : row.findings.length === 1 ? strings.cell(first.address) : strings.cells(first.address, row.findings.length);
  const meta = [unitText, cellText].filter((part): part is string => part !== undefined).join(' · ');
  return (
    <>
      <span className={styles.titleLine}>
        <span className={styles.title}>{title}</span>
        {showCategory && (
          <Badge size="small" appearance="tint" color={FINDING_BADGE_COLOURS[row.group]}>
            {strings.groups[row.group]}
          </Badge>
        )}
        {first.needsNote && (
          <Badge size="small" appearance="outline" color={FINDING_BADGE_COLOURS[row.group]}>
            {strings.needsNote}
          </Badge>
        )}
      </span>
      {meta && <span className={styles.meta}>{meta}</span>}
      {first.messages.map((message, index) => (
        <span key={index}>{message.address === undefined ? textOf(message.text, language) : `${strings.cell(message.address)}${language === 'en-US' ? ': ' : '：'}${textOf(message.text, language)}`}</span>
      ))}
    </>
  );
}
