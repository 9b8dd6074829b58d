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
import type { CheckStrings } from '../strings/check-strings';
import { inLanguage, type Finding, type FindingGroup, type FindingRow, type FindingSection } from './findings';

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
  titleLine: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
  },
  title: {
    fontWeight: tokens.fontWeightSemibold,
  },
  meta: {
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
  },
  hidden: {
    display: 'none',
  },
});

const BADGE_COLOURS: Record<FindingGroup, BadgeProps['color']> = {
  error: 'danger',
  notMet: 'severe',
  warning: 'warning',
  info: 'informative',
};

export interface FindingGroupsProps {
  readonly sections: readonly FindingSection[];
  readonly language: Language;
  readonly strings: CheckStrings;
  /** Activating a row with a cell (click, Enter, Space): its (first) finding. */
  readonly onSelect: (finding: Finding) => void;
  /** Sections open at first (default: every section that has a 错误, 未达标 or 预警). */
  readonly defaultOpen?: readonly string[];
}

/** The sections to open by themselves: those holding something to fix or explain. */
const worthOpening = (sections: readonly FindingSection[]): string[] =>
  sections.filter((section) => section.rows.some((row) => row.group !== 'info')).map((section) => section.key);

/**
 * The findings of a check in collapsible sections — by category (错误 / 未达标 / 预警 / 提示), by 领域 or by
 * 填报单元 — each a heading with its count; a row names the indicator, the reporting unit(s) and the cell,
 * and is a button that selects the cell. A row may stand for the same finding in several townships.
 */
export function FindingGroups({ sections, language, strings, onSelect, defaultOpen }: FindingGroupsProps) {
  const styles = useStyles();
  const hintId = useId();
  const [open, setOpen] = useState<string[]>(() => [...(defaultOpen ?? worthOpening(sections))]);
  // a section that had nothing to fix and now has (after a re-check) opens by itself; the rest stays as the
  // person left it (derived during render from the previous sections, React's pattern for it)
  const [shown, setShown] = useState(sections);
  if (shown !== sections) {
    const before = new Set(worthOpening(shown));
    const appeared = worthOpening(sections).filter((key) => !before.has(key));
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
          const name = sectionName(section, strings, language);
          const hint = section.category ? strings.groupHint[section.category] : undefined;
          const colour: BadgeProps['color'] = section.count === 0 ? 'subtle' : section.category ? BADGE_COLOURS[section.category] : worstColour(section);
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

function sectionName(section: FindingSection, strings: CheckStrings, language: Language): string {
  if (section.category) return strings.groups[section.category];
  if (section.special === 'wholeSheet') return strings.wholeSheet;
  if (section.special === 'county') return strings.county;
  return section.title ? inLanguage(section.title, language) : section.key;
}

/** A section by 领域 or 填报单元 takes the colour of the worst finding in it. */
function worstColour(section: FindingSection): BadgeProps['color'] {
  for (const group of ['error', 'notMet', 'warning'] as const) if (section.rows.some((row) => row.group === group)) return BADGE_COLOURS[group];
  return BADGE_COLOURS.info;
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
  const title =
    first.indicatorId === undefined ? strings.wholeSheet : `${first.indicatorId}${first.indicatorName ? ` ${inLanguage(first.indicatorName, language)}` : ''}`;
  const units = row.findings.flatMap((finding) => (finding.unitName ? [inLanguage(finding.unitName, language)] : []));
  const unitText = units.length === 0 ? undefined : units.length === 1 ? units[0] : strings.units(units);
  const cellText = first.address === undefined ? undefined : row.findings.length === 1 ? strings.cell(first.address) : strings.cells(first.address, row.findings.length);
  const meta = [unitText, cellText].filter((part): part is string => part !== undefined).join(' · ');
  const content = (
    <>
      <span className={styles.titleLine}>
        <span className={styles.title}>{title}</span>
        {showCategory && (
          <Badge size="small" appearance="tint" color={BADGE_COLOURS[row.group]}>
            {strings.groups[row.group]}
          </Badge>
        )}
        {first.needsNote && (
          <Badge size="small" appearance="outline" color={BADGE_COLOURS[row.group]}>
            {strings.needsNote}
          </Badge>
        )}
      </span>
      {meta && <span className={styles.meta}>{meta}</span>}
      {first.messages.map((message, index) => (
        <span key={index}>{message.address === undefined ? inLanguage(message.text, language) : `${strings.cell(message.address)}${language === 'en-US' ? ': ' : '：'}${inLanguage(message.text, language)}`}</span>
      ))}
    </>
  );
  if (first.address === undefined) return <div className={styles.row}>{content}</div>;
  return (
    <button type="button" className={mergeClasses(styles.row, styles.clickable)} aria-describedby={hintId} onClick={() => onSelect(first)}>
      {content}
    </button>
  );
}
