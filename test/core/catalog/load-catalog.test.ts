import women from '../../../seeds/women.catalog.json';
import children from '../../../seeds/children.catalog.json';
import organisations from '../../../seeds/organisations.json';
import { CatalogError, loadCatalog, type CatalogFiles } from '../../../src/core/catalog/catalog';
import { isTownship } from '../../../src/core/catalog/organisation-schema';

type Json = Record<string, unknown>;
const clone = <T>(value: T): T => structuredClone(value);

/** Loads the seed files after letting a test break one of them; returns the problems (or [] when it loads). */
function problemsAfter(edit: (files: { women: Json; children: Json; organisations: Json }) => void): string[] {
  const files = { women: clone(women) as Json, children: clone(children) as Json, organisations: clone(organisations) as Json };
  edit(files);
  try {
    loadCatalog(files as CatalogFiles);
    return [];
  } catch (error) {
    if (error instanceof CatalogError) return [...error.problems];
    throw error;
  }
}

const indicatorsOf = (file: Json) => file.indicators as Json[];
const find = (file: Json, id: string) => {
  const indicator = indicatorsOf(file).find((item) => item.id === id);
  if (!indicator) throw new Error(`no ${id}`);
  return indicator;
};

describe('loadCatalog', () => {
  it('loads the seed catalog: both plans, 40 organisations, the 12 townships', () => {
    const catalog = loadCatalog({ women, children, organisations });
    expect(catalog.plans.women.indicators.length).toBe(141);
    expect(catalog.plans.children.indicators.length).toBe(127);
    expect(catalog.indicators.size).toBe(268);
    expect(catalog.organisations.filter(isTownship).map((o) => o.name)).toEqual([
      '桂山街道', '古城街道', '扬武镇', '漠沙镇', '戛洒镇', '水塘镇', '平甸乡', '新化乡', '建兴乡', '老厂乡', '者竜乡', '平掌乡',
    ]);
  });

  it('fills defaults: targetYear 2030, no milestones, not every year', () => {
    const files = { women: clone(women) as Json, children, organisations };
    const indicator = find(files.women, 'W-HEA-05');
    delete indicator.targetYear;
    const loaded = loadCatalog(files).indicators.get('W-HEA-05');
    expect(loaded).toMatchObject({ targetYear: 2030, milestones: [], everyYear: false, baseline: [] });
  });

  it.each<[string, (files: { women: Json; children: Json; organisations: Json }) => void, RegExp]>([
    ['a duplicate id', (f) => void (find(f.children, 'C-HEA-04').id = 'C-HEA-03'), /C-HEA-03.*编号重复/],
    ['an id of the other plan', (f) => void (find(f.women, 'W-HEA-05').id = 'C-HEA-99'), /编号前缀与规划不符/],
    ['an id with the wrong domain code', (f) => void (find(f.women, 'W-HEA-05').id = 'W-EDU-99'), /领域代码应为 HEA/],
    ['an unknown domain', (f) => void (find(f.women, 'W-HEA-05').domain = '妇女与太空'), /领域“妇女与太空”不在 domains 中/],
    ['an unknown responsible organisation', (f) => void (find(f.women, 'W-HEA-05').responsible = ['nobody']), /责任单位“nobody”不在组织名单中/],
    ['townships reporting a county-wide indicator', (f) => void (find(f.women, 'W-HEA-05').responsible = ['townships']), /只有按乡镇（街道）分列的指标/],
    ['a ratio target on a % indicator', (f) => void (find(f.women, 'W-HEA-05').target = { kind: 'ratio', value: [2, 3], terms: ['男', '女'], termsEn: ['m', 'w'], favours: 'second' }), /比例目标的单位应为“比例”/],
    ['a count target on a % indicator', (f) => void (find(f.women, 'W-HEA-05').target = { kind: 'count', value: 1 }), /数量目标的单位应为整数单位/],
    ['a min target on a yes/no indicator', (f) => void (find(f.children, 'C-HEA-25').target = { kind: 'min', value: 1 }), /min 目标的单位应为数值单位/],
    ['a target value outside the unit range', (f) => void (find(f.women, 'W-HEA-05').target = { kind: 'min', value: 120 }), /目标值 120 超出单位%的有效范围/],
    ['a milestone not before the target year', (f) => void ((find(f.children, 'C-ENV-09').milestones as Json[])[0]!.year = 2030), /阶段目标年份 2030 应早于目标年份 2030/],
    ['a milestone citing a missing source', (f) => void ((find(f.children, 'C-ENV-09').milestones as Json[])[0]!.sourceIndex = 9), /sourceIndex 9 超出 sources/],
    ['an alternative citing a missing source', (f) => void (((find(f.children, 'C-HEA-20').target as Json).alternatives as Json[])[0]!.sourceIndex = 5), /alternatives 的 sourceIndex 5 超出 sources/],
    ['a consistency rule naming an unknown indicator', (f) => void (((f.children.consistencyRules as Json[])[0]!.indicators as string[])[0] = 'C-HEA-98'), /一致性规则 child-mortality-nesting：指标 C-HEA-98/],
    ['a consistency rule over different units', (f) => void (((f.children.consistencyRules as Json[])[0]!.indicators as string[])[0] = 'C-HEA-11'), /各指标单位不同/],
    ['a consistency rule mixing per-township and county-wide values', (f) => void ((f.children.consistencyRules as Json[])[2]!.indicators = ['C-HEA-15', 'C-HEA-09']), /各指标填报范围不同/],
    ['a retired id given to an indicator again', (f) => void (f.women.retiredIds = ['W-HEA-05']), /W-HEA-05 已停用/],
    ['a duplicate organisation', (f) => void (f.organisations.organisations as Json[]).push({ id: 'wjj', name: 'x', shortName: 'x', nameEn: 'x', kind: 'department' }), /组织编号重复：wjj/],
    ['a schema violation (unknown unit)', (f) => void (find(f.women, 'W-HEA-05').unit = 'percent'), /women: indicators\.\d+\.unit/],
    ['a schema violation (unknown target kind)', (f) => void (find(f.women, 'W-HEA-05').target = { kind: 'atLeast', value: 93 }), /women: indicators\.\d+\.target/],
    ['an unexpected property (typo)', (f) => void (find(f.women, 'W-HEA-05').targetyear = 2025), /women: indicators\.\d+/],
  ])('rejects %s with a specific message', (_what, edit, expected) => {
    const problems = problemsAfter(edit);
    expect(problems.join('\n')).toMatch(expected);
  });

  it('lists every problem at once, not just the first', () => {
    const problems = problemsAfter((f) => {
      find(f.women, 'W-HEA-05').responsible = ['nobody'];
      find(f.children, 'C-HEA-04').responsible = ['nobody-else'];
    });
    expect(problems).toHaveLength(2);
  });
});
