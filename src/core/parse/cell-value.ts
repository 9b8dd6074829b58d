/** What a spreadsheet cell can hand us: text, a number, a boolean, a date (Excel turns "2:3" into a time), or nothing. */
export type RawCell = string | number | boolean | Date | null | undefined;

/** A cell's content once understood. */
export type CellValue =
  /** Nothing was entered. */
  | { readonly kind: 'blank' }
  /** A "not available" marker (—, 无, 不适用 …): allowed only with a note saying why. */
  | { readonly kind: 'notAvailable'; readonly marker: string }
  /** A number in the indicator's unit; `text` is its canonical decimal form. */
  | { readonly kind: 'number'; readonly value: number; readonly text: string }
  /** A ratio such as 2:3. */
  | { readonly kind: 'ratio'; readonly left: number; readonly right: number; readonly text: string }
  /** Yes or no. */
  | { readonly kind: 'boolean'; readonly value: boolean; readonly text: string }
  /** Free text, for qualitative items. */
  | { readonly kind: 'text'; readonly text: string };

/** The canonical text of a value, as shown back to people. */
export function cellText(value: CellValue): string {
  switch (value.kind) {
    case 'blank':
      return '';
    case 'notAvailable':
      return value.marker;
    default:
      return value.text;
  }
}
