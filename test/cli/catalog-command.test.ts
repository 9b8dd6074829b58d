import { catalogVersion } from '../helpers/catalog-version';
import { run } from './cli-harness';

describe('indicators catalog', () => {
  it('prints both plans as JSON with every field a catalog entry needs', async () => {
    const { code, stdout, stderr } = await run('catalog', '--json');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const output = JSON.parse(stdout);
    expect(output.plans.map((plan: { plan: string; indicatorCount: number }) => [plan.plan, plan.indicatorCount])).toEqual([['women', 141], ['children', 127]]);
    expect(output.indicators).toHaveLength(268);
    const infant = output.indicators.find((entry: { id: string }) => entry.id === 'C-HEA-04');
    expect(infant).toMatchObject({
      id: 'C-HEA-04',
      plan: 'children',
      domain: '儿童与健康',
      name: '婴儿死亡率',
      unit: '‰',
      target: { kind: 'max', value: 3.5 },
      targetText: { zh: '≤3.5‰' },
      targetYear: 2030,
      milestones: [],
      perUnit: null,
      baseline: [{ year: 2010, value: 12.41 }, { year: 2020, value: 5.94 }].map((b) => expect.objectContaining(b)),
      source: { section: '（一）儿童与健康', part: '主要目标', item: 3 },
    });
    for (const entry of output.indicators) {
      expect(Object.keys(entry)).toEqual(expect.arrayContaining(['id', 'plan', 'domain', 'name', 'unit', 'target', 'targetYear', 'milestones', 'perUnit', 'baseline', 'source']));
    }
  });

  it('filters by plan', async () => {
    const { code, stdout } = await run('catalog', '--plan', 'children', '--json');
    expect(code).toBe(0);
    const output = JSON.parse(stdout);
    expect(new Set(output.indicators.map((entry: { plan: string }) => entry.plan))).toEqual(new Set(['children']));
    expect(output.indicators).toHaveLength(127);
  });

  it('prints a readable Chinese list by domain, with milestones and per-township targets', async () => {
    const { code, stdout } = await run('catalog', '--plan', '儿童');
    expect(code).toBe(0);
    expect(stdout).toContain('新平儿童发展规划（2021—2030年）');
    expect(stdout).toContain('（一）儿童与健康');
    expect(stdout).toMatch(/C-ENV-09 {2}农村卫生厕所普及率（%） {2}2025年≥70%；2030年基本普及/);
    expect(stdout).toMatch(/C-HEA-09 .*每年≥90%［按乡镇（街道）］/);
    expect(stdout).toMatch(/C-HEA-04 .*2030年≤3\.5‰\n/);
  });

  it('prints the list in English with --lang en-US', async () => {
    const { code, stdout } = await run('catalog', '--plan', 'children', '--lang', 'en-US');
    expect(code).toBe(0);
    expect(stdout).toContain(`Xinping Children's Development Plan (2021–2030) (catalog ${catalogVersion('children')}, 127 indicators)`);
    expect(stdout).toMatch(/C-ENV-09 {2}Rural sanitary toilet coverage \(%\) {2}2025: ≥ 70%; 2030: basically universal/);
    expect(stdout).not.toMatch(/[年项]/);
  });

  it.each([
    [['catalog', '--plan', 'men'], /--plan 应为 women（妇女）或 children（儿童），收到“men”/],
    [['catalog', '--format', 'xml'], /参数错误/],
    [['catalog', '--lang', 'fr'], /--lang 应为 zh-CN 或 en-US/],
  ])('exits 2 with a specific message on %j', async (argv, message) => {
    const { code, stdout, stderr } = await run(...argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });
});
