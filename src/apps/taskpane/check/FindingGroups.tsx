import { useId, useState } from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Text,
  createFocusOutlineStyle,
  makeStyles,
  mergeClasses,
  tokens,
  type BadgeProps,
} from '@fluentui/react-components';
import type { Language } from '../../../core/i18n/message';
import { FINDING_BADGE_COLOURS, FindingRowContent, findingSectionName, findingSectionsWorthOpening, worstFindingColour } from '../../../ui/FindingRowContent';
import type { CheckStrings } from '../strings/check-strings';
import type { Finding, FindingRow, FindingSection } from './findings';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  hint: {
    display: 'block',
    color: tokens.colorNeutralForeground2,
    marginBottom: tokens.spacingVerticalXS,
  },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  row: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    width: '100%',
    boxSizing: 'border-box',
    textAlign: 'start',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    overflowWrap: 'anywhere',
  },
  clickable: {
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':active': { backgroundColor: tokens.colorNeutralBackground1Pressed },
    ...createFocusOutlineStyle(),
  },
  hidden: {
    display: 'none',
  },
});

export interface FindingGroupsProps {
  readonly sections: readonly FindingSection[];
  readonly language: Language;
  readonly strings: CheckStrings;
  /** Activating a row with a cell (click, Enter, Space): its (first) finding. */
  readonly onSelect: (finding: Finding) => void;
  /** Sections open at first (default: every section that has a 错误, 未达标 or 预警). */
  readonly defaultOpen?: readonly string[];
}

/**
 * The findings of a check in collapsible sections — by category (错误 / 未达标 / 预警 / 提示), by 领域 or by
 * 填报单元 — each a heading with its count; a row names the indicator, the reporting unit(s) and the cell,
 * and is a button that selects the cell. A row may stand for the same finding in several townships.
 */
export function FindingGroups({ sections, language, strings, onSelect, defaultOpen }: FindingGroupsProps) {
  const styles = useStyles();
  const hintId = useId();
  const [open, setOpen] = useState<string[]>(() => [...(defaultOpen ?? findingSectionsWorthOpening(sections))]);
  // a section that had nothing to fix and now has (after a re-check) opens by itself; the rest stays as the
  // person left it (derived during render from the previous sections, React's pattern for it)
  const [shown, setShown] = useState(sections);
  if (shown !== sections) {
    const before = new Set(findingSectionsWorthOpening(shown));
    const appeared = findingSectionsWorthOpening(sections).filter((key) => !before.has(key));
    setShown(sections);
    if (appeared.length > 0) setOpen((current) => [...new Set([...current, ...appeared])]);
  }
  return (
    <section aria-label={strings.groupsLabel}>
      <span id={hintId} className={styles.hidden}>
        {strings.selectHint}
      </span>
      <Accordion multiple collapsible openItems={open} onToggle={(_event, data) => setOpen(data.openItems as string[])}>
        {sections.map((section) => {
          const name = findingSectionName(section, strings, language);
          const hint = section.category ? strings.groupHint[section.category] : undefined;
          const colour: BadgeProps['color'] = section.count === 0 ? 'subtle' : section.category ? FINDING_BADGE_COLOURS[section.category] : worstFindingColour(section);
          return (
            <AccordionItem key={section.key} value={section.key}>
              <AccordionHeader as="h3">
                <span className={styles.header}>
                  <span>{name}</span>
                  <Badge appearance={section.count > 0 ? 'filled' : 'outline'} color={colour} aria-label={strings.groupCount(section.count)}>
                    {section.count}
                  </Badge>
                </span>
              </AccordionHeader>
              <AccordionPanel>
                {section.rows.length === 0 ? (
                  <Text className={styles.hint}>{strings.groupEmpty}</Text>
                ) : (
                  <>
                    {hint && (
                      <Text size={200} className={styles.hint}>
                        {hint}
                      </Text>
                    )}
                    <ul className={styles.list} aria-label={name}>
                      {section.rows.map((row) => (
                        <li key={row.id}>
                          <Row row={row} showCategory={section.category === undefined} language={language} strings={strings} hintId={hintId} onSelect={onSelect} />
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>
    </section>
  );
}

interface RowProps {
  readonly row: FindingRow;
  /** Say the row's category (sections by 领域 or 填报单元 mix them). */
  readonly showCategory: boolean;
  readonly language: Language;
  readonly strings: CheckStrings;
  readonly hintId: string;
  readonly onSelect: (finding: Finding) => void;
}

function Row({ row, showCategory, language, strings, hintId, onSelect }: RowProps) {
  const styles = useStyles();
  const first = row.findings[0] as Finding;
  const content = <FindingRowContent row={row} showCategory={showCategory} language={language} strings={strings} />;
  if (first.address === undefined) return <div className={styles.row}>{content}</div>;
  return (
    <button type="button" className={mergeClasses(styles.row, styles.clickable)} aria-describedby={hintId} onClick={() => onSelect(first)}>
      {content}
    </button>
  );
}
