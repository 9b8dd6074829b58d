/**
 * How the Submit view names things from the catalog: organisations (the sheet's summary, the queue) and the
 * entries a finding is about (indicator and township), in the pane's language.
 */
import type { Catalog } from '../../../core/catalog/catalog';
import { textOf } from '../../../core/i18n/message';
import type { Place } from '../../../client/preflight';
import type { Locale } from '../strings';
import type { SubmitStrings } from '../strings/submit-strings';

/** The organisation's name; its id while the catalog is not loaded or does not know it. */
export function organisationName(catalog: Catalog | null, id: string, locale: Locale): string {
  const organisation = catalog?.organisations.find((item) => item.id === id);
  if (!organisation) return id;
  return locale === 'en-US' ? organisation.nameEn : organisation.name;
}

/** "C-HEA-09 适龄儿童免疫规划疫苗接种率（桂山街道）、…": every entry a finding is about. */
export function placesText(places: readonly Place[], strings: SubmitStrings, locale: Locale): string {
  return places
    .map((place) =>
      strings.place({
        indicatorId: place.indicatorId,
        ...(place.indicatorName ? { indicatorName: textOf(place.indicatorName, locale) } : {}),
        ...(place.unitName ? { unit: textOf(place.unitName, locale) } : {}),
      }),
    )
    .join('、');
}
