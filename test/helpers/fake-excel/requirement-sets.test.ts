/**
 * The fake Excel's requirement sets, audited against @types/office-js — so "the adapter works on ExcelApi
 * 1.x" in the adapter's tests means what Microsoft's typings say, not what someone typed by hand.
 *
 * How:
 *
 * 1. The typings. node_modules/@types/office-js/index.d.ts is parsed with the TypeScript compiler (the
 *    same parse as the program of step 3). For every class and interface declared directly in
 *    `declare namespace Excel` (not `Excel.Interfaces`), each member's JSDoc gives its `[Api set: ExcelApi x.y]`
 *    tag. A tag qualified by parameters ("ExcelApi 1.2 for options; 1.7 for password") and a tag in an
 *    `@param` line give `Class.member(parameter)`; a member whose only tags are for its parameters
 *    (`WorksheetProtection.unprotect`: "1.7 for password") needs its class's set (the class's own tag).
 *    Where a tag names several sets ("1.1 / 1.3", "1.10 for string, 1.11 for …") the first is the member's.
 *
 * 2. The fake. Its sets are declared in one table, EXCEL_API (requirement-sets.ts), which its proxies
 *    consult through `context.require('Class.member')`. Every entry must match the typings' tag; an entry
 *    the typings do not tag must be on the commented UNTAGGED allow-list below (and then match its class's
 *    tag); an entry must also be enforced — named as a string somewhere in the fake outside the table.
 *
 * 3. The adapter. src/office-workbook/** is compiled with the TypeScript type checker (a `ts.Program`), so
 *    every `x.member` (read, write or call), destructured property and `x['member']` is resolved to the
 *    declaration it uses: when that is a member of an Excel class or interface, `Class.member` is used.
 *    Precise where a name scan is not: `format.fill.color` is RangeFill.color, not any `color`. Also seen:
 *    - the strings given to `load()` ('values,text', 'items/name' → the items' class), walked along their
 *      paths; a `load()` whose argument is not a string literal fails the audit (it cannot be read);
 *    - arguments given to a parameter that has its own tag (`protect(options)`);
 *    - the adapter's own structural views of Excel objects (cell-notes.ts's CellNote: an interface that
 *      Excel.Note and Excel.Comment values are assigned to, found from the contextual types of the
 *      adapter's expressions): a member used through the view is used on each Excel class that flows in.
 *    Each must be an entry of EXCEL_API. Not audited: OfficeExtension's machinery (context.sync,
 *    EventHandlers.add, EventHandlerResult.remove, isNullObject: no ExcelApi set), and the fields of option
 *    objects the adapter passes (WorksheetProtectionOptions, DataValidationRule …: data, whose shape the fake
 *    checks where it matters).
 *
 * A probe (a small in-memory file compiled in the same program) proves each kind of use is seen.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as ts from 'typescript';
import { EXCEL_API, type ExcelMember } from './requirement-sets';
import { seedCatalog } from '../../../src/seed-catalog';
import { buildTemplate } from '../../../src/core/template/build-template';
import { cellAddress } from '../../../src/core/template/cell-address';
import { COLUMN_INDEX } from '../../../src/core/template/template-columns';
import { officeWorkbookHost } from '../../../src/office-workbook';
import { createWorkbook } from '../../../src/workbook/workbook';
import { FakeExcelHost } from './fake-host';
import { FakeWorkbook } from './fake-workbook';
import { FAKE_PROFILES, type FakeProfile } from './profiles';

const ROOT = resolve(__dirname, '..', '..', '..');
const OFFICE_JS = join(ROOT, 'node_modules', '@types', 'office-js', 'index.d.ts');
const ADAPTER = join(ROOT, 'src', 'office-workbook');
const FAKE = __dirname;
const PROBE = join(ADAPTER, '__requirement-sets-probe__.ts');

/**
 * Members the typings declare without any `[Api set]` tag, that the fake models. Each is there wherever its
 * class is, so the fake's set for it must be its class's tag (the floor, 1.1, for an untagged class).
 */
