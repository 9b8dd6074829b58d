import { seedCatalog } from '../../../src/seed-catalog';
import type { PlanId } from '../../../src/core/catalog/indicator-schema';
import { planText } from '../../helpers/plan-text';
import { regionOf } from './plan-regions';

/**
 * Proves the catalog covers every numeric target: every number written in a plan's 主要目标 and 策略措施
 * (and the annual requirements of 组织实施) lies inside the quote of some catalog entry, unless it is
 * listed below with the reason it is not a target.
 */
const NOT_TARGETS: { plan: PlanId; context: string; reason: string }[] = [
  { plan: 'women', context: '禁止27周（或胎儿双顶径≥6.5cm）以上', reason: 'a prohibition (no late terminations), not a monitored level' },
  { plan: 'women', context: '持续推动建立0—6岁学前一体化教育体系', reason: 'an age range naming a system' },
  { plan: 'women', context: '支持用人单位为职工提供假期托管和3岁以下婴幼儿照护服务', reason: 'an age group, no level' },
  { plan: 'women', context: '发展3岁以下婴幼儿照护服务和失能失智老年人长期照护服务', reason: 'an age group, no level' },
  { plan: 'women', context: '推动在110报警系统中', reason: 'the police hotline number' },
  { plan: 'women', context: '加强“12338”妇女维权公益服务热线建设', reason: 'the hotline number' },
  { plan: 'women', context: '规划颁布后1个月内报送县妇儿工委办公室', reason: 'a one-off deadline in 2022, long past' },
  { plan: 'women', context: '每5年召开1次妇女儿童工作会议', reason: 'five-yearly, not judged on an annual report (see W-ORG-01 note)' },
  { plan: 'children', context: '扎实开展0—6岁儿童健康管理工作', reason: 'an age range naming the work' },
  { plan: 'children', context: '孤独症为重点的0—6岁儿童残疾筛查', reason: 'an age range naming the work' },
  { plan: 'children', context: '关注儿童生命早期1000天营养', reason: 'names a period, no level' },
  { plan: 'children', context: '普及为6月龄以上儿童合理添加辅食', reason: 'an age group, no level' },
  { plan: 'children', context: '加强0—6岁儿童眼保健和视力检查工作', reason: 'the measure behind C-HEA-18; its level is in the main goal' },
  { plan: 'children', context: '规范5岁以下儿童死亡监测', reason: 'an age group naming the surveillance' },
  { plan: 'children', context: '实现0—6岁儿童健康全周期', reason: 'an age range naming the service' },
  { plan: 'children', context: '促进0—6岁学前教育一体化发展', reason: 'an age range naming the system (the level is 95% in the same item)' },
  { plan: 'children', context: '探索推动3岁以下幼儿托育服务', reason: 'an age group, no level' },
  { plan: 'children', context: '探索0—6岁儿童学前教育一体化模式', reason: 'an age range naming the model' },
  { plan: 'children', context: '开展公益性0—3岁早期教育指导', reason: 'an age range naming the service' },
  { plan: 'children', context: '加强3—6岁学龄前儿童营养改善工作', reason: 'an age range naming the work' },
  { plan: 'children', context: '多元化促进3岁以下婴幼儿照护服务', reason: 'an age group, no level' },
  { plan: 'children', context: '落实促进3岁以下婴幼儿照护服务政策，推动将3岁以下婴幼儿照护服务费用', reason: 'an age group, no level' },
  { plan: 'children', context: '县级规划颁布后1个月内报送', reason: 'a one-off deadline in 2022, long past' },
  { plan: 'children', context: '每5年召开1次妇女儿童工作会议', reason: 'five-yearly, not judged on an annual report (see C-ORG-01 note)' },
];

function uncoveredNumbers(plan: PlanId): string[] {
  const text = planText(plan);
  const covered = new Uint8Array(text.length);
  const mark = (fragment: string) => {
    for (let at = text.indexOf(fragment); at >= 0; at = text.indexOf(fragment, at + 1)) covered.fill(1, at, at + fragment.length);
  };
  for (const indicator of seedCatalog().plans[plan].indicators) {
    for (const source of indicator.sources) mark(source.quote);
  }
  for (const allowed of NOT_TARGETS.filter((item) => item.plan === plan)) mark(allowed.context);
  const { start, end } = regionOf(plan); // the goals, measures and annual requirements (plan-regions.ts)
  const misses: string[] = [];
  const numbers = /[0-9０-９]+(?:[.．][0-9０-９]+)?/g;
  for (let match = numbers.exec(text); match; match = numbers.exec(text)) {
    const at = match.index;
    if (at < start || at >= end || covered[at]) continue;
    const lineStart = text.lastIndexOf('\n', at) + 1;
    const before = text.slice(lineStart, at).replace(/\[bookmark:[^\]]*\]/g, '').trim();
    const numbering = /^[0-9]+．/.test(text.slice(at, at + match[0].length + 1));
    if (numbering && (before === '' || before.endsWith('。'))) continue; // item numbering (one item lacks its line break)
    if (/\[bookmark:[^\]]*$/.test(text.slice(lineStart, at))) continue; // inside a bookmark tag
    misses.push(text.slice(Math.max(0, at - 20), at + 20).replace(/\n/g, '⏎'));
  }
  return misses;
}

describe('the catalog covers every numeric target of the plans', () => {
  it.each(['women', 'children'] as const)('%s: every number in the goals and measures is in a catalog quote or a listed exception', (plan) => {
    expect(uncoveredNumbers(plan)).toEqual([]);
  });

  it('every listed exception really occurs in its plan (no stale excuses)', () => {
    for (const item of NOT_TARGETS) expect(planText(item.plan)).toContain(item.context);
  });

  it('would notice a target missing from the catalog', () => {
    const text = planText('children');
    expect(text).toContain('12岁儿童龋患率控制在25％以内');
    const quotes = seedCatalog().plans.children.indicators.flatMap((indicator) => indicator.sources.map((source) => source.quote));
    expect(quotes.some((quote) => quote.includes('25％以内'))).toBe(true);
    expect(quotes.filter((quote) => quote !== '12岁儿童龋患率控制在25％以内').some((quote) => quote.includes('25％以内'))).toBe(false);
  });
});
