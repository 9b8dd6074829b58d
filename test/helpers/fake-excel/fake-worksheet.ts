import { FakeOfficeError, FakeProxy, invalid, parseLoad, type FakeRequestContext } from './fake-context';
import { FakeEventHandlers } from './fake-events';
import { RangeProxy, guardProtected, rectOn } from './fake-range';
import { FakeSheet, type FakeNote } from './fake-workbook';
import type { ExcelMember } from './requirement-sets';

const PAPER_SIZES = ['A3', 'A4', 'A5', 'B4', 'B5', 'Letter', 'Legal'];
/** What a worksheet (or the collection's items) can load. */
const WORKSHEET_PROPERTIES = { name: 'Worksheet.name', position: 'Worksheet.position', id: 'Worksheet.id' } as const satisfies Record<string, ExcelMember>;

/** Excel.Workbook (only what the adapter uses). */
export class WorkbookProxy {
  constructor(private readonly context: FakeRequestContext) {}

  get worksheets(): WorksheetCollectionProxy {
    this.context.require('Workbook.worksheets');
    return new WorksheetCollectionProxy(this.context);
  }
}

/** Excel.WorksheetCollection. */
export class WorksheetCollectionProxy {
  private loadedItems?: WorksheetProxy[];

  constructor(private readonly context: FakeRequestContext) {}

  add(name?: string): WorksheetProxy {
    this.context.require('WorksheetCollection.add');
    const proxy = new WorksheetProxy(this.context, `worksheets.add(${name ?? ''})`);
    this.context.enqueue('worksheets', 'add', [name], () => {
      const book = this.context.book;
      let finalName = name;
      for (let n = book.sheets.length + 1; finalName === undefined || book.find(finalName); n += 1) finalName = `Sheet${n}`;
      book.assertName(finalName);
      const sheet = new FakeSheet(book.newId(), finalName);
      book.sheets.push(sheet);
      proxy.bindTo(sheet);
      this.context.sheetAdded(sheet.id);
    });
    return proxy;
  }

  /** Any sheet's data changed (ExcelApi 1.9; a single sheet's onChanged is 1.7). */
  get onChanged(): FakeEventHandlers {
    this.context.require('WorksheetCollection.onChanged');
    return new FakeEventHandlers(this.context, 'changed', () => ({ kind: 'collection' }));
  }

  /** The selection changed on any sheet (ExcelApi 1.9; a single sheet's onSelectionChanged is 1.7). */
  get onSelectionChanged(): FakeEventHandlers {
    this.context.require('WorksheetCollection.onSelectionChanged');
    return new FakeEventHandlers(this.context, 'selectionChanged', () => ({ kind: 'collection' }));
  }

  /** A sheet was added (ExcelApi 1.7). */
  get onAdded(): FakeEventHandlers {
    this.context.require('WorksheetCollection.onAdded');
    return new FakeEventHandlers(this.context, 'added', () => ({ kind: 'collection' }));
  }

  getItem(key: string): WorksheetProxy {
    this.context.require('WorksheetCollection.getItem');
    return this.lookup(key, false);
  }

  getItemOrNullObject(key: string): WorksheetProxy {
    this.context.require('WorksheetCollection.getItemOrNullObject');
    return this.lookup(key, true);
  }

