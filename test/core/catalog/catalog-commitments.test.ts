import { seedCatalog } from '../../../src/seed-catalog';
import type { PlanId } from '../../../src/core/catalog/indicator-schema';
import { planText } from '../../helpers/plan-text';
import { regionOf } from './plan-regions';

/**
 * Proves the catalog covers the plans' commitments stated in words, as catalog-coverage.test.ts does for
 * numbers: every match of a commitment pattern below in a plan's 主要目标 and 策略措施 (and the annual
 * requirements of 组织实施, the same regions: plan-regions.ts) lies inside the quote of some catalog entry,
 * unless it is listed in NOT_COMMITMENTS with the reason it is not a commitment the catalog should hold.
 */

/**
 * The wordings by which the plans commit to a state without a digit, read from the text itself. Words the
 * plans use for aims rather than states are deliberately not patterns: 普及 as a verb (普及健康知识 — to
 * spread) and 普及率/普及程度/普及水平 (the name of a level, raised by 提高); 实现 on its own (实现增收致富,
 * 实现…同步发展 — caught below when it reaches a state: 实现…全覆盖, 实现应保尽保, 实现基本普及); 确保/保证 and
 * 全面落实/全面实施 (to ensure or fully apply a policy — qualities, not states that can be counted); 建立…机制
 * without a date (the plans' ordinary verb for building institutions, some 80 times).
 */
const PATTERNS: { name: string; pattern: RegExp; why: string }[] = [
  {
    name: '全覆盖',
    pattern: /(?<!健)全覆盖/g,
    why: 'full coverage (实现…全覆盖, 逐步实现全覆盖, 推进…全覆盖); 健全覆盖城乡… is 健全 + 覆盖, not 全覆盖',
  },
  {
    name: '普及',
    pattern: /全面普及|基本普及|普及普惠/g,
    why: 'universal provision stated as a state (知识全面普及, 基本普及, 学前教育普及普惠)',
  },
  { name: '普遍', pattern: /普遍/g, why: 'universally (适龄儿童普遍接受性教育, 普遍建立少先队组织)' },
  {
    name: '应…尽…',
    pattern: /应(.)尽\1/g,
    why: 'everyone eligible (应保尽保, 应救尽救, 应养尽养, 应登尽登, 应配尽配): a 100% commitment without the number',
  },
  { name: '每', pattern: /每/g, why: 'per unit or per period (每个乡镇, 每所卫生院, 每年至少…, 责任单位每年报告)' },
  {
    name: '全部',
    pattern: /所有|全部|全员|全体(?!会议)|一律|一切|均(?:须|应|要|已)/g,
    why: '100%-like words (全员培训, 全体职工, 一切形式); 妇儿工委全体会议 is the name of a meeting',
  },
  {
    name: '有条件的',
    pattern: /(?:有|具备)条件的/g,
    why: 'conditional commitments (有条件的乡镇实施…, 有条件的地方建立…) and encouragements (鼓励有条件的…)',
  },
  {
    name: '基本建成',
    pattern: /基本(?:建成|消除|实现)|全面完成/g,
    why: 'a completion state without a threshold (基本建成, 基本消除, 全面完成)',
  },
  {
    name: '到…年',
    pattern: /(?:到|至|于)?20[23]\d年[^。；\n]*?(?:实现|建成|建立|设立|开展|完成)/g,
    why: 'something done or set up by a stated year (到2025年…开展, 2030年实现…)',
  },
];

/** Matches that are not commitments the catalog should hold: a context string around them and why. */
const NOT_COMMITMENTS: { plan: PlanId; context: string; reason: string }[] = [
  { plan: 'women', context: '全面普及生殖健康和避孕知识', reason: 'the measure behind W-HEA-13 (主要目标 4: 生殖健康和优生优育知识全面普及), the same state' },
  {
    plan: 'women',
    context: '认真落实女干部选拔配备的目标任务，在保证质量的前提下实现应配尽配',
    reason: 'restates the cadre targets of 主要目标 4–6: 应配尽配 is what the counts of W-DEC-07 … W-DEC-10 (至少配备1名女干部, 一半以上) check',
  },
  {
    plan: 'women',
    context: '督促用人单位依法为包括女职工在内的全体职工及时足额缴纳基本养老保险费',
    reason: 'the employers\' legal duty that the county urges (督促), no state of its own; its result is W-SOC-04 (妇女基本养老保险参保率)',
  },
  { plan: 'women', context: '鼓励有条件的用人单位为包括女职工在内的全体职工建立企业年金', reason: 'an encouragement to employers (鼓励), no state the county commits to' },
  { plan: 'women', context: '反对一切形式的家庭暴力', reason: 'a stance family education promotes; the goal is W-LAW-04 (预防和制止针对妇女的一切形式的家庭暴力)' },
  {
    plan: 'women',
    context: '禁止对未成年子女实施殴打、体罚、虐待、辱骂等一切形式的家庭暴力',
    reason: 'a prohibition: 一切形式 names what is forbidden, not a state to reach',
  },
  { plan: 'children', context: '鼓励有条件的幼儿园面向家长和社区开展公益性0—3岁早期教育指导', reason: 'an encouragement to kindergartens (鼓励), no state the county commits to' },
  { plan: 'children', context: '支持有条件的用人单位为职工提供托育服务', reason: 'support offered to employers (支持), no state the county commits to' },
  { plan: 'children', context: '鼓励和支持有条件的幼儿园开设各类托育班', reason: 'an encouragement to kindergartens (鼓励和支持), no state the county commits to' },
  {
    plan: 'children',
    context: '禁止对儿童殴打、体罚、虐待、辱骂等一切形式的家庭暴力',
    reason: 'a prohibition addressed to families: 一切形式 names what is forbidden, not a state to reach (the goals are C-SAF-07, C-LAW-08)',
  },
];