const UNTAGGED: Readonly<Record<string, string>> = {
  // Office.js's proxy machinery, declared on every Excel class and never tagged: loading comes with the class
  load: 'ClientObject.load, redeclared per class with its property names',
  // the loaded children of a collection: come with the collection
  items: 'ClientObjectCollection.items, redeclared per collection with its item type',
  // Excel.run hands every batch a context with the workbook, on every host (the class has no tag either)
  'RequestContext.workbook': 'the request context of Excel.run',
};

/**
 * Members the typings declare without a tag whose set Microsoft's documentation states elsewhere. Each entry
 * says where; the fake's set must be this one.
 */
const DOCUMENTED: Readonly<Record<string, { readonly set: string; readonly source: string }>> = {
  'RunOptions.delayForCellEdit': {
    set: 'ExcelApi 1.11',
    source: 'Excel JavaScript API requirement set 1.11 (RunOptions.delayForCellEdit); "Delay execution while cell is being edited"',
  },
};

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });

/**
 * One case of each kind of use the adapter scan must see (compiled with the adapter, never written to disk).
 * Every line is a member the fake does not model, so each would fail the audit in the adapter.
 */
const PROBE_SOURCE = `/// <reference types="office-js" />
interface ChartView { readonly name: string; activate(): void }
export function probe(sheet: Excel.Worksheet, chart: Excel.Chart, pick: () => ChartView[]): void {
  sheet.showGridlines = false;
  sheet.getRange('A1').load('valuesAsJson,format/indentLevel');
  sheet.tables.load('items/showTotals');
  const { tabColor } = sheet;
  void tabColor;
  void sheet['visibility'];
  sheet.getUsedRange(true);
  const views: ChartView[] = [chart];
  void views;
  for (const view of pick()) view.activate();
}
`;

/** What the scan must find in the probe. */
const PROBE_USES = [
  'Worksheet.showGridlines', // a property written
  'Worksheet.getRange', // a method called
  'Range.load',
  'Range.valuesAsJson', // load('a,b/c'): each step of each path
  'Range.format',
  'RangeFormat.indentLevel',
  'Worksheet.tables',
  'TableCollection.load',
  'TableCollection.items', // load('items/x'): x on the item class
  'Table.showTotals',
  'Worksheet.tabColor', // destructured
  'Worksheet.visibility', // x['member']
  'Worksheet.getUsedRange',
  'Worksheet.getUsedRange(valuesOnly)', // an argument given to a parameter with a set of its own
  'Chart.activate', // through an interface Excel.Chart values are assigned to
];

// ---- 1. the typings ----

interface TypingsMember {
  /** The member's own set ("ExcelApi 1.2"), undefined when untagged or tagged only for parameters. */
  readonly set?: string;
  readonly tagged: boolean;
  readonly parameters: ReadonlyMap<string, string>;
}

interface Typings {
  readonly members: ReadonlyMap<string, TypingsMember>;
  readonly classes: ReadonlyMap<string, string | undefined>;
}

/** "ExcelApi 1.2 for options; 1.7 for password" → the member's set and its parameters'. */
function parseApiSet(text: string, parameters: readonly string[]): { set?: string; parameters: Map<string, string> } {
  const found = new Map<string, string>();
  const product = /^(\w+)\s/.exec(text)?.[1] ?? '';
  let set: string | undefined;
  for (const match of text.matchAll(/(\d+\.\d+)(?:\s+for\s+`?(\w+)`?)?/g)) {
    const version = `${product} ${match[1]}`;
    const qualifier = match[2];
    if (qualifier && parameters.includes(qualifier)) {
      if (!found.has(qualifier)) found.set(qualifier, version);
    } else set ??= version;
  }
  return set === undefined ? { parameters: found } : { set, parameters: found };
}