  private lookup(key: string, orNull: boolean): WorksheetProxy {
    const proxy = new WorksheetProxy(this.context, `worksheets.getItem(${key})`);
    this.context.enqueue('worksheets', orNull ? 'getItemOrNullObject' : 'getItem', [key], () => {
      const book = this.context.book;
      const sheet = book.find(key) ?? book.sheets.find((candidate) => candidate.id === key);
      if (sheet) proxy.bindTo(sheet);
      else if (orNull) proxy.markNull();
      else throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist: worksheet "${key}".`);
    });
    return proxy;
  }

  getActiveWorksheet(): WorksheetProxy {
    this.context.require('WorksheetCollection.getActiveWorksheet');
    const proxy = new WorksheetProxy(this.context, 'worksheets.getActiveWorksheet()');
    this.context.enqueue('worksheets', 'getActiveWorksheet', [], () => proxy.bindTo(this.context.book.active));
    return proxy;
  }

  /** load('items/name,items/position') or load('name'). */
  load(properties?: string | readonly string[]): this {
    this.context.require('WorksheetCollection.load');
    const names = parseLoad(properties, Object.keys(WORKSHEET_PROPERTIES)).map((name) => name.replace(/^items\//, ''));
    for (const name of names) {
      if (!Object.hasOwn(WORKSHEET_PROPERTIES, name)) throw invalid(`worksheets: cannot load "${name}"`);
      this.context.require(WORKSHEET_PROPERTIES[name as keyof typeof WORKSHEET_PROPERTIES]);
    }
    this.context.enqueue('worksheets', 'load', names, () => {
      this.loadedItems = this.context.book.sheets.map((sheet) => {
        const item = new WorksheetProxy(this.context, `worksheets.items[${sheet.id}]`, sheet);
        item.absorb(names);
        return item;
      });
    });
    return this;
  }

  get items(): WorksheetProxy[] {
    this.context.require('WorksheetCollection.items');
    if (!this.loadedItems) throw new FakeOfficeError('PropertyNotLoaded', "The property 'items' is not available. Call load() and context.sync() first.");
    return this.loadedItems;
  }
}

/** Excel.Worksheet. */
export class WorksheetProxy extends FakeProxy {
  protected readonly loadable = WORKSHEET_PROPERTIES;
  protected readonly loadMember = 'Worksheet.load';
  private bound?: FakeSheet;
  private nullObject = false;

  constructor(context: FakeRequestContext, path: string, sheet?: FakeSheet) {
    super(context, path);
    this.bound = sheet;
  }

  bindTo(sheet: FakeSheet): void {
    this.bound = sheet;
    this.know('isNullObject', false);
  }

  markNull(): void {
    this.nullObject = true;
    this.know('isNullObject', true);
  }

  /** Loads properties right away (collection items arrive loaded). */
  absorb(names: readonly string[]): void {
    for (const name of names) this.know(name, this.snapshot(name));
  }

  get sheet(): FakeSheet {
    if (this.nullObject) throw new FakeOfficeError('ItemNotFound', `${this.path} is a null object`);
    if (!this.bound) throw new FakeOfficeError('InvalidObjectPath', `${this.path} is not resolved`);
    if (!this.context.book.sheets.includes(this.bound)) throw new FakeOfficeError('ItemNotFound', `${this.path} was deleted`);
    return this.bound;
  }

  protected snapshot(property: string): unknown {
    const sheet = this.sheet;
    if (property === 'name') return sheet.name;
    if (property === 'id') return sheet.id;
    if (property === 'position') return this.context.book.sheets.indexOf(sheet);
    throw invalid(property);
  }

  get isNullObject(): boolean {
    return this.read('isNullObject');
  }

  get name(): string {
    return this.read('name');
  }
  set name(name: string) {
    this.context.require('Worksheet.name');
    this.queue('name', [name], () => {
      this.context.book.assertName(name, this.sheet);
      this.sheet.name = name;
    });
  }

  get position(): number {
    return this.read('position');
  }
  set position(position: number) {
    this.context.require('Worksheet.position');
    this.queue('position', [position], () => {
      const sheets = this.context.book.sheets;
      const sheet = this.sheet;
      if (position < 0 || position >= sheets.length) throw invalid(`position ${position}`);
      sheets.splice(sheets.indexOf(sheet), 1);
      sheets.splice(position, 0, sheet);
    });
  }

  get id(): string {
    return this.read('id');
  }

  getRange(address?: string): RangeProxy {
    this.context.require('Worksheet.getRange');
    return new RangeProxy(this.context, `${this.path}.getRange(${address ?? ''})`, () => {
      const sheet = this.sheet;
      return { sheet, rect: address === undefined ? { r0: 0, c0: 0, r1: 1048575, c1: 16383 } : rectOn(sheet, address) };
    });
  }

  getRangeByIndexes(row: number, column: number, rows: number, columns: number): RangeProxy {
    this.context.require('Worksheet.getRangeByIndexes');
    return new RangeProxy(this.context, `${this.path}.getRangeByIndexes(${row},${column},${rows},${columns})`, () => ({
      sheet: this.sheet,
      rect: { r0: row, c0: column, r1: row + rows - 1, c1: column + columns - 1 },
    }));
  }

  getUsedRange(valuesOnly?: boolean): RangeProxy {
    this.context.require('Worksheet.getUsedRange');
    if (valuesOnly !== undefined) this.context.require('Worksheet.getUsedRange(valuesOnly)');
    if (valuesOnly) throw new FakeOfficeError('NotImplemented', 'the fake has no valuesOnly used range');
    return new RangeProxy(this.context, `${this.path}.getUsedRange()`, () => {
      const sheet = this.sheet;
      return { sheet, rect: sheet.usedRect() ?? { r0: 0, c0: 0, r1: 0, c1: 0 } };
    });
  }

  activate(): void {
    this.context.require('Worksheet.activate');
    this.queue('activate', [], () => {
      this.context.book.activeId = this.sheet.id;
    });
  }

  delete(): void {
    this.context.require('Worksheet.delete');
    this.queue('delete', [], () => {
      const book = this.context.book;
      const sheet = this.sheet;
      if (book.sheets.length === 1) throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      const index = book.sheets.indexOf(sheet);
      book.sheets.splice(index, 1);
      if (book.activeId === sheet.id) book.activeId = (book.sheets[Math.max(0, index - 1)] as FakeSheet).id;
    });
  }

  get protection(): ProtectionProxy {
    this.context.require('Worksheet.protection');
    return new ProtectionProxy(this.context, `${this.path}.protection`, this);
  }

  get freezePanes() {
    this.context.require('Worksheet.freezePanes');
    const needsActive = () => {
      if (this.context.freezeNeedsActiveSheet && this.context.book.activeId !== this.sheet.id) {
        throw new FakeOfficeError('GeneralException', 'There was an internal error while processing the request. (WorksheetFreezePanes on a sheet that is not active)');
      }
    };
    const freeze = (member: string, rows: number, columns: number) =>
      this.queue(`freezePanes.${member}`, [rows, columns], () => {
        needsActive();
        this.sheet.freeze = { rows, columns };
      });
    return {
      freezeRows: (count = 1) => {
        this.context.require('WorksheetFreezePanes.freezeRows');
        freeze('freezeRows', count, 0);
      },
      freezeColumns: (count = 1) => {
        this.context.require('WorksheetFreezePanes.freezeColumns');
        freeze('freezeColumns', 0, count);
      },
      /** Freezes the rows above and the columns left of the range's bottom-right corner (its top-left must be A1 in the fake). */
      freezeAt: (frozenRange: RangeProxy | string) => {
        this.context.require('WorksheetFreezePanes.freezeAt');
        const range = typeof frozenRange === 'string' ? this.getRange(frozenRange) : frozenRange;
        this.queue('freezePanes.freezeAt', [range], () => {
          needsActive();
          const { sheet, rect } = range.target;
          if (sheet !== this.sheet) throw invalid('the frozen range is on another sheet');
          if (rect.r0 !== 0 || rect.c0 !== 0) throw new FakeOfficeError('NotImplemented', 'the fake freezes panes from A1 only');
          sheet.freeze = { rows: rect.r1 + 1, columns: rect.c1 + 1 };
        });
      },
    };
  }

  get pageLayout() {
    this.context.require('Worksheet.pageLayout');
    const set = (member: string, value: unknown, change: (layout: FakeSheet['pageLayout']) => void) =>
      this.queue(`pageLayout.${member}`, [value], () => change(this.sheet.pageLayout));
    const require = (member: ExcelMember) => this.context.require(member);
    const centerFooter = {
      set centerFooter(value: string) {
        require('HeaderFooter.centerFooter');
        set('headersFooters.defaultForAllPages.centerFooter', value, (layout) => void (layout.centerFooter = value));
      },
    };
    return {
      set orientation(value: string) {
        require('PageLayout.orientation');
        if (value !== 'Portrait' && value !== 'Landscape') throw invalid(`orientation ${value}`);
        set('orientation', value, (layout) => void (layout.orientation = value));
      },
      set paperSize(value: string) {
        require('PageLayout.paperSize');
        if (!PAPER_SIZES.includes(value)) throw invalid(`paper size ${value}`);
        set('paperSize', value, (layout) => void (layout.paperSize = value));
      },
      set zoom(value: Record<string, unknown>) {
        require('PageLayout.zoom');
        const keys = Object.keys(value);
        if (keys.some((k) => !['horizontalFitToPages', 'verticalFitToPages', 'scale'].includes(k))) throw invalid('zoom options');
        set('zoom', value, (layout) => void (layout.zoom = { ...value }));
      },
      setPrintArea: (address: string) => {
        require('PageLayout.setPrintArea');
        if (typeof address !== 'string' || !/^\$?[A-Z]+\$?\d+:\$?[A-Z]+\$?\d+$/.test(address)) throw invalid(`print area ${String(address)}`);
        set('setPrintArea', address, (layout) => void (layout.printArea = address));
      },
      setPrintTitleRows: (address: string) => {
        require('PageLayout.setPrintTitleRows');
        const rect = /^\$?\d+:\$?\d+$/.test(address) ? address : undefined;
        if (!rect) throw invalid(`print title rows ${address}`);
        set('setPrintTitleRows', address, (layout) => void (layout.printTitleRows = address));
      },
      get headersFooters() {
        require('PageLayout.headersFooters');
        return {
          get defaultForAllPages() {
            require('HeaderFooterGroup.defaultForAllPages');
            return centerFooter;
          },
        };
      },
    };
  }

  get customProperties() {
    this.context.require('Worksheet.customProperties');
    return {
      add: (key: string, value: string) => {
        this.context.require('WorksheetCustomPropertyCollection.add');
        if (key.length === 0 || key.length > 255) throw invalid('custom property key');
        this.queue('customProperties.add', [key, value], () => {
          this.sheet.customProperties.set(key, value);
        });
      },
    };
  }

  /** This sheet's data changed (ExcelApi 1.7). */
  get onChanged(): FakeEventHandlers {
    this.context.require('Worksheet.onChanged');
    return new FakeEventHandlers(this.context, 'changed', () => ({ kind: 'sheet', sheetId: this.sheet.id }));
  }

  /** The selection changed on this sheet (ExcelApi 1.7). */
  get onSelectionChanged(): FakeEventHandlers {
    this.context.require('Worksheet.onSelectionChanged');
    return new FakeEventHandlers(this.context, 'selectionChanged', () => ({ kind: 'sheet', sheetId: this.sheet.id }));
  }

  get notes(): NoteCollectionProxy {
    this.context.require('Worksheet.notes');
    return new NoteCollectionProxy(this.context, `${this.path}.notes`, this, 'note');
  }

  get comments(): NoteCollectionProxy {
    this.context.require('Worksheet.comments');
    return new NoteCollectionProxy(this.context, `${this.path}.comments`, this, 'comment');
  }
}

/** Excel.WorksheetProtection (1.2; passwords 1.7). */
export class ProtectionProxy extends FakeProxy {
  protected readonly loadable = { protected: 'WorksheetProtection.protected', options: 'WorksheetProtection.options' } as const satisfies Record<string, ExcelMember>;
  protected readonly loadMember = 'WorksheetProtection.load';
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly worksheet: WorksheetProxy,
  ) {
    super(context, path);
  }

  protected snapshot(property: string): unknown {
    const protection = this.worksheet.sheet.protection;
    return property === 'protected' ? protection.protected : { ...protection.options };
  }

  get protected(): boolean {
    return this.read('protected');
  }
  get options(): Record<string, boolean> {
    return this.read('options');
  }

  protect(options?: Record<string, boolean>, password?: string): void {
    this.context.require('WorksheetProtection.protect');
    if (options !== undefined) this.context.require('WorksheetProtection.protect(options)');
    if (password !== undefined) this.context.require('WorksheetProtection.protect(password)');
    this.queue('protect', [options ?? {}], () => {
      const sheet = this.worksheet.sheet;
      if (sheet.protection.protected) throw new FakeOfficeError('InvalidOperation', 'The worksheet is already protected.');
      sheet.protection = { protected: true, options: { ...(options ?? {}) }, ...(password === undefined ? {} : { password }) };
    });
  }

  unprotect(password?: string): void {
    this.context.require('WorksheetProtection.unprotect');
    if (password !== undefined) this.context.require('WorksheetProtection.unprotect(password)');
    this.queue('unprotect', [], () => {
      const sheet = this.worksheet.sheet;
      // a sheet a person protected with a password stays protected without it
      if (sheet.protection.protected && sheet.protection.password !== undefined && sheet.protection.password !== password) {
        throw new FakeOfficeError('InvalidArgument', 'The password is incorrect. (WorksheetProtection.unprotect)');
      }
      sheet.protection = { protected: false, options: {} };
    });
  }
}

/** The members of notes (1.18) and of comments (1.10): one proxy serves both. */
const NOTE_MEMBERS = {
  note: {
    add: 'NoteCollection.add',
    load: 'NoteCollection.load',
    items: 'NoteCollection.items',
    content: 'Note.content',
    delete: 'Note.delete',
    getLocation: 'Note.getLocation',
    itemLoad: 'Note.load',
  },
  comment: {
    add: 'CommentCollection.add',
    load: 'CommentCollection.load',
    items: 'CommentCollection.items',
    content: 'Comment.content',
    delete: 'Comment.delete',
    getLocation: 'Comment.getLocation',
    itemLoad: 'Comment.load',
  },
} as const satisfies Record<'note' | 'comment', Record<string, ExcelMember>>;

/** Excel.NoteCollection (1.18) or Excel.CommentCollection (1.10). */
export class NoteCollectionProxy {
  private loadedItems?: NoteProxy[];

  constructor(
    private readonly context: FakeRequestContext,
    private readonly path: string,
    private readonly worksheet: WorksheetProxy,
    private readonly kind: 'note' | 'comment',
  ) {}

  add(cellAddress: RangeProxy | string, content: string): void {
    this.context.require(NOTE_MEMBERS[this.kind].add);
    if (typeof content !== 'string') throw invalid('content'); // a comment's rich content (1.11) is not modelled
    if (this.kind === 'comment') this.context.require('CommentCollection.add(content)');
    if (typeof cellAddress === 'string' && this.kind === 'comment' && !cellAddress.includes('!')) {
      throw invalid('a comment address string must include the sheet name');
    }
    this.context.enqueue(this.path, 'add', [cellAddress, content], () => {
      const sheet = this.worksheet.sheet;
      const target = typeof cellAddress === 'string' ? { sheet, rect: rectOn(sheet, cellAddress) } : cellAddress.target;
      if (target.sheet !== sheet) throw invalid('the cell is on another sheet');
      const { rect } = target;
      if (rect.r0 !== rect.r1 || rect.c0 !== rect.c1) throw invalid(`a ${this.kind} goes on one cell`);
      guardProtected(sheet, rect, 'object');
      const cell = sheet.ensure(rect.r0, rect.c0);
      // a cell holds a note or a threaded comment, never both: adding either where one is fails
      if (cell.note || cell.comment) throw invalid(`the cell already has a ${cell.note ? 'note' : 'comment'}`);
      if (this.kind === 'note') cell.note = { content };
      else cell.comment = { content };
      // on the safe side: the fake takes a note or comment for cell data (onChanged follows the sync)
      this.context.changed({ sheetId: sheet.id, rect, changeType: 'RangeEdited' });
    });
  }

  load(properties?: string | readonly string[]): this {
    const members = NOTE_MEMBERS[this.kind];
    this.context.require(members.load);
    const names = parseLoad(properties, ['content']).map((name) => name.replace(/^items\//, ''));
    for (const name of names) if (name !== 'content') throw invalid(`${this.kind}s: cannot load "${name}"`);
    if (names.length > 0) this.context.require(members.content);
    this.context.enqueue(this.path, 'load', names, () => {
      const sheet = this.worksheet.sheet;
      const found: FakeNote[] = [];
      for (const [, cell] of [...sheet.cells].sort((a, b) => a[0] - b[0])) {
        const note = this.kind === 'note' ? cell.note : cell.comment;
        if (note) found.push(note);
      }
      this.loadedItems = found.map((note, index) => new NoteProxy(this.context, `${this.path}.items[${index}]`, this.worksheet, note, this.kind));
    });
    return this;
  }

  get items(): NoteProxy[] {
    this.context.require(NOTE_MEMBERS[this.kind].items);
    if (!this.loadedItems) throw new FakeOfficeError('PropertyNotLoaded', "The property 'items' is not available. Call load() and context.sync() first.");
    return this.loadedItems;
  }
}

/** Excel.Note or Excel.Comment. */
export class NoteProxy extends FakeProxy {
  protected readonly loadable: Readonly<Record<string, ExcelMember>>;
  protected readonly loadMember: ExcelMember;
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly worksheet: WorksheetProxy,
    private readonly note: FakeNote,
    private readonly kind: 'note' | 'comment',
  ) {
    super(context, path);
    this.loadable = { content: NOTE_MEMBERS[kind].content };
    this.loadMember = NOTE_MEMBERS[kind].itemLoad;
    this.know('content', note.content);
  }

  protected snapshot(): unknown {
    return this.note.content;
  }

  get content(): string {
    this.context.require(NOTE_MEMBERS[this.kind].content);
    return this.read('content');
  }

  private where() {
    const sheet = this.worksheet.sheet;
    const at = sheet.locate(this.note);
    if (!at) throw new FakeOfficeError('ItemNotFound', `the ${this.kind} no longer exists`);
    return { sheet, at };
  }

  delete(): void {
    this.context.require(NOTE_MEMBERS[this.kind].delete);
    this.queue('delete', [], () => {
      const { sheet, at } = this.where();
      guardProtected(sheet, { r0: at.row, c0: at.column, r1: at.row, c1: at.column }, 'object');
      const cell = sheet.ensure(at.row, at.column);
      if (this.kind === 'note') delete cell.note;
      else delete cell.comment;
      this.context.changed({ sheetId: sheet.id, rect: { r0: at.row, c0: at.column, r1: at.row, c1: at.column }, changeType: 'RangeEdited' });
    });
  }

  getLocation(): RangeProxy {
    this.context.require(NOTE_MEMBERS[this.kind].getLocation);
    return new RangeProxy(this.context, `${this.path}.getLocation()`, () => {
      const { sheet, at } = this.where();
      return { sheet, rect: { r0: at.row, c0: at.column, r1: at.row, c1: at.column } };
    });
  }
}
