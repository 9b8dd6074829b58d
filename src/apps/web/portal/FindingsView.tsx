import { useMemo, useState } from 'react';
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Field, Radio, RadioGroup, Text, makeStyles, tokens, type BadgeProps } from '@fluentui/react-components';
import type { Catalog } from '../../../core/catalog/catalog';
import { textOf, type Language } from '../../../core/i18n/message';
import type { FindingCategory } from '../../../core/report/report-findings';
import { GROUPINGS, sectionsOf, type Finding, type FindingRow, type FindingSection, type Grouping } from './findings';
import type { PortalStrings } from './portal-strings';

const useStyles = makeStyles({
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  row: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: 'anywhere',
  },
  titleLine: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  title: { fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  hint: { color: tokens.colorNeutralForeground2 },
});

const BADGE_COLOURS: Record<FindingCategory, BadgeProps['color']> = { error: 'danger', notMet: 'severe', warning: 'warning', info: 'informative' };

/** The sections opened by themselves: those holding something to fix or explain. */
const worthOpening = (sections: readonly FindingSection[]) => sections.filter((section) => section.rows.some((row) => row.group !== 'info')).map((section) => section.key);

/**
 * The findings of the quick check as the pane lists them: a choice of grouping (按类别 / 按领域 / 按填报单元),
 * collapsible sections with their counts, each row naming the indicator, the reporting unit(s) and the cell
 * (单元格 D12) with every message.
 */
export function FindingsView({ findings, catalog, language, strings: s }: { findings: readonly Finding[]; catalog: Catalog; language: Language; strings: PortalStrings }) {
  const styles = useStyles();
  const [grouping, setGrouping] = useState<Grouping>('category');
  const sections = useMemo(() => sectionsOf(findings, grouping, catalog), [findings, grouping, catalog]);
  return (
    <>
      <Field label={s.groupingLabel}>
        <RadioGroup layout="horizontal" value={grouping} onChange={(_event, data) => setGrouping(data.value as Grouping)}>
          {GROUPINGS.map((value) => (
            <Radio key={value} value={value} label={s.groupings[value]} />
          ))}
        </RadioGroup>
      </Field>
      <Accordion key={grouping} multiple collapsible defaultOpenItems={worthOpening(sections)}>
        {sections.map((section) => {
          const name = sectionName(section, s, language);
          const colour = section.category ? BADGE_COLOURS[section.category] : worstColour(section);
          return (
            <AccordionItem key={section.key} value={section.key}>
              <AccordionHeader as="h4">
                <span className={styles.header}>
                  <span>{name}</span>
                  <Badge appearance={section.count > 0 ? 'filled' : 'ghost'} color={colour}>
                    {s.groupCount(section.count)}
                  </Badge>
                </span>
              </AccordionHeader>
              <AccordionPanel>
                {section.rows.length === 0 ? (
                  <Text className={styles.hint}>{s.groupEmpty}</Text>
                ) : (
                  <ul className={styles.list} aria-label={name}>
                    {section.rows.map((row) => (
                      <li key={row.id}>
                        <Row row={row} showCategory={section.category === undefined} language={language} strings={s} />
                      </li>
                    ))}
                  </ul>
                )}
              </AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>
    </>
  );
}

function sectionName(section: FindingSection, s: PortalStrings, language: Language): string {
  if (section.category) return s.groups[section.category];
  if (section.special === 'wholeSheet') return s.wholeSheet;
  if (section.special === 'county') return s.county;
  return section.title ? textOf(section.title, language) : section.key;
}

function worstColour(section: FindingSection): BadgeProps['color'] {
  for (const group of ['error', 'notMet', 'warning'] as const) if (section.rows.some((row) => row.group === group)) return BADGE_COLOURS[group];
  return BADGE_COLOURS.info;
}

function Row({ row, showCategory, language, strings: s }: { row: FindingRow; showCategory: boolean; language: Language; strings: PortalStrings }) {
  const styles = useStyles();
  const first = row.findings[0] as Finding;
  const title = first.indicatorId === undefined ? s.wholeSheet : `${first.indicatorId}${first.indicatorName ? ` ${textOf(first.indicatorName, language)}` : ''}`;
  const units = row.findings.flatMap((finding) => (finding.unitName ? [textOf(finding.unitName, language)] : []));
  const unitText = units.length === 0 ? undefined : units.length === 1 ? units[0] : s.units(units);
  const cellText = first.address === undefined ? undefined : row.findings.length === 1 ? s.cell(first.address) : s.cells(first.address, row.findings.length);
  const meta = [unitText, cellText].filter((part): part is string => part !== undefined).join(' · ');
  return (
    <div className={styles.row}>
      <span className={styles.titleLine}>
        <span className={styles.title}>{title}</span>
        {showCategory && (
          <Badge size="small" appearance="tint" color={BADGE_COLOURS[row.group]}>
            {s.groups[row.group]}
          </Badge>
        )}
        {first.needsNote && (
          <Badge size="small" appearance="outline" color={BADGE_COLOURS[row.group]}>
            {s.needsNote}
          </Badge>
        )}
      </span>
      {meta && <span className={styles.meta}>{meta}</span>}
      {first.messages.map((message, index) => (
        <span key={index}>{message.address === undefined ? textOf(message.text, language) : `${s.cell(message.address)}${language === 'en-US' ? ': ' : '：'}${textOf(message.text, language)}`}</span>
      ))}
    </div>
  );
}