const API_SET = /\[Api set: ([^\]]+)\]/;

function jsDocText(node: ts.Node): string {
  return ts
    .getJSDocCommentsAndTags(node)
    .filter(ts.isJSDoc)
    .map((doc) => doc.getText())
    .join('\n');
}

function readTypings(file: ts.SourceFile): Typings {
  const members = new Map<string, TypingsMember>();
  const classes = new Map<string, string | undefined>();
  for (const statement of file.statements) {
    if (!ts.isModuleDeclaration(statement) || statement.name.text !== 'Excel' || !statement.body || !ts.isModuleBlock(statement.body)) continue;
    for (const declaration of statement.body.statements) {
      if (!(ts.isClassDeclaration(declaration) || ts.isInterfaceDeclaration(declaration)) || !declaration.name) continue;
      const className = declaration.name.text;
      const classTag = API_SET.exec(jsDocText(declaration))?.[1];
      if (!classes.has(className)) classes.set(className, classTag && parseApiSet(classTag, []).set);
      for (const member of declaration.members) {
        if (!member.name || !(ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))) continue;
        const key = `${className}.${member.name.text}`;
        const parameterNames = ts.isMethodDeclaration(member) || ts.isMethodSignature(member) ? member.parameters.map((p) => p.name.getText()) : [];
        const docs = ts.getJSDocCommentsAndTags(member).filter(ts.isJSDoc);
        let set: string | undefined;
        let tagged = false;
        const parameters = new Map<string, string>();
        for (const doc of docs) {
          for (const tag of doc.tags ?? []) {
            const text = API_SET.exec(ts.getTextOfJSDocComment(tag.comment) ?? '')?.[1];
            if (!text) continue;
            tagged = true;
            if (ts.isJSDocParameterTag(tag)) {
              const parsed = parseApiSet(text, []);
              if (parsed.set && !parameters.has(tag.name.getText())) parameters.set(tag.name.getText(), parsed.set);
            } else {
              const parsed = parseApiSet(text, parameterNames);
              set ??= parsed.set;
              for (const [name, version] of parsed.parameters) if (!parameters.has(name)) parameters.set(name, version);
            }
          }
        }
        // overloads: the first declaration with a tag wins, parameters of all of them count
        const known = members.get(key);
        if (known) {
          members.set(key, { set: known.set ?? set, tagged: known.tagged || tagged, parameters: new Map([...parameters, ...known.parameters]) });
        } else members.set(key, set === undefined ? { tagged, parameters } : { set, tagged, parameters });
      }
    }
  }
  return { members, classes };
}

/** What the typings say an entry of the fake's table needs, or why they cannot say. */
function typingsSet(typings: Typings, entry: string): { set: string } | { problem: string } {
  const match = /^(\w+)\.(\w+)(?:\((\w+)\))?$/.exec(entry);
  if (!match) return { problem: `${entry}: not "Class.member" or "Class.member(parameter)"` };
  const [, className = '', memberName = '', parameter] = match;
  const member = typings.members.get(`${className}.${memberName}`);
  if (!member) return { problem: `${entry}: @types/office-js declares no Excel.${className}.${memberName}` };
  if (parameter !== undefined) {
    const set = member.parameters.get(parameter);
    return set ? { set } : { problem: `${entry}: @types/office-js has no set of its own for the parameter ${parameter} (drop the entry)` };
  }
  if (member.set) return { set: member.set };
  const documented = DOCUMENTED[`${className}.${memberName}`];
  if (documented) return { set: documented.set };
  const classSet = typings.classes.get(className) ?? 'ExcelApi 1.1';
  if (member.tagged) return { set: classSet }; // tagged for its parameters only: the member comes with its class
  if (UNTAGGED[memberName] !== undefined || UNTAGGED[`${className}.${memberName}`] !== undefined) return { set: classSet };
  return { problem: `${entry}: @types/office-js does not tag Excel.${className}.${memberName}; if that is right, add it to UNTAGGED with the reason` };
}

