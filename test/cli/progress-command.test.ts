import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { run } from './cli-harness';

const json = async (...argv: string[]) => {
  const result = await run('progress', ...argv, '--json');
  expect(result.code).toBe(0);
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout);
};

describe('indicators progress', () => {
  it('prints the JSON shape: status, R, the rates, target year and value, projection, bilingual messages', async () => {
    // 婴儿死亡率 C-HEA-04, ≤3.5‰ by 2030: 5.94‰ (2020) → 5.0‰ (2023)
    const output = await json('--id', 'C-HEA-04', '--series', '2020:5.94,2023:5.0');
    expect(output).toMatchObject({
      indicator: { id: 'C-HEA-04', name: '婴儿死亡率', unit: '‰', target: { kind: 'max', value: 3.5 }, targetYear: 2030 },
      input: { series: '2020:5.94,2023:5.0', unit: null },
      status: 'onTrack',
      method: 'target',
      direction: -1,
      targetYear: 2030,
      targetValue: 3.5,
      baseYear: 2020,
      baseValue: 5.94,
      latestYear: 2023,
      latestValue: 5,
      // projected 2030 = 5 · (5/5.94)^(7/3) = 3.345 → 3.35; gap = −(3.5 − 3.35)
      projected: 3.35,
      gap: -0.15,
      projectedAchieves: true,
      addedBaselines: [],
      targetText: { zh: '≤3.5‰', en: '≤ 3.5‰' },
    });
    // CAGR_o = (5/5.94)^(1/3) − 1 = −0.055806; CAGR_r = (3.5/5.94)^(1/10) − 1 = −0.051520; R = 1.0832
    expect(output.cagr).toBeCloseTo(-0.055806, 6);
    expect(output.requiredCagr).toBeCloseTo(-0.05152, 6);
    expect(output.ratio).toBeCloseTo(1.0832, 4);
    expect(Array.isArray(output.messages)).toBe(true);
    for (const message of output.messages) {
      expect(Object.keys(message).sort()).toEqual(['code', 'en', 'zh']);
      expect(message.zh).not.toBe('');
      expect(message.en).not.toBe('');
    }
    expect(output.summary).toEqual({ zh: '进展状态：进展顺利（R=1.08）', en: 'Progress: on track (R = 1.08)' });
    expect(output.series).toEqual([
      { year: 2020, value: 5.94, source: 'observed', measure: 5.94, used: true },
      { year: 2023, value: 5, source: 'observed', measure: 5, used: true },
    ]);
  });

  it('adds the plan\'s baseline when the series does not give its year, and says so', async () => {
    const output = await json('--id', 'C-HEA-04', '--series', '2023:5.0');
    expect(output.addedBaselines).toEqual([2020]);
    expect(output.series[0]).toEqual({ year: 2020, value: 5.94, source: 'baseline', measure: 5.94, used: true });
    expect(output.status).toBe('onTrack');
    const text = await run('progress', '--id', 'C-HEA-04', '--series', '2023:5.0');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('序列：2020年 5.94‰（规划基期值）、2023年 5‰');
    expect(text.stdout).toContain('序列未给出的年份已补入规划基期值：2020年5.94‰');
  });

  it('prints the status and figures in Chinese, or in English', async () => {
    const zh = await run('progress', '--id', 'C-HEA-04', '--series', '2020:5.94,2023:6.2');
    expect(zh.code).toBe(0);
    expect(zh.stdout.split('\n').slice(0, 3)).toEqual(['C-HEA-04 婴儿死亡率（‰）', '序列：2020年 5.94‰、2023年 6.2‰', '进展状态：出现倒退（R=-0.28）']);
    // 6.2 − 5.94 = 0.26 个千分点; 0.26/5.94 = 4.4%
    expect(zh.stdout).toContain('- 2023年为6.2‰，比2020年的5.94‰上升0.26个千分点（相对上升4.4%）');
    // projected 6.2 · (6.2/5.94)^(7/3) = 6.85; 6.85 − 3.5 = 3.35
    expect(zh.stdout).toContain('2030年约为6.85‰，距目标尚差3.35个千分点');
    const en = await run('progress', '--id', 'C-HEA-04', '--series', '2020:5.94,2023:6.2', '--lang', 'en-US');
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('C-HEA-04 Infant mortality rate (‰)');
    expect(en.stdout).toContain('Progress: regressing (R = -0.28)');
    expect(en.stdout).toContain('up 0.26 per-mille points on 5.94‰ in 2020 (a relative rise of 4.4%)');
    expect(en.stdout).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('reads full-width input, suffixes and other separators', async () => {
    const output = await json('--id', 'C-HEA-04', '--series', '２０２０：５．９４‰，２０２３：５');
    expect(output.series.map((point: { year: number; value: number }) => [point.year, point.value])).toEqual([
      [2020, 5.94],
      [2023, 5],
    ]);
    expect((await json('--id', 'C-HEA-04', '--series', '2020:5.94、2023:5')).status).toBe('onTrack');
  });

  it('switches from the 2025 milestone to the final target (C-ENV-09 农村卫生厕所 ≥70% by 2025, 基本普及 by 2030)', async () => {
    // (65/50)^(1/4) − 1 = 0.067790; (70/50)^(1/5) − 1 = 0.069610; R = 0.9738
    const before = await json('--id', 'C-ENV-09', '--series', '2020:50,2024:65');
    expect(before).toMatchObject({ status: 'onTrack', targetYear: 2025, targetValue: 70, target: { role: 'milestone' } });
    expect(before.ratio).toBeCloseTo(0.9738, 4);
    const after = await json('--id', 'C-ENV-09', '--series', '2020:50,2026:72');
    expect(after).toMatchObject({ status: 'notAssessable', reason: 'qualitative', targetYear: 2030, targetValue: null, ratio: null, cagr: null });
  });

  it('every status comes out of the command, and it exits 0 whatever the status', async () => {
    const cases: [string[], string][] = [
      [['--id', 'C-HEA-04', '--series', '2024:3.5'], 'achieved'],
      [['--id', 'C-HEA-04', '--series', '2023:5.0'], 'onTrack'],
      [['--id', 'C-HEA-04', '--series', '2023:5.3'], 'needsAcceleration'],
      [['--id', 'C-HEA-04', '--series', '2023:5.5'], 'limited'],
      [['--id', 'C-HEA-04', '--series', '2023:6.2'], 'regressing'],
      [['--id', 'C-HEA-03', '--series', '2023:3'], 'insufficientData'],
      [['--id', 'W-HEA-13', '--series', '2023:已开展宣传'], 'notAssessable'],
    ];
    for (const [argv, status] of cases) expect((await json(...argv)).status).toBe(status);
  });

  it('reduction from the 2020 base, ratios and per-unit series', async () => {
    // C-SAF-01: 6 × 80% = 4.8; (5.5/6)^(1/3) − 1 = −0.028587; 0.8^0.1 − 1 = −0.022067; R = 1.2955
    const reduction = await json('--id', 'C-SAF-01', '--series', '2020:6,2023:5.5');
    expect(reduction).toMatchObject({ status: 'onTrack', targetValue: 4.8 });
    expect(reduction.ratio).toBeCloseTo(1.2955, 4);
    // W-ENV-09 男:女 2:3 — women's share 2.9/4.9 = 59.18% against 60%
    const ratio = await json('--id', 'W-ENV-09', '--series', '2020:1:1,2024:2:2.9');
    expect(ratio).toMatchObject({ status: 'onTrack', measure: 'share', targetValue: 60 });
    expect(ratio.series[1].value).toEqual({ left: 2, right: 2.9 });
    // C-HEA-09 per township, ≥90% every year: 88 → 89 (2023), due 2024: (89/88)^(1/3) − 1 = 0.003774; (90/88)^(1/4) − 1 = 0.005634; R = 0.6698
    const township = await json('--id', 'C-HEA-09', '--unit', 'gasa', '--series', '2020:88,2023:89');
    expect(township).toMatchObject({ unitId: 'gasa', status: 'needsAcceleration', targetYear: 2024, input: { unit: 'gasa' } });
    expect(township.ratio).toBeCloseTo(0.6698, 4);
  });

  it.each([
    [['progress', '--series', '2020:5'], /缺少 --id/],
    [['progress', '--id', 'C-HEA-04'], /缺少 --series/],
    [['progress', '--id', 'C-XXX-01', '--series', '2020:5'], /指标编号“C-XXX-01”不在目录中/],
    [['progress', '--id', 'C-HEA-04', '--series', ''], /--series 为空/],
    [['progress', '--id', 'C-HEA-04', '--series', '2020-5.94'], /格式不对：每一项应为“年份:值”/],
    [['progress', '--id', 'C-HEA-04', '--series', '2020:5.94,,2023:5'], /格式不对/],
    [['progress', '--id', 'C-HEA-04', '--series', '20:5.94'], /不是四位数年份/],
    [['progress', '--id', 'C-HEA-04', '--series', '1999:5.94,2023:5'], /年份1999超出范围：应在2000—2030年之间/],
    [['progress', '--id', 'C-HEA-04', '--series', '2020:5.94,2031:5'], /年份2031超出范围/],
    [['progress', '--id', 'C-HEA-04', '--series', '2023:5,2023:4.9'], /2023年出现了不止一次/],
    [['progress', '--id', 'C-HEA-04', '--series', '2020:约6'], /2020年的值无法使用/],
    [['progress', '--id', 'C-HEA-04', '--series', '2020:'], /2020年没有数值/],
    [['progress', '--id', 'C-EDU-02', '--series', '2023:120'], /2023年的值无法使用：.*超出有效范围/],
    [['progress', '--id', 'W-ENV-09', '--series', '2023:0.6'], /2023年的值无法使用/],
    [['progress', '--id', 'C-HEA-09', '--series', '2020:88'], /按乡镇（街道）分别填报，--unit 应为：/],
    [['progress', '--id', 'C-HEA-04', '--series', '2020:5', '--unit', 'gasa'], /按全县填报，不用 --unit/],
    [['progress', '--id', 'C-HEA-04', '--series', '2020:5', '--lang', 'fr'], /--lang 应为 zh-CN 或 en-US/],
    [['progress', '--id', 'C-HEA-04', '--series', '2020:5', '--frobnicate'], /参数错误/],
  ])('exits 2 with a Chinese message on unusable arguments %j', async (argv, message) => {
    const { code, stdout, stderr } = await run(...argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  it('is listed in the usage text', async () => {
    const { code, stdout } = await run('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('progress --id <指标编号> --series "2020:5.94,2023:5.0" [--unit <填报单元>] [--json] [--lang zh-CN|en-US]');
  });

  it('works as the installed `indicators` command, with exit codes', () => {
    const bin = join(__dirname, '..', '..', 'bin', 'indicators.js');
    const ok = spawnSync(process.execPath, [bin, 'progress', '--id', 'C-HEA-04', '--series', '2023:5.3', '--json'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ status: 'needsAcceleration', targetYear: 2030 });
    const bad = spawnSync(process.execPath, [bin, 'progress', '--id', 'C-HEA-04', '--series', '2023:5,2023:4'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('2023年出现了不止一次');
  }, 30_000);
});
