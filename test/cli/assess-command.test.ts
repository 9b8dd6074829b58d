import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { run } from './cli-harness';

const json = async (...argv: string[]) => {
  const result = await run('assess', ...argv, '--json');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
};

describe('indicators assess', () => {
  it('parses full-width input and judges a ceiling direction-aware', async () => {
    const output = await json('--id', 'C-HEA-04', '--value', '３．２‰', '--year', '2025');
    expect(output.parsed).toEqual({ kind: 'number', value: 3.2, text: '3.2' });
    expect(output).toMatchObject({ status: 'met', severity: 'info', year: 2025 });
    const miss = await json('--id', 'C-HEA-04', '--value', '3.6', '--year', '2030');
    expect(miss).toMatchObject({ status: 'notMet', severity: 'warning' });
    // the same value five years before the target year is not yet due: information, not a miss
    const interim = await json('--id', 'C-HEA-04', '--value', '3.6', '--year', '2025');
    expect(interim).toMatchObject({ status: 'notYetDue', severity: 'info' });
  });

  it('uses the base-year value of a reduction target', async () => {
    expect(await json('--id', 'C-SAF-01', '--value', '4.8', '--baseline', '6', '--year', '2030')).toMatchObject({ status: 'met' });
    expect(await json('--id', 'C-SAF-01', '--value', '4.81', '--baseline', '6', '--year', '2030')).toMatchObject({ status: 'notMet' });
    const missing = await json('--id', 'C-SAF-01', '--value', '4.8', '--year', '2030');
    expect(missing.status).toBe('notAssessable');
    expect(missing.messages.map((m: { code: string }) => m.code)).toContain('assess.missing.baseline');
  });

  it('uses the previous value and the comparison value', async () => {
    expect(await json('--id', 'W-DEC-06', '--value', '30', '--previous', '30', '--year', '2026')).toMatchObject({ status: 'met' });
    expect(await json('--id', 'W-DEC-06', '--value', '29.9', '--previous', '30', '--year', '2026')).toMatchObject({ status: 'notMet' });
    expect(await json('--id', 'W-DEC-03', '--value', '28', '--other', '27.5', '--year', '2026')).toMatchObject({ status: 'met' });
  });

  it('reports a value it cannot read as invalid with a specific message, and still exits 0', async () => {
    const output = await json('--id', 'C-HEA-04', '--value', '约3', '--year', '2025');
    expect(output).toMatchObject({ status: 'invalid', severity: 'error', parsed: null });
    expect(output.messages[0].zh).toContain('“约3”无法识别');
  });

  it('judges one township of a per-township indicator', async () => {
    const output = await json('--id', 'C-HEA-09', '--value', '89.9', '--unit', 'gasa', '--year', '2024');
    expect(output).toMatchObject({ status: 'notMet' });
    expect(output.messages[0].zh).toContain('（每年均须达到）');
  });

  it('prints a readable Chinese verdict without --json', async () => {
    const { code, stdout } = await run('assess', '--id', 'C-HEA-20', '--value', '91', '--year', '2030');
    expect(code).toBe(0);
    expect(stdout).toContain('结论：未达标（警告）');
    const interim = await run('assess', '--id', 'C-HEA-20', '--value', '91', '--year', '2025');
    expect(interim.stdout).toContain('结论：未到期（提示）');
    expect(interim.stdout).toContain('尚差2个百分点');
    expect(stdout).toContain('策略措施第6条中该目标为90%');
  });

  it.each([
    [['assess', '--value', '3'], /缺少 --id/],
    [['assess', '--id', 'C-HEA-04'], /缺少 --value/],
    [['assess', '--id', 'C-XXX-01', '--value', '3'], /指标编号“C-XXX-01”不在目录中/],
    [['assess', '--id', 'C-HEA-04', '--value', '3', '--year', '2031'], /--year 应为2021—2030之间的年份/],
    [['assess', '--id', 'C-HEA-04', '--value', '3', '--year', 'last'], /--year 应为2021—2030之间的年份/],
    [['assess', '--id', 'C-HEA-04', '--value'], /参数错误/],
    [['assess', '--id', 'C-HEA-09', '--value', '95'], /按乡镇（街道）分别填报，--unit 应为：guishan（桂山街道）/],
    [['assess', '--id', 'C-HEA-09', '--value', '95', '--unit', 'paris'], /--unit 应为/],
    [['assess', '--id', 'C-HEA-04', '--value', '3', '--unit', 'gasa'], /按全县填报，不用 --unit/],
    [['frobnicate'], /未知命令“frobnicate”/],
    [[], /用法/],
  ])('exits 2 on unusable arguments %j', async (argv, message) => {
    const { code, stderr } = await run(...argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('works as the installed `indicators` command (bin script), with exit codes', () => {
    const bin = join(__dirname, '..', '..', 'bin', 'indicators.js');
    const ok = spawnSync(process.execPath, [bin, 'assess', '--id', 'C-HEA-03', '--value', '2', '--year', '2030', '--json'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ status: 'met' });
    const bad = spawnSync(process.execPath, [bin, 'assess', '--id', 'nope', '--value', '2'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('不在目录中');
    expect(bad.stderr).not.toMatch(/at .*\.ts:\d+/);
  }, 30_000);

  it('stops quietly when the reader of its output goes away (indicators catalog | head)', async () => {
    const bin = join(__dirname, '..', '..', 'bin', 'indicators.js');
    const child = spawn(process.execPath, [bin, 'catalog'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  }, 30_000);
});
