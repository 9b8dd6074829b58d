import { useId } from 'react';
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { Language } from '../../../core/i18n/message';
import type { FillStrings } from '../strings/fill-strings';
import type { FillIndicator, FillIndicatorList } from './indicator-list';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  domainHeading: {
    margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXS}`,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
    display: 'flex',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
  },
  domainCount: { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS} 0`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    overflowWrap: 'anywhere',
    minWidth: 0,
  },
  meta: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  id: { fontFamily: tokens.fontFamilyMonospace },
  name: { fontWeight: tokens.fontWeightSemibold },
  label: { color: tokens.colorNeutralForeground3 },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, marginTop: tokens.spacingVerticalXXS },
  explanation: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground2 },
  quote: {
    margin: `0 0 ${tokens.spacingVerticalS}`,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
  },
  quoteText: { margin: 0, whiteSpace: 'pre-wrap' },
  caption: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  notes: { margin: `0 0 ${tokens.spacingVerticalS}`, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  panel: { margin: `0 0 ${tokens.spacingVerticalS}` },
});

export interface IndicatorListProps {
  readonly list: FillIndicatorList;
  readonly year: number;
  readonly heading: string;
  readonly language: Language;
  readonly strings: FillStrings;
}

/**
 * The indicators of the chosen template: id, name, unit, the year's target as the template writes it,
 * visible badges where the plan is vague, contradicts itself, is not judged or is reported per unit, and the
 * plan's own words one click away (a disclosure per indicator).
 */
export function IndicatorList({ list, year, heading, language, strings }: IndicatorListProps) {
  const styles = useStyles();
  const headingId = useId();
  const flagged = list.domains.some((domain) => domain.indicators.some((indicator) => indicator.target.endsWith('※')));
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {heading}
      </h2>
      <Text>{strings.listSummary(year, list.indicatorCount, list.rowCount)}</Text>
      {flagged ? <Text className={styles.explanation}>{strings.flaggedMarker}</Text> : null}
      {list.domains.map((domain) => (
        <DomainSection key={domain.name} name={domain.name} indicators={domain.indicators} language={language} strings={strings} />
      ))}
    </section>
  );
}

function DomainSection({ name, indicators, language, strings }: { name: string; indicators: readonly FillIndicator[]; language: Language; strings: FillStrings }) {
  const styles = useStyles();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.domainHeading}>
        <span>{name}</span>
        <span className={styles.domainCount}>{strings.domainCount(indicators.length)}</span>
      </h3>
      <ul className={styles.list} aria-labelledby={headingId}>
        {indicators.map((indicator) => (
          <IndicatorItem key={indicator.id} item={indicator} language={language} strings={strings} />
        ))}
      </ul>
    </section>
  );
}

function IndicatorItem({ item, language, strings }: { item: FillIndicator; language: Language; strings: FillStrings }) {
  const styles = useStyles();
  const nameId = useId();
  const zh = language === 'zh-CN';
  const hasAmbiguity = item.warnings.some((note) => note.kind === 'ambiguity');
  const hasConflict = item.warnings.some((note) => note.kind === 'conflict');
  const perUnit = item.perUnit;
  const perUnitText = !perUnit
    ? undefined
    : perUnit.scope === 'list'
      ? strings.perList(perUnit.label, perUnit.units)
      : perUnit.ownRowOnly
        ? strings.perTownshipOwn(perUnit.label)
        : strings.perTownshipAll(perUnit.label, item.rows);

  return (
    <li className={styles.item} aria-labelledby={nameId} data-indicator={item.id}>
      <span className={styles.meta}>
        <span className={styles.id}>{item.id}</span>
        {' · '}
        {strings.unitLabel}
        {zh ? '：' : ': '}
        {item.unit}
      </span>
      <span id={nameId} className={styles.name}>
        {item.name}
      </span>
      <span>
        <span className={styles.label}>
          {strings.targetLabel}
          {zh ? '：' : ': '}
        </span>
        {item.target}
      </span>
      {hasAmbiguity || hasConflict || item.notJudged !== 'none' || perUnit ? (
        <span className={styles.badges}>
          {hasAmbiguity ? (
            <Badge appearance="tint" color="warning" shape="rounded">
              {strings.badgeAmbiguous}
            </Badge>
          ) : null}
          {hasConflict ? (
            <Badge appearance="tint" color="danger" shape="rounded">
              {strings.badgeConflict}
            </Badge>
          ) : null}
          {item.notJudged !== 'none' ? (
            <Badge appearance="tint" color="informative" shape="rounded">
              {item.notJudged === 'all' ? strings.badgeNotJudged : strings.badgeSomeNotJudged}
            </Badge>
          ) : null}
          {perUnit ? (
            <Badge appearance="outline" color="brand" shape="rounded">
              {strings.badgePerUnit}
            </Badge>
          ) : null}
        </span>
      ) : null}
      {item.warnings.map((note, index) => (
        <Text key={index} className={styles.explanation}>
          {zh ? note.zh : note.en}
        </Text>
      ))}
      {item.notJudged !== 'none' && item.warnings.length === 0 ? <Text className={styles.explanation}>{strings.notJudgedExplanation}</Text> : null}
      {perUnitText ? <Text className={styles.explanation}>{perUnitText}</Text> : null}
      <Accordion collapsible>
        <AccordionItem value="source">
          <AccordionHeader size="small" button={{ 'aria-label': strings.sourceToggleLabel(item.id, item.name) }}>
            {strings.sourceToggle}
          </AccordionHeader>
          <AccordionPanel className={styles.panel}>
            {strings.sourceLanguageNote ? <Text className={styles.caption}>{strings.sourceLanguageNote}</Text> : null}
            {item.sources.map((source, index) => (
              <figure key={index} className={styles.quote}>
                <blockquote className={styles.quoteText} lang="zh-CN">
                  {source.quote}
                </blockquote>
                <figcaption className={styles.caption}>{strings.sourceLocation(source.section, source.part, source.item)}</figcaption>
              </figure>
            ))}
            {item.otherNotes.length > 0 ? (
              <>
                <Text weight="semibold" size={200}>
                  {strings.notesHeading}
                </Text>
                <ul className={styles.notes}>
                  {item.otherNotes.map((note, index) => (
                    <li key={index}>
                      {strings.noteKind[note.kind]}
                      {zh ? '：' : ': '}
                      {zh ? note.zh : note.en}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </li>
  );
}
