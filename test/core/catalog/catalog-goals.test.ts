import { seedCatalog } from '../../../src/seed-catalog';
import type { PlanId } from '../../../src/core/catalog/indicator-schema';
import { planText } from '../../helpers/plan-text';

/**
 * Every item of every 主要目标 list — with or without a number — is in the catalog, so a template can collect
 * progress on the whole plan. The lists are read from the plan text itself.
 */
const catalog = seedCatalog();

/** The text of a domain's 主要目标 list. The women's health domain lost its heading and labels in the source. */
function goalsText(plan: PlanId, domain: { section: string; name: string }): string {
  const text = planText(plan);
  if (plan === 'women' && domain.name === '妇女与健康') {
    return between(text, ' 1．妇女全生命周期享有良好的卫生健康服务', ' 1．完善保障妇女健康的制度机制');
  }
  const heading = text.indexOf(`${domain.section}${domain.name}\n`);
  if (heading < 0) throw new Error(`no heading ${domain.section}${domain.name}`);
  const from = text.indexOf('主要目标：', heading);
  return between(text.slice(from), '主要目标：', '策略措施：');
}

function between(text: string, from: string, to: string): string {
  const start = text.indexOf(from);
  const end = text.indexOf(to, start + from.length);
  if (start < 0 || end < 0) throw new Error(`cannot find ${from} … ${to}`);
  return text.slice(start, end);
}

/** The item numbers of a list ("1．", also after "。" where a line break is missing). */
function itemNumbers(list: string): number[] {
  return [...list.matchAll(/(?:^|\n|。|\])\s*(\d+)．/g)].map((match) => Number(match[1]));
}

const cases = (['women', 'children'] as const).flatMap((plan) =>
  catalog.plans[plan].domains.filter((domain) => domain.code !== 'ORG').map((domain) => [plan, domain.name, domain] as const),
);

describe('every 主要目标 item is in the catalog', () => {
  it.each(cases)('%s %s', (plan, _name, domain) => {
    const numbers = itemNumbers(goalsText(plan, domain));
    expect(numbers.length).toBeGreaterThan(5);
    expect(numbers).toEqual(numbers.map((_, index) => index + 1)); // the list was read whole
    const covered = new Set(
      catalog.plans[plan].indicators
        .filter((indicator) => indicator.domain === domain.name)
        .flatMap((indicator) => indicator.sources.filter((source) => source.part === '主要目标').map((source) => source.item)),
    );
    expect(numbers.filter((item) => !covered.has(item))).toEqual([]);
  });

  it('reads the lists it should: 10 health goals for women, 12 for children', () => {
    const [women] = catalog.plans.women.domains;
    const [children] = catalog.plans.children.domains;
    expect(itemNumbers(goalsText('women', women!))).toHaveLength(10);
    expect(itemNumbers(goalsText('children', children!))).toHaveLength(12);
  });
});
