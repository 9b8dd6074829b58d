import ExcelJS from 'exceljs';
import type { CellStyle, TemplateModel, ValidationRule } from '../core/template/template-model';
import { CELL_STYLES } from '../core/template/template-model';
import { uniqueSheetName } from '../core/template/sheet-name';

/** The cell value for a formula: ExcelJS takes it without "="; the cached result of a blank template is "". */
function formulaValue(formula: string): ExcelJS.CellFormulaValue {
  return { formula: formula.startsWith('=') ? formula.slice(1) : formula, result: '', date1904: false };
}

function argb(colour: string): string {
  return `FF${colour.replace('#', '').toUpperCase()}`;
}

/** SpreadsheetML's paper size codes (ECMA-376 §18.3.1.63: 8 is A3, 9 is A4; ExcelJS's enum lacks A3). */
const PAPER_SIZE: Readonly<Record<TemplateModel['print']['paperSize'] | 'A4', ExcelJS.PaperSize>> = { A3: 8 as ExcelJS.PaperSize, A4: 9 as ExcelJS.PaperSize };

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };

function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  cell.font = {
    name: '宋体',
    size: style.fontSize ?? 10,
    ...(style.bold ? { bold: true } : {}),
    ...(style.fontColor ? { color: { argb: argb(style.fontColor) } } : {}),
  };
  if (style.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.fill) } };
  cell.alignment = {
    ...(style.horizontalAlignment ? { horizontal: style.horizontalAlignment } : {}),
    vertical: style.verticalAlignment === 'top' ? 'top' : 'middle',
    ...(style.wrap ? { wrapText: true } : {}),
  };
  if (style.border) cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  else if (style.bottomBorder) cell.border = { bottom: THIN };
  cell.protection = { locked: !style.unlocked };
}

function dataValidation(rule: ValidationRule): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showInputMessage: true,
    promptTitle: rule.prompt.title,
    prompt: rule.prompt.message,
    showErrorMessage: true,
    errorStyle: rule.error.style,
    errorTitle: rule.error.title,
    error: rule.error.message,
  };
  const r = rule.rule;
  switch (r.type) {
    case 'decimal':
    case 'whole':
      if (r.min !== undefined && r.max !== undefined) return { ...common, type: r.type, operator: 'between', formulae: [r.min, r.max] };
      if (r.min !== undefined) return { ...common, type: r.type, operator: 'greaterThanOrEqual', formulae: [r.min] };
      return { ...common, type: r.type, operator: 'lessThanOrEqual', formulae: [r.max ?? 0] };
    case 'list':
      return { ...common, type: 'list', formulae: [`"${r.values.join(',')}"`] };
    case 'textLength':
      return { ...common, type: 'textLength', operator: 'lessThanOrEqual', formulae: [r.max] };
  }
}

/**
 * Renders a template model into a new worksheet of an ExcelJS workbook: values, status formulas, styles,
 * merges, the hidden marker row, validation, conditional formats, frozen header, print setup and
 * protection (no password; only input cells unlocked). The same model the Office.js adapter renders.
 */
export async function renderTemplate(workbook: ExcelJS.Workbook, model: TemplateModel, sheetName = model.sheetName): Promise<ExcelJS.Worksheet> {
  const sheet = workbook.addWorksheet(sheetName, {
    views: [{ state: 'frozen', xSplit: model.freeze.columns, ySplit: model.freeze.rows, topLeftCell: `A${model.freeze.rows + 1}`, activeCell: `A${model.freeze.rows + 1}` }],
    pageSetup: {
      paperSize: PAPER_SIZE[model.print.paperSize],
      orientation: model.print.orientation,
      fitToPage: true,
      fitToWidth: model.print.fitToPagesWide,
      fitToHeight: 0,
      // ExcelJS puts a $ before each part: "A$1:N$82" is written as the absolute $A$1:$N$82
      printArea: model.print.area.replace(/([A-Z]+)(\d+)/g, '$1$$$2'),
      printTitlesRow: model.print.titleRows.replace(/\$/g, ''),
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: `&C${model.print.footer}`, evenFooter: `&C${model.print.footer}` },
  });
  sheet.columns = model.columns.map((column) => ({ key: column.key, width: column.width, ...(column.hidden ? { hidden: true } : {}) }));
  model.rows.forEach((templateRow, index) => {
    const row = sheet.getRow(index + 1);
    if (templateRow.height !== undefined) row.height = templateRow.height;
    if (templateRow.hidden) row.hidden = true;
    templateRow.cells.forEach((templateCell, column) => {
      if (!templateCell) return;
      const cell = row.getCell(column + 1);
      if (templateCell.formula !== undefined) cell.value = formulaValue(templateCell.formula);
      else if (templateCell.value !== undefined) cell.value = templateCell.value;
      if (templateCell.numberFormat && templateCell.numberFormat !== 'General') cell.numFmt = templateCell.numberFormat;
      applyStyle(cell, CELL_STYLES[templateCell.style]);
    });
  });
  for (const range of model.merges) sheet.mergeCells(range);
  // ExcelJS keeps range validations (sqref "K7:K40") but its typings only show per-cell ones
  const validations = (sheet as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations;
  for (const rule of model.validations) validations.add(rule.range, dataValidation(rule));
  model.conditionalFormats.forEach((rule, index) => {
    sheet.addConditionalFormatting({
      ref: rule.range,
      rules: [
        {
          type: 'expression',
          priority: index + 1,
          formulae: [rule.formula],
          style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(rule.fill) } }, font: { color: { argb: argb(rule.fontColor) }, bold: true } },
        },
      ],
    });
  });
  await sheet.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: model.protection.allowFormatColumns,
    formatRows: model.protection.allowFormatRows,
    sort: model.protection.allowSort,
    autoFilter: model.protection.allowAutoFilter,
  });
  return sheet;
}

/** A new .xlsx file holding the given templates, one sheet each (sheet names made unique). */
export async function templatesToXlsx(models: readonly TemplateModel[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '新平妇女儿童发展规划监测';
  workbook.created = new Date();
  // spreadsheet programs recompute the status formulas on opening
  workbook.calcProperties.fullCalcOnLoad = true;
  const used: string[] = [];
  for (const model of models) {
    const name = uniqueSheetName(model.sheetName, used);
    used.push(name);
    await renderTemplate(workbook, model, name);
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
