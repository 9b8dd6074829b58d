/**
 * The units an indicator can be measured in, and what each one implies for input:
 * the valid range, whether only whole numbers make sense, and which suffixes a person may type after
 * the number (the parser accepts them and rejects any other suffix).
 *
 * The unit ids are the Chinese symbols used in the plans, so a catalog reads like the plan text.
 */
export const UNIT_IDS = [
  '%',
  '‰',
  '百分点',
  '1/10万',
  '1/10万活产',
  '名/千人',
  '名',
  '人',
  '个',
  '所',
  '家',
  '次',
  '小时',
  '学时',
  '岁',
  '年',
  '比例',
  '是/否',
  '文字',
] as const;

/** The unit of an indicator, one of {@link UNIT_IDS}. */
export type UnitId = (typeof UNIT_IDS)[number];

/** What kind of value a cell of this unit holds. */
export type ValueKind = 'number' | 'ratio' | 'boolean' | 'text';

/** The definition of a unit: range, integrality, accepted suffixes and labels. */
export interface UnitDefinition {
  readonly id: UnitId;
  readonly valueKind: ValueKind;
  /** Inclusive bounds; `undefined` means unbounded on that side. */
  readonly min?: number;
  readonly max?: number;
  readonly integer: boolean;
  /** Suffixes accepted after a number, already NFKC-normalised (full-width forms fold to these). */
  readonly suffixes: readonly string[];
  readonly nameZh: string;
  readonly nameEn: string;
  /** How the expected input is described in messages. */
  readonly expectZh: string;
  readonly expectEn: string;
}

const rate = (
  id: UnitId,
  max: number,
  suffixes: readonly string[],
  nameZh: string,
  nameEn: string,
): UnitDefinition => ({
  id,
  valueKind: 'number',
  min: 0,
  max,
  integer: false,
  suffixes,
  nameZh,
  nameEn,
  expectZh: `0—${max.toLocaleString('en-US')}之间的数值（单位${id}）`,
  expectEn: `a number from 0 to ${max.toLocaleString('en-US')} (unit ${id})`,
});

const count = (id: UnitId, suffixes: readonly string[], nameZh: string, nameEn: string): UnitDefinition => ({
  id,
  valueKind: 'number',
  min: 0,
  integer: true,
  suffixes,
  nameZh,
  nameEn,
  expectZh: `不小于0的整数（单位${id}）`,
  expectEn: `a whole number, 0 or more (unit ${id})`,
});

/** Every unit, keyed by id. */
export const UNITS: Readonly<Record<UnitId, UnitDefinition>> = {
  '%': rate('%', 100, ['%'], '百分比', 'percent'),
  '‰': rate('‰', 1000, ['‰'], '千分比', 'per mille'),
  '百分点': {
    id: '百分点',
    valueKind: 'number',
    min: -100,
    max: 100,
    integer: false,
    suffixes: ['百分点', '个百分点'],
    nameZh: '百分点',
    nameEn: 'percentage points',
    expectZh: '-100—100之间的数值（单位：百分点）',
    expectEn: 'a number from -100 to 100 (percentage points)',
  },
  '1/10万': rate('1/10万', 100000, ['/10万', '/100000'], '每10万', 'per 100,000'),
  '1/10万活产': rate('1/10万活产', 100000, ['/10万活产', '/10万', '/100000'], '每10万活产', 'per 100,000 live births'),
  '名/千人': rate('名/千人', 1000, ['名/千人', '/千人', '名'], '每千人名数', 'per 1,000 people'),
  '名': count('名', ['名', '人'], '名', 'persons'),
  '人': count('人', ['人', '名'], '人', 'persons'),
  '个': count('个', ['个'], '个', 'units'),
  '所': count('所', ['所'], '所', 'institutions'),
  '家': count('家', ['家'], '家', 'institutions'),
  '次': count('次', ['次'], '次', 'times'),
  '小时': {
    id: '小时',
    valueKind: 'number',
    min: 0,
    max: 24,
    integer: false,
    suffixes: ['小时', 'h'],
    nameZh: '小时（每天）',
    nameEn: 'hours (per day)',
    expectZh: '0—24之间的数值（小时/天）',
    expectEn: 'a number from 0 to 24 (hours per day)',
  },
  '学时': {
    id: '学时',
    valueKind: 'number',
    min: 0,
    integer: false,
    suffixes: ['学时'],
    nameZh: '学时',
    nameEn: 'class hours',
    expectZh: '不小于0的数值（学时）',
    expectEn: 'a number, 0 or more (class hours)',
  },
  '岁': {
    id: '岁',
    valueKind: 'number',
    min: 0,
    max: 150,
    integer: false,
    suffixes: ['岁'],
    nameZh: '岁',
    nameEn: 'years of age',
    expectZh: '0—150之间的数值（岁）',
    expectEn: 'a number from 0 to 150 (years)',
  },
  '年': {
    id: '年',
    valueKind: 'number',
    min: 0,
    max: 30,
    integer: false,
    suffixes: ['年'],
    nameZh: '年',
    nameEn: 'years',
    expectZh: '0—30之间的数值（年）',
    expectEn: 'a number from 0 to 30 (years)',
  },
  '比例': {
    id: '比例',
    valueKind: 'ratio',
    min: 0,
    integer: false,
    suffixes: [],
    nameZh: '比例',
    nameEn: 'ratio',
    expectZh: '形如“2:3”的比例（两项均为正数）',
    expectEn: 'a ratio such as "2:3" (both terms positive)',
  },
  '是/否': {
    id: '是/否',
    valueKind: 'boolean',
    integer: false,
    suffixes: [],
    nameZh: '是/否',
    nameEn: 'yes/no',
    expectZh: '“是”或“否”',
    expectEn: '"是" (yes) or "否" (no)',
  },
  '文字': {
    id: '文字',
    valueKind: 'text',
    integer: false,
    suffixes: [],
    nameZh: '文字说明',
    nameEn: 'text',
    expectZh: '进展情况的文字说明',
    expectEn: 'a short text on progress',
  },
};

/** The definition of a unit id. */
export function unitDefinition(id: UnitId): UnitDefinition {
  return UNITS[id];
}
