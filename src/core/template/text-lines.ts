/**
 * How tall a wrapped text is, for the heights written into generated sheets: spreadsheet programs do not grow
 * the rows of a generated file by themselves (Excel keeps the height a file gives it), so the template's model
 * sets each row's height from an estimate of its wrapped text; the monitoring report
 * (src/xlsx/monitoring-report.ts) uses the same estimate for its rows.
 */

const CJK = /[\u2E80-\uFFEF]/;

/** How wide a text is in column-width units: CJK characters two, others about one (a little more when bold). */
export function textWidth(text: string): number {
  let units = 0;
  for (const char of text) units += CJK.test(char) ? 2 : 1.15;
  return units;
}

/**
 * How many lines a text takes in a column (or merged area) of `width` characters, wrapped as spreadsheet
 * programs wrap: between CJK characters and at spaces, a word longer than the line broken. A column of width w
 * holds about w + 1 units of the 10-point font, proportionally fewer of a larger one.
 */
export function wrappedLines(text: string, width: number, fontSize = 10): number {
  const capacity = Math.max(1, ((width + 1) * 10) / fontSize);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    let count = 1;
    for (const token of paragraph.match(/[\u2E80-\uFFEF]|[^\s\u2E80-\uFFEF]+|\s+/g) ?? []) {
      const size = textWidth(token);
      if (/^\s+$/.test(token) || used + size <= capacity) {
        used += size;
      } else if (size <= capacity) {
        count += 1;
        used = size;
      } else {
        const rest = size - Math.max(0, capacity - used);
        count += Math.ceil(rest / capacity);
        used = rest % capacity;
      }
    }
    lines += count;
  }
  return lines;
}

/** The row height in points a text needs: 1.35 × the font size a line (13.5 for 10 points), plus a margin; Excel's cap 409. */
export function textHeight(text: string, width: number, fontSize = 10): number {
  return Math.min(409, Math.max(18, Math.ceil(wrappedLines(text, width, fontSize) * fontSize * 1.35 + 4)));
}
