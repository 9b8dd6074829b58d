import { useMemo, useState } from 'react';
import { Combobox, Field, makeStyles, Option, OptionGroup, tokens } from '@fluentui/react-components';
import type { Catalog } from '../../../core/catalog/catalog';
import type { Organisation } from '../../../core/catalog/organisation-schema';
import type { Language } from '../../../core/i18n/message';
import type { FillStrings } from '../strings/fill-strings';
import { ALL_INDICATORS } from './fill-choices';
import { organisationGroups, organisationLabel } from './organisation-options';

const useStyles = makeStyles({
  option: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  secondary: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  combobox: { width: '100%', minWidth: 0 },
});

export interface OrganisationPickerProps {
  readonly catalog: Catalog;
  readonly language: Language;
  readonly strings: FillStrings;
  /** An organisation id, ALL_INDICATORS, or '' (nothing chosen). */
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** Indicators each organisation reports for the chosen plan. */
  readonly counts: ReadonlyMap<string, number>;
  readonly hint?: string;
  readonly disabled?: boolean;
}

/**
 * The reporting organisation: a searchable combobox, county departments and townships in two groups, and
 * the all-indicator template first. Typing filters the list; leaving it puts back the chosen name.
 */
export function OrganisationPicker({ catalog, language, strings, value, onChange, counts, hint, disabled }: OrganisationPickerProps) {
  const styles = useStyles();
  // null while the person is not typing: the field then shows the chosen option
  const [query, setQuery] = useState<string | null>(null);
  const selectedText = useMemo(() => {
    if (value === ALL_INDICATORS) return strings.allIndicators;
    const organisation = catalog.organisations.find((candidate) => candidate.id === value);
    return organisation ? organisationLabel(organisation, language) : '';
  }, [catalog, language, strings, value]);

  const filter = query !== null && query !== selectedText ? query : '';
  const groups = useMemo(() => organisationGroups(catalog, filter), [catalog, filter]);
  const showAll = filter === '' || strings.allIndicators.toLowerCase().includes(filter.trim().toLowerCase());
  const empty = !showAll && groups.departments.length === 0 && groups.townships.length === 0;

  const renderOption = (organisation: Organisation) => {
    const count = counts.get(organisation.id) ?? 0;
    const label = organisationLabel(organisation, language);
    const detail = `${language === 'zh-CN' ? organisation.name : organisation.shortName} · ${count > 0 ? strings.optionCount(count) : strings.optionNone}`;
    return (
      <Option key={organisation.id} value={organisation.id} text={label}>
        <span className={styles.option}>
          <span>{label}</span>
          <span className={styles.secondary}>{detail}</span>
        </span>
      </Option>
    );
  };

  return (
    <Field label={strings.organisationLabel} hint={hint ?? strings.organisationHint}>
      <Combobox
        className={styles.combobox}
        placeholder={strings.organisationPlaceholder}
        value={query ?? selectedText}
        selectedOptions={value === '' ? [] : [value]}
        disabled={disabled}
        onChange={(event) => setQuery(event.target.value)}
        onOptionSelect={(_event, data) => {
          // while people type, the combobox reports a cleared selection (no value): keep the typed text
          if (!data.optionValue) return;
          setQuery(null);
          if (data.optionValue !== value) onChange(data.optionValue);
        }}
        onOpenChange={(_event, data) => {
          if (!data.open) setQuery(null);
        }}
      >
        {showAll ? (
          <Option value={ALL_INDICATORS} text={strings.allIndicators}>
            <span className={styles.option}>
              <span>{strings.allIndicators}</span>
              <span className={styles.secondary}>{strings.allIndicatorsDetail}</span>
            </span>
          </Option>
        ) : null}
        {groups.departments.length > 0 ? <OptionGroup label={strings.groupDepartments}>{groups.departments.map(renderOption)}</OptionGroup> : null}
        {groups.townships.length > 0 ? <OptionGroup label={strings.groupTownships}>{groups.townships.map(renderOption)}</OptionGroup> : null}
        {empty ? (
          <Option value="" text={strings.noOrganisationMatch} disabled>
            {strings.noOrganisationMatch}
          </Option>
        ) : null}
      </Combobox>
    </Field>
  );
}
