/** Sheet names Excel, WPS and LibreOffice accept. */

const MAX_SHEET_NAME = 31;

/**
 * A sheet name that no existing sheet has (Excel compares names case-insensitively): the wanted name, else
 * "name (2)", "name (3)" …, the base shortened so the whole stays within Excel's 31 characters.
 */
export function uniqueSheetName(wanted: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((name) => name.toLowerCase()));
  const base = [...wanted].slice(0, MAX_SHEET_NAME).join('');
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n += 1) {
    const suffix = ` (${n})`;
    const candidate = [...wanted].slice(0, MAX_SHEET_NAME - suffix.length).join('').trimEnd() + suffix;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ]. */
export function safeSheetName(name: string): string {
  const cleaned = name.replace(/[:\\/?*[\]]/g, '-').replace(/^'+|'+$/g, '');
  return [...cleaned].slice(0, MAX_SHEET_NAME).join('') || 'Sheet';
}
