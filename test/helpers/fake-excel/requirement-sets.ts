/**
 * Which ExcelApi requirement set each Excel member the fake models needs: the one place the fake declares
 * it. The proxies call `context.require('Class.member')`, which throws ApiNotFound on a host below the set,
 * as an old Excel lacks the API. Keys are `Class.member` as @types/office-js declares them (the class that
 * declares the member), `Class.member(parameter)` where a parameter has a later set than its method.
 *
 * requirement-sets.test.ts checks every entry against the `[Api set: ExcelApi x.y]` tags of
 * node_modules/@types/office-js/index.d.ts, that each is enforced somewhere in the fake, and that the workbook
 * adapter (src/office-workbook) uses no Excel member missing here.
 */
export const EXCEL_API = {
  // Excel.run's options and context, and the workbook
  'RunOptions.delayForCellEdit': '1.11',
  'RequestContext.workbook': '1.1',
  'Workbook.worksheets': '1.1',

  // the sheets
  'WorksheetCollection.add': '1.1',
  'WorksheetCollection.getActiveWorksheet': '1.1',
  'WorksheetCollection.getItem': '1.1',
  'WorksheetCollection.getItemOrNullObject': '1.4',
  'WorksheetCollection.items': '1.1',
  'WorksheetCollection.load': '1.1',
  'WorksheetCollection.onAdded': '1.7',
  'WorksheetCollection.onChanged': '1.9',
  'WorksheetCollection.onSelectionChanged': '1.9',

  'Worksheet.activate': '1.1',
  'Worksheet.comments': '1.10',
  'Worksheet.customProperties': '1.12',
  'Worksheet.delete': '1.1',
  'Worksheet.freezePanes': '1.7',
  'Worksheet.getRange': '1.1',
  'Worksheet.getRangeByIndexes': '1.7',
  'Worksheet.getUsedRange': '1.1',
  'Worksheet.getUsedRange(valuesOnly)': '1.2',
  'Worksheet.id': '1.1',
  'Worksheet.load': '1.1',
  'Worksheet.name': '1.1',
  'Worksheet.notes': '1.18',
  'Worksheet.onChanged': '1.7',
  'Worksheet.onSelectionChanged': '1.7',
  'Worksheet.pageLayout': '1.9',
  'Worksheet.position': '1.1',
  'Worksheet.protection': '1.2',

  'WorksheetProtection.load': '1.2',
  'WorksheetProtection.options': '1.2',
  'WorksheetProtection.protect': '1.2',
  'WorksheetProtection.protect(options)': '1.2',
  'WorksheetProtection.protect(password)': '1.7',
  'WorksheetProtection.protected': '1.2',
  'WorksheetProtection.unprotect': '1.2',
  'WorksheetProtection.unprotect(password)': '1.7',

  'WorksheetFreezePanes.freezeAt': '1.7',
  'WorksheetFreezePanes.freezeColumns': '1.7',
  'WorksheetFreezePanes.freezeRows': '1.7',

  'PageLayout.headersFooters': '1.9',
  'PageLayout.orientation': '1.9',
  'PageLayout.paperSize': '1.9',
  'PageLayout.setPrintArea': '1.9',
  'PageLayout.setPrintTitleRows': '1.9',
  'PageLayout.zoom': '1.9',
  'HeaderFooterGroup.defaultForAllPages': '1.9',
  'HeaderFooter.centerFooter': '1.9',

  'WorksheetCustomPropertyCollection.add': '1.12',

  // ranges and their formats
  'Range.address': '1.1',
  'Range.columnCount': '1.1',
  'Range.columnIndex': '1.1',
  'Range.conditionalFormats': '1.6',
  'Range.dataValidation': '1.8',
  'Range.format': '1.1',
  'Range.formulas': '1.1',
  'Range.getCell': '1.1',
  'Range.getIntersection': '1.1',
  'Range.getIntersectionOrNullObject': '1.4',
  'Range.getResizedRange': '1.2',
  'Range.insert': '1.1',
  'Range.load': '1.1',
  'Range.merge': '1.2',
  'Range.numberFormat': '1.1',
  'Range.rowCount': '1.1',
  'Range.rowHidden': '1.2',
  'Range.columnHidden': '1.2',
  'Range.rowIndex': '1.1',
  'Range.select': '1.1',
  'Range.text': '1.1',
  'Range.values': '1.1',

  'RangeFormat.borders': '1.1',
  'RangeFormat.columnWidth': '1.2',
  'RangeFormat.fill': '1.1',
  'RangeFormat.font': '1.1',
  'RangeFormat.horizontalAlignment': '1.1',
  'RangeFormat.load': '1.1',
  'RangeFormat.protection': '1.2',
  'RangeFormat.rowHeight': '1.2',
  'RangeFormat.verticalAlignment': '1.1',
  'RangeFormat.wrapText': '1.1',
  'RangeFill.color': '1.1',
  'RangeFont.bold': '1.1',
  'RangeFont.color': '1.1',
  'RangeFont.size': '1.1',
  'RangeBorderCollection.getItem': '1.1',
  'RangeBorder.color': '1.1',
  'RangeBorder.style': '1.1',
  'RangeBorder.weight': '1.1',
  'FormatProtection.locked': '1.2',

  'ConditionalFormatCollection.add': '1.6',
  'ConditionalFormat.custom': '1.6',
  'CustomConditionalFormat.format': '1.6',
  'CustomConditionalFormat.rule': '1.6',
  'ConditionalFormatRule.formula': '1.6',
  'ConditionalRangeFormat.fill': '1.6',
  'ConditionalRangeFormat.font': '1.6',
  'ConditionalRangeFill.color': '1.6',
  'ConditionalRangeFont.color': '1.6',

  'DataValidation.errorAlert': '1.8',
  'DataValidation.ignoreBlanks': '1.8',
  'DataValidation.prompt': '1.8',
  'DataValidation.rule': '1.8',

  // notes (1.18) and comments (1.10)
  'NoteCollection.add': '1.18',
  'NoteCollection.items': '1.18',
  'NoteCollection.load': '1.18',
  'Note.content': '1.18',
  'Note.delete': '1.18',
  'Note.getLocation': '1.18',
  'Note.load': '1.18',
  'CommentCollection.add': '1.10',
  'CommentCollection.add(content)': '1.10',
  'CommentCollection.items': '1.10',
  'CommentCollection.load': '1.10',
  'Comment.content': '1.10',
  'Comment.delete': '1.10',
  'Comment.getLocation': '1.10',
  'Comment.load': '1.10',

  // what the change events hand to their handlers
  'WorksheetChangedEventArgs.address': '1.7',
  'WorksheetChangedEventArgs.changeType': '1.7',
  'WorksheetChangedEventArgs.source': '1.7',
  'WorksheetChangedEventArgs.triggerSource': '1.14',
  'WorksheetChangedEventArgs.type': '1.7',
  'WorksheetChangedEventArgs.worksheetId': '1.7',
  'WorksheetSelectionChangedEventArgs.address': '1.7',
  'WorksheetSelectionChangedEventArgs.type': '1.7',
  'WorksheetSelectionChangedEventArgs.worksheetId': '1.7',
  'WorksheetAddedEventArgs.source': '1.7',
  'WorksheetAddedEventArgs.type': '1.7',
  'WorksheetAddedEventArgs.worksheetId': '1.7',
} as const satisfies Record<string, `1.${number}`>;

/** An Excel member the fake models ("Range.merge", "WorksheetProtection.protect(password)"). */
export type ExcelMember = keyof typeof EXCEL_API;

/** The requirement-set message of Office.js's ApiNotFound, as the fake words it. */
export function apiNotFoundMessage(member: ExcelMember): string {
  return `${member} requires ExcelApi ${EXCEL_API[member]}, which this Excel does not support`;
}