/** Every commitment match of a plan's region not inside one of the quotes or a listed context. */
function uncoveredCommitments(plan: PlanId, quotes: readonly string[]): string[] {
  const text = planText(plan);
  const covered = new Uint8Array(text.length);
  const mark = (fragment: string) => {
    for (let at = text.indexOf(fragment); at >= 0; at = text.indexOf(fragment, at + 1)) covered.fill(1, at, at + fragment.length);
  };
  for (const quote of quotes) mark(quote);
  for (const allowed of NOT_COMMITMENTS.filter((item) => item.plan === plan)) mark(allowed.context);
  const { start, end } = regionOf(plan);
  const region = text.slice(start, end);
  const misses: string[] = [];
  for (const { name, pattern } of PATTERNS) {
    for (const match of region.matchAll(pattern)) {
      const at = start + match.index;
      if (covered.subarray(at, at + match[0].length).every((flag) => flag === 1)) continue;
      misses.push(`[${name}] ${text.slice(Math.max(0, at - 30), at + match[0].length + 20).replace(/\n/g, '⏎')}`);
    }
  }
  return misses;
}

const catalog = seedCatalog();
const quotesOf = (plan: PlanId, without: readonly string[] = []): string[] =>
  catalog.plans[plan].indicators.filter((indicator) => !without.includes(indicator.id)).flatMap((indicator) => indicator.sources.map((source) => source.quote));

/** The matches of every pattern inside one piece of text. */
const matchesIn = (fragment: string): string[] => PATTERNS.flatMap(({ pattern }) => [...fragment.matchAll(pattern)].map((match) => match[0]));

describe('the catalog covers every commitment the plans state in words', () => {
  it.each(['women', 'children'] as const)('%s: every commitment wording in the goals and measures is in a catalog quote or a listed exception', (plan) => {
    expect(uncoveredCommitments(plan, quotesOf(plan))).toEqual([]);
  });

  it('every listed exception occurs in its plan\'s goals and measures and excuses a commitment wording (no stale excuses)', () => {
    for (const item of NOT_COMMITMENTS) {
      const text = planText(item.plan);
      const { start, end } = regionOf(item.plan);
      const at = text.indexOf(item.context, start);
      expect({ context: item.context, inRegion: at >= start && at < end }).toEqual({ context: item.context, inRegion: true });
      expect({ context: item.context, matches: matchesIn(item.context).length > 0 }).toEqual({ context: item.context, matches: true });
      expect(item.reason.length).toBeGreaterThan(10);
    }
  });

  it('every pattern finds something in the plans (no dead patterns)', () => {
    for (const { name, pattern } of PATTERNS) {
      const found = (['women', 'children'] as const).some((plan) => {
        const { start, end } = regionOf(plan);
        return [...planText(plan).slice(start, end).matchAll(pattern)].length > 0;
      });
      expect({ name, found }).toEqual({ name, found: true });
    }
  });

  it('would notice a commitment missing from the catalog', () => {
    const newMisses = (plan: PlanId, without: string) => {
      const before = new Set(uncoveredCommitments(plan, quotesOf(plan)));
      return uncoveredCommitments(plan, quotesOf(plan, [without])).filter((miss) => !before.has(miss));
    };
    expect(newMisses('children', 'C-EDU-12')).toEqual([expect.stringMatching(/^\[全覆盖\] .*实现义务教育学校课后服务全覆盖/)]);
    expect(newMisses('women', 'W-FAM-10')).toEqual([expect.stringMatching(/^\[全覆盖\] .*人民调解委员会建设实现县级全覆盖/)]);
    expect(newMisses('children', 'C-WEL-01')).toEqual([
      expect.stringContaining('[应…尽…]'),
      expect.stringContaining('[应…尽…]'),
      expect.stringContaining('[应…尽…]'),
    ]);
  });

  it('reads commitment wordings, not look-alikes', () => {
    expect(matchesIn('健全覆盖城乡妇女的生育保障制度')).toEqual([]);
    expect(matchesIn('每年至少召开1次妇儿工委全体会议')).toEqual(['每']);
    expect(matchesIn('普及健康知识，提高卫生厕所普及率')).toEqual([]);
    expect(matchesIn('做到应救尽救、应养尽养、应保尽保')).toEqual(['应救尽救', '应养尽养', '应保尽保']);
    expect(matchesIn('到2025年，县妇幼保健院开展中医药门诊服务')).toEqual(['到2025年，县妇幼保健院开展']);
  });
});