// ---- 3. the adapter ----

interface Scan {
  /** `Class.member` (and `Class.member(parameter)`) → where. */
  readonly used: Map<string, string[]>;
  readonly problems: string[];
}

/** The name of a class or interface declared directly in `declare namespace Excel` of the typings. */
function excelClassName(declaration: ts.Node): string | undefined {
  if (!(ts.isClassDeclaration(declaration) || ts.isInterfaceDeclaration(declaration)) || !declaration.name) return undefined;
  if (resolve(declaration.getSourceFile().fileName) !== OFFICE_JS) return undefined;
  const block = declaration.parent;
  const namespace = block.parent;
  return ts.isModuleBlock(block) && ts.isModuleDeclaration(namespace) && namespace.name.text === 'Excel' && ts.isSourceFile(namespace.parent) ? declaration.name.text : undefined;
}

/** The Excel class (or interface) declaring a member, if an Excel one does. */
const excelOwner = (member: ts.Declaration): string | undefined => excelClassName(member.parent);

/** The Excel class a type is (undefined for any other type). */
function excelClassOf(type: ts.Type): string | undefined {
  const declaration = type.getSymbol()?.declarations?.[0];
  return declaration && excelClassName(declaration);
}

const constituents = (type: ts.Type): readonly ts.Type[] => (type.isUnion() ? type.types : [type]);

