import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula } from 'hyperformula';

/**
 * The two functions the status formulas use that HyperFormula lacks, as Excel, WPS and LibreOffice have them:
 * ASC (full-width forms to half-width) and CELL("format", ref) (the number format of a cell as a code:
 * "P2" for 0.00%, "G" for General …). HyperFormula keeps no number formats, so a test says which cell has
 * which with {@link setCellFormats}.
 */

/**
 * ASC for the characters that matter here, as LibreOffice does it: the full-width ASCII forms (U+FF01–U+FF5E)
 * become ASCII; the ideographic space (U+3000) stays (the formulas replace it themselves).
 */
export function asc(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0));
}

/**
 * What CELL("format") says for a number format (ECMA-376 Part 1 §18.17.7.34, the subset the tests use): "P"
 * and the decimals for percentages, "F" and the decimals for fixed decimals, "G" for General and text.
 */
export function cellFormatCode(format: string): string {
  const section = (format.split(';')[0] ?? '').replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  if (format === 'General' || format === '@' || section === '') return 'G';
  const decimals = /\.([0#?]+)/.exec(section)?.[1]?.length ?? 0;
  const negativeInColour = /\[(red|color\d+)\]/i.test(format.split(';')[1] ?? '') ? '-' : '';
  return `${section.includes('%') ? 'P' : 'F'}${decimals}${negativeInColour}`;
}

let formats = new Map<string, string>();

/** The number formats of the cells, by "sheet!row!column" (0-based), for CELL("format", …). */
export function setCellFormats(byCell: ReadonlyMap<string, string>): void {
  formats = new Map(byCell);
}

/** The key of a cell in {@link setCellFormats}. */
export function formatKey(sheet: number, row: number, column: number): string {
  return `${sheet}!${row}!${column}`;
}

interface AstLike {
  readonly type: string;
  readonly args?: readonly AstLike[];
  readonly expression?: AstLike;
  readonly reference?: { toSimpleCellAddress(base: unknown): { sheet: number; row: number; col: number } };
}

class SpreadsheetFunctions extends FunctionPlugin {
  asc(ast: { args: unknown[] }, state: unknown) {
    return this.runFunction(ast.args as never, state as never, this.metadata('ASC'), (text: string) => asc(text));
  }

  cell(ast: { args: AstLike[] }, state: { formulaAddress: unknown }) {
    const [infoArgument, referenceArgument] = ast.args;
    if (!infoArgument || !referenceArgument) return new CellError(ErrorType.NA);
    const info = this.evaluateAst(infoArgument as never, state as never);
    if (String(info).toLowerCase() !== 'format') return new CellError(ErrorType.VALUE);
    let argument = referenceArgument;
    while (argument.type === 'PARENTHESIS' && argument.expression) argument = argument.expression;
    if (argument.type !== 'CELL_REFERENCE' || !argument.reference) return new CellError(ErrorType.REF);
    const address = argument.reference.toSimpleCellAddress(state.formulaAddress);
    return cellFormatCode(formats.get(formatKey(address.sheet, address.row, address.col)) ?? 'General');
  }
}

SpreadsheetFunctions.implementedFunctions = {
  ASC: { method: 'asc', parameters: [{ argumentType: FunctionArgumentType.STRING }] },
  CELL: {
    method: 'cell',
    parameters: [{ argumentType: FunctionArgumentType.STRING }, { argumentType: FunctionArgumentType.NOERROR }],
    doesNotNeedArgumentsToBeComputed: true,
    isDependentOnSheetStructureChange: true,
  },
};

let registered = false;

/** Registers ASC and CELL with HyperFormula once. */
export function registerSpreadsheetFunctions(): void {
  if (registered) return;
  HyperFormula.registerFunctionPlugin(SpreadsheetFunctions, { enGB: { ASC: 'ASC', CELL: 'CELL' } });
  registered = true;
}
