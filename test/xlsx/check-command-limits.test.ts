import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../cli/cli-harness';
import { farCellTemplate, mediaBomb } from '../helpers/hostile-xlsx';

/** `indicators check` on files the bounded reader refuses: exit 2 and the refusal's own words. */

const NO_STACK = /\bat .*\.(ts|js):\d+/;
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'indicators-check-limits-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('indicators check and the reader\'s limits', () => {
  it('refuses a file over 10 MiB before reading it', async () => {
    const path = join(dir, 'big.xlsx');
    writeFileSync(path, '');
    truncateSync(path, 10 * 1024 * 1024 + 1); // sparse: nothing to read, only its size
    const { code, stderr } = await run('check', path);
    expect(code).toBe(2);
    expect(stderr).toContain(`“${path}”有 10.0 MB，超过 10 MB 的上限`);
    expect(stderr).not.toMatch(NO_STACK);
  });

  it('prints the refusal of a value far outside the template, naming the cell', async () => {
    const path = join(dir, 'far.xlsx');
    writeFileSync(path, await farCellTemplate('XFD1048576'));
    const { code, stderr } = await run('check', path);
    expect(code).toBe(2);
    expect(stderr).toContain('“far.xlsx”：工作表“儿童2025-卫健局”的单元格 XFD1048576 有内容，超出了读取范围');
    expect(stderr).not.toMatch(NO_STACK);
  });

  it('prints the refusal of a 1.5 GB picture as JSON too', async () => {
    const path = join(dir, 'picture.xlsx');
    writeFileSync(path, await mediaBomb(1536 * 1024 * 1024));
    const { code, stdout } = await run('check', path, '--json');
    expect(code).toBe(2);
    expect(JSON.parse(stdout)).toEqual({ file: path, ok: false, error: { zh: expect.stringContaining('超过单个部件 16 MB 的上限'), en: expect.stringContaining('16 MB per part') } });
  });
});
