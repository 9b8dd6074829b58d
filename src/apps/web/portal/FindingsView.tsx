import { useMemo, useState } from 'react';
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Field, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Catalog } from '../../../core/catalog/catalog';
import type { Language } from '../../../core/i18n/message';
import { findingSections, GROUPINGS, type NamedFinding, type Grouping } from '../../../core/report/finding-sections';
import { FINDING_BADGE_COLOURS, FindingRowContent, findingSectionName, findingSectionsWorthOpening, worstFindingColour } from '../../../ui/FindingRowContent';
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
  hint: { color: tokens.colorNeutralForeground2 },
});

/**
 * The findings of the quick check as the pane lists them: a choice of grouping (按类别 / 按领域 / 按填报单元),
 * collapsible sections with their counts, each row naming the indicator, the reporting unit(s) and the cell
 * (单元格 D12) with every message.
 */
export function FindingsView({ findings, catalog, language, strings: s }: { findings: readonly NamedFinding[]; catalog: Catalog; language: Language; strings: PortalStrings }) {
  const styles = useStyles();
  const [grouping, setGrouping] = useState<Grouping>('category');
  const sections = useMemo(() => findingSections(findings, grouping, catalog), [findings, grouping, catalog]);
  return (
    <>
      <Field label={s.groupingLabel}>
        <RadioGroup layout="horizontal" value={grouping} onChange={(_event, data) => setGrouping(data.value as Grouping)}>
          {GROUPINGS.map((value) => (
            <Radio key={value} value={value} label={s.groupings[value]} />
          ))}
        </RadioGroup>
      </Field>
      <Accordion key={grouping} multiple collapsible defaultOpenItems={findingSectionsWorthOpening(sections)}>
        {sections.map((section) => {
          const name = findingSectionName(section, s, language);
          const colour = section.category ? FINDING_BADGE_COLOURS[section.category] : worstFindingColour(section);
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
                        <div className={styles.row}>
                          <FindingRowContent row={row} showCategory={section.category === undefined} language={language} strings={s} />
                        </div>
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