function scanAdapter(program: ts.Program, files: readonly string[], typings: Typings): Scan {
  const checker = program.getTypeChecker();
  const used = new Map<string, string[]>();
  const problems: string[] = [];
  const inScope = new Set(files.map((file) => resolve(file)));
  /** Adapter-declared interfaces → the Excel classes whose values are assigned to them. */
  const views = new Map<ts.Symbol, Set<string>>();

  const where = (node: ts.Node) => {
    const file = node.getSourceFile();
    return `${file.fileName.slice(ROOT.length + 1)}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  };
  const use = (key: string, node: ts.Node) => used.set(key, [...(used.get(key) ?? []), where(node)]);
  const adapterInterface = (type: ts.Type): ts.Symbol | undefined => {
    const symbol = type.getSymbol() ?? type.aliasSymbol;
    const declaration = symbol?.declarations?.[0];
    return symbol && declaration && (ts.isInterfaceDeclaration(declaration) || ts.isTypeLiteralNode(declaration)) && inScope.has(resolve(declaration.getSourceFile().fileName)) ? symbol : undefined;
  };

  /** Records Excel classes flowing into adapter interfaces (through arrays and function results). */
  const flow = (source: ts.Type, target: ts.Type, depth = 0): void => {
    if (depth > 4) return;
    for (const to of constituents(target)) {
      for (const from of constituents(source)) {
        const toItem = checker.isArrayType(to) || checker.isTupleType(to) ? to.getNumberIndexType() : undefined;
        const fromItem = checker.isArrayType(from) || checker.isTupleType(from) ? from.getNumberIndexType() : undefined;
        if (toItem && fromItem) {
          flow(fromItem, toItem, depth + 1);
          continue;
        }
        const toCall = to.getCallSignatures()[0];
        const fromCall = from.getCallSignatures()[0];
        if (toCall && fromCall && !adapterInterface(to)) {
          flow(fromCall.getReturnType(), toCall.getReturnType(), depth + 1);
          continue;
        }
        const view = adapterInterface(to);
        const excel = excelClassOf(from);
        if (view && excel) views.set(view, new Set([...(views.get(view) ?? []), excel]));
      }
    }
  };

  /** The Excel classes (or views of them) a member declaration belongs to. */
  const ownersOf = (declaration: ts.Declaration): string[] => {
    const excel = excelOwner(declaration);
    if (excel) return [excel];
    const parent = declaration.parent;
    const symbol = (ts.isInterfaceDeclaration(parent) || ts.isTypeLiteralNode(parent)) && inScope.has(resolve(parent.getSourceFile().fileName))
      ? checker.getTypeAtLocation(parent).getSymbol()
      : undefined;
    return symbol ? [...(views.get(symbol) ?? [])] : [];
  };

  const memberUse = (symbol: ts.Symbol | undefined, name: string, node: ts.Node) => {
    for (const declaration of symbol?.declarations ?? []) for (const owner of ownersOf(declaration)) use(`${owner}.${name}`, node);
  };

  /** load('a,b/c,items/d'): each step of each path, from the receiver's class. */
  const loads = (call: ts.CallExpression, receiver: ts.Expression) => {
    const argument = call.arguments[0];
    if (argument === undefined) return;
    const texts = ts.isStringLiteralLike(argument)
      ? [argument.text]
      : ts.isArrayLiteralExpression(argument) && argument.elements.every(ts.isStringLiteralLike)
        ? argument.elements.map((element) => (element as ts.StringLiteralLike).text)
        : undefined;
    if (!texts) {
      problems.push(`${where(call)}: load() with an argument the audit cannot read (use a string literal)`);
      return;
    }
    for (const path of texts.flatMap((text) => text.split(',')).map((path) => path.trim()).filter(Boolean)) {
      let types = constituents(checker.getNonNullableType(checker.getTypeAtLocation(receiver)));
      for (const step of path.split('/')) {
        const next: ts.Type[] = [];
        for (const type of types) {
          const property = type.getProperty(step);
          if (!property) {
            problems.push(`${where(call)}: load('${path}'): ${checker.typeToString(type)} has no ${step}`);
            continue;
          }
          memberUse(property, step, call);
          const propertyType = checker.getTypeOfSymbolAtLocation(property, call);
          // a collection's items: the next step is on the item class
          next.push(...constituents(propertyType).map((t) => (checker.isArrayType(t) ? (t.getNumberIndexType() ?? t) : t)));
        }
        types = next;
      }
    }
  };

  const visitFlows = (node: ts.Node): void => {
    if (ts.isExpression(node)) {
      const target = checker.getContextualType(node);
      if (target) flow(checker.getTypeAtLocation(node), target);
    }
    ts.forEachChild(node, visitFlows);
  };

  const visitUses = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node)) {
      memberUse(checker.getSymbolAtLocation(node.name), node.name.text, node);
    } else if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) {
      memberUse(checker.getSymbolAtLocation(node.argumentExpression), node.argumentExpression.text, node);
    } else if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && ts.isObjectLiteralExpression(node.parent)) {
      // a field of an option object (Excel.run's { delayForCellEdit }): audited where its set is documented apart
      const contextual = checker.getContextualType(node.parent);
      for (const type of contextual ? constituents(checker.getNonNullableType(contextual)) : []) {
        const owner = excelClassOf(type);
        if (owner && DOCUMENTED[`${owner}.${node.name.text}`]) use(`${owner}.${node.name.text}`, node);
      }
    } else if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent)) {
      const name = node.propertyName ?? node.name;
      if (ts.isIdentifier(name)) memberUse(checker.getTypeAtLocation(node.parent).getProperty(name.text), name.text, node);
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const callee = node.expression;
      const symbol = checker.getSymbolAtLocation(callee.name);
      const owners = (symbol?.declarations ?? []).flatMap(ownersOf);
      if (owners.length > 0 && callee.name.text === 'load') loads(node, callee.expression);
      // an argument given to a parameter that has a set of its own
      const declaration = checker.getResolvedSignature(node)?.getDeclaration();
      const excel = declaration && excelOwner(declaration);
      const tagged = excel && typings.members.get(`${excel}.${callee.name.text}`)?.parameters;
      if (declaration && tagged && 'parameters' in declaration) {
        for (const parameter of declaration.parameters.slice(0, node.arguments.length)) {
          if (tagged.has(parameter.name.getText())) use(`${excel}.${callee.name.text}(${parameter.name.getText()})`, node);
        }
      }
    }
    ts.forEachChild(node, visitUses);
  };

  const adapterFiles = files.map((file) => program.getSourceFile(file)).filter((file): file is ts.SourceFile => file !== undefined);
  for (const file of adapterFiles) visitFlows(file);
  for (const file of adapterFiles) visitUses(file);
  return { used, problems };
}

// ---- the program: the adapter (and the probe) with the typings ----

const adapterFiles = sources(ADAPTER);
const program = (() => {
  const options: ts.CompilerOptions = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.Preserve, moduleResolution: ts.ModuleResolutionKind.Bundler, strict: true, noEmit: true, skipLibCheck: true, types: [], lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'] };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, language, ...rest) =>
    resolve(fileName) === PROBE ? ts.createSourceFile(fileName, PROBE_SOURCE, language, true) : getSourceFile(fileName, language, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (fileName) => resolve(fileName) === PROBE || fileExists(fileName);
  return ts.createProgram([...adapterFiles, PROBE], options, host);
})();
// binds every file (parent pointers), which reading the typings' JSDoc needs
program.getTypeChecker();
const officeJs = program.getSourceFile(OFFICE_JS);
if (!officeJs) throw new Error(`${OFFICE_JS} is not in the program (does the adapter still reference office-js?)`);
const typings = readTypings(officeJs);

// the typings and the program are large: a few seconds
jest.setTimeout(60_000);

describe("the fake Excel's requirement sets (requirement-sets.ts) against @types/office-js", () => {
  it('reads the tags of the typings: members, parameters, class fallbacks', () => {
    expect(typings.members.size).toBeGreaterThan(2000);
    expect(typingsSet(typings, 'Range.merge')).toEqual({ set: 'ExcelApi 1.2' });
    expect(typingsSet(typings, 'Worksheet.getUsedRange(valuesOnly)')).toEqual({ set: 'ExcelApi 1.2' });
    expect(typingsSet(typings, 'WorksheetProtection.protect(password)')).toEqual({ set: 'ExcelApi 1.7' });
    expect(typingsSet(typings, 'WorksheetProtection.unprotect')).toEqual({ set: 'ExcelApi 1.2' }); // "1.7 for password" only
    expect(typingsSet(typings, 'NoteCollection.load')).toEqual({ set: 'ExcelApi 1.18' }); // untagged: its class's
    expect(typingsSet(typings, 'Worksheet.showGridlines')).toEqual({ set: 'ExcelApi 1.8' });
    expect(typingsSet(typings, 'Worksheet.nothing')).toEqual({ problem: expect.stringMatching(/declares no Excel\.Worksheet\.nothing/) });
    expect(typingsSet(typings, 'Chart.activate')).toEqual({ set: 'ExcelApi 1.9' });
    expect(typingsSet(typings, 'RunOptions.delayForCellEdit')).toEqual({ set: 'ExcelApi 1.11' }); // untagged: DOCUMENTED
  });

  it("declares for every member it models the set of the typings' tag", () => {
    const mismatches: string[] = [];
    for (const [entry, version] of Object.entries(EXCEL_API)) {
      const expected = typingsSet(typings, entry);
      if ('problem' in expected) mismatches.push(expected.problem);
      else if (expected.set !== `ExcelApi ${version}`) mismatches.push(`${entry}: the fake says ExcelApi ${version}, @types/office-js says ${expected.set}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('keeps the allow-list of untagged members to members the fake models and the typings do not tag', () => {
    const stale = Object.keys(UNTAGGED).filter((name) => {
      const entries = Object.keys(EXCEL_API).filter((entry) => entry === name || entry.endsWith(`.${name}`));
      return entries.length === 0 || entries.every((entry) => typings.members.get(entry)?.tagged !== false);
    });
    expect(stale).toEqual([]);
  });

  it('enforces every declared set somewhere in the fake (context.require or a table of members)', () => {
    const text = sources(FAKE)
      .filter((file) => !file.endsWith('requirement-sets.ts'))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    expect(Object.keys(EXCEL_API).filter((entry) => !text.includes(`'${entry}'`))).toEqual([]);
  });

  it('models every Excel member the workbook adapter (src/office-workbook) uses', () => {
    const scan = scanAdapter(program, adapterFiles, typings);
    expect(scan.problems).toEqual([]);
    expect(scan.used.size).toBeGreaterThan(50);
    // through the adapter's own view of notes and comments (cell-notes.ts's CellNote)
    expect([...scan.used.keys()]).toEqual(expect.arrayContaining(['Note.getLocation', 'Comment.getLocation', 'Note.delete', 'Comment.content', 'WorksheetFreezePanes.freezeAt', 'RunOptions.delayForCellEdit']));
    const missing = [...scan.used].filter(([member]) => !Object.hasOwn(EXCEL_API, member)).map(([member, at]) => `${member} (${at.join(', ')})`);
    expect(missing).toEqual([]);
  });

  it('sees every kind of use (a probe compiled with the adapter), so a member the fake lacks cannot slip through', () => {
    const probe = program.getSourceFile(PROBE);
    expect(probe && program.getSemanticDiagnostics(probe).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
    const scan = scanAdapter(program, [PROBE], typings);
    expect(scan.problems).toEqual([]);
    expect([...scan.used.keys()].sort()).toEqual([...PROBE_USES].sort());
    // the fake models only what the adapter uses: in the adapter, the others would fail the audit
    expect(PROBE_USES.filter((member) => Object.hasOwn(EXCEL_API, member))).toEqual(['Worksheet.getRange', 'Range.load', 'Range.format', 'Worksheet.getUsedRange', 'Worksheet.getUsedRange(valuesOnly)']);
  });
});

// ---- 4. the gates: no member is used above the set the host has ----

/** "ExcelApi 1.10" → [1, 10]. */
const versionOf = (set: string): [number, number] => {
  const [major = 0, minor = 0] = set.replace(/^ExcelApi /, '').split('.').map(Number);
  return [major, minor];
};
const atMost = (a: string, b: string) => {
  const [a1, a2] = versionOf(a);
  const [b1, b2] = versionOf(b);
  return a1 < b1 || (a1 === b1 && a2 <= b2);
};

const LEVELS = Array.from({ length: 18 }, (_, i) => `1.${i + 1}`);

/**
 * Everything the task pane does through the adapter, on one host: insert the template, fill it, check it twice
 * (notes added, then kept and removed), read it, select a flagged cell, write a 说明, follow a person's edit and
 * selection, stop following, list the sheets. Resolves to every Excel member the adapter asked for — the
 * fake records a member when it is asked for, before refusing it, so an attempt a handler swallowed counts too.
 */
async function everyOperation(host: FakeExcelHost): Promise<ReadonlySet<ExcelMember>> {
  const catalog = seedCatalog();
  const model = buildTemplate(catalog, { plan: 'children', year: 2025, organisationId: 'guishan' });
  const port = createWorkbook(officeWorkbookHost(host));
  const { sheetName } = await port.insertTemplate(model);
  const sheet = host.workbook.sheet(sheetName);
  const value = (index: number) => cellAddress(model.dataRows[index]?.row as number, COLUMN_INDEX.value);
  sheet.personTypes(value(0), '-1');
  sheet.personTypes(value(1), '９５．２');
  sheet.personAddsNote(value(2), '我的备注', host.isSetSupported('ExcelApi', '1.18') || !host.isSetSupported('ExcelApi', '1.10') ? 'note' : 'comment');
  const first = await port.check(catalog, 'zh-CN');
  sheet.personTypes(value(0), '');
  await port.check(catalog, 'zh-CN', sheetName);
  await port.read(sheetName);
  const flagged = first.kind === 'template' ? first.check.flags.flags[0]?.address : undefined;
  if (flagged) await port.selectCell(sheetName, flagged);
  await port.writeCells(sheetName, [{ address: cellAddress(model.dataRows[0]?.row as number, COLUMN_INDEX.note), value: '说明' }]);
  const stop = await port.watchChanges(() => undefined);
  await host.personSelects(value(3), sheetName);
  await host.personTypes(value(3), '1', sheetName);
  await host.personSelects('A1', sheetName);
  // sheets added while watching (ExcelApi 1.7–1.8: a handler of their own); frozen columns too (the
  // templates freeze rows only, the adapter can do both); and one replacing a sheet
  await port.insertTemplate({ ...model, freeze: { rows: 4, columns: 2 } });
  await port.insertTemplate({ ...model, freeze: { rows: 0, columns: 2 } });
  await port.insertTemplate(model, { replaceSheet: sheetName });
  await host.settleEvents();
  await stop?.();
  await port.sheetNames();
  expect(host.events.handlerErrors).toEqual([]);
  return host.touched;
}

describe('the gates: the adapter uses no Excel member above the requirement set the host has', () => {
  const touchedAt = new Map<string, ReadonlySet<ExcelMember>>();

  beforeAll(async () => {
    for (const level of LEVELS) touchedAt.set(`ExcelApi ${level}`, await everyOperation(new FakeExcelHost({ apiVersion: level, workbook: new FakeWorkbook(['说明']) })));
  });

  it.each(LEVELS)('ExcelApi %s: every member asked for is in a set the host has', (level) => {
    const above = [...(touchedAt.get(`ExcelApi ${level}`) ?? [])].filter((member) => !atMost(`ExcelApi ${EXCEL_API[member]}`, `ExcelApi ${level}`));
    expect(above).toEqual([]);
  });

  it.each(Object.keys(FAKE_PROFILES) as FakeProfile[])('the %s profile: the same, with its quirks', async (profile) => {
    const { cellEditMode: _editing, ...options } = FAKE_PROFILES[profile] as (typeof FAKE_PROFILES)[FakeProfile] & { cellEditMode?: boolean };
    const host = new FakeExcelHost({ ...options, workbook: new FakeWorkbook(['说明']) });
    const touched = await everyOperation(host);
    expect([...touched].filter((member) => !host.isSetSupported('ExcelApi', EXCEL_API[member]))).toEqual([]);
  });

  it('the runs exercise every member the adapter\'s code uses, none before the level its @types/office-js tag names', () => {
    const scan = scanAdapter(program, adapterFiles, typings);
    const firstLevel = new Map<string, string>();
    for (const level of LEVELS) for (const member of touchedAt.get(`ExcelApi ${level}`) ?? []) if (!firstLevel.has(member)) firstLevel.set(member, `ExcelApi ${level}`);
    // the table the audit is generated from: every member used, its tag in @types/office-js, the first level that used it
    const table = [...scan.used.keys()].sort().map((member) => {
      const tagged = typingsSet(typings, member);
      return { member, tag: 'set' in tagged ? tagged.set : tagged.problem, firstUsedAt: firstLevel.get(member) ?? 'never' };
    });
    expect(table.filter((row) => row.firstUsedAt === 'never')).toEqual([]);
    expect(table.filter((row) => !atMost(row.tag, row.firstUsedAt))).toEqual([]);
    // most are used from their own level on; a member of an older set used only inside a newer feature is
    // first used at that feature's level (a comment's Range.address at 1.10, a sheet's id for events at 1.7)
    expect(table.filter((row) => row.firstUsedAt === row.tag).length).toBeGreaterThan(table.length * 0.8);
  });
});
