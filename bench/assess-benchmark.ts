/**
 * Benchmark (a script that prints figures, not a test): parse + validate + assess 1,000,000 raw cell
 * inputs of the kinds people type, spread over every indicator of both plans.
 *   npm run bench            (default 1,000,000 inputs)
 *   npm run bench -- 200000  (another count)
 * Target on a 2-core machine: under 2 s and under 500 MB peak memory.
 */
import { assessEntry } from '../src/core/assess/assess-entry';
import type { EntryInput } from '../src/core/assess/entry';
import type { Indicator } from '../src/core/catalog/indicator-schema';
import { UNITS } from '../src/core/catalog/units';
import { seedCatalog } from '../src/seed-catalog';

const count = Number(process.argv[2] ?? 1_000_000);
const catalog = seedCatalog();
const indicators = [...catalog.indicators.values()];

/** Typical and awkward inputs for each kind of value. */
const RAW_BY_KIND: Record<string, readonly string[]> = {
  number: ['95.2', '９５．２％', '93', '3.5‰', '1,234', '', '—', '约95', '120', '0.952', '4.8', ' 88 ', '9/10万', '2:3'],
  ratio: ['2:3', '2：3', '1:1', '3∶4', '', '2/3'],
  boolean: ['是', '否', '已建成', '未开展', '', 'maybe'],
  text: ['已完成年度任务', '', '无', '推进中'],
};

function inputFor(indicator: Indicator, i: number): EntryInput {
  const raws = RAW_BY_KIND[UNITS[indicator.unit].valueKind] ?? RAW_BY_KIND.number!;
  const raw = raws[i % raws.length]!;
  return {
    indicatorId: indicator.id,
    value: raw,
    previous: i % 3 === 0 ? '90' : undefined,
    baseline: indicator.target.kind === 'reduction' ? '6' : undefined,
    other: indicator.target.kind === 'relative' ? '40' : undefined,
    note: raw === '—' ? '本年度未开展统计' : undefined,
  };
}

// Build the inputs first so that the timing covers parsing and assessing only.
const inputs: { indicator: Indicator; input: EntryInput; year: number }[] = new Array(count);
for (let i = 0; i < count; i += 1) {
  const indicator = indicators[i % indicators.length]!;
  inputs[i] = { indicator, input: inputFor(indicator, Math.floor(i / indicators.length)), year: 2021 + (i % 10) };
}

const statuses: Record<string, number> = {};
const started = process.hrtime.bigint();
for (const { indicator, input, year } of inputs) {
  const result = assessEntry(indicator, input, { year, defaults: catalog.plans[indicator.plan].defaults });
  statuses[result.status] = (statuses[result.status] ?? 0) + 1;
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const peakMb = process.resourceUsage().maxRSS / 1024;

console.log(`解析并判定 ${count.toLocaleString('en-US')} 个填报值 / parsed and assessed ${count.toLocaleString('en-US')} raw inputs`);
console.log(`耗时 / time:          ${seconds.toFixed(2)} s  (${Math.round(count / seconds).toLocaleString('en-US')} /s)`);
console.log(`内存峰值 / peak RSS:  ${peakMb.toFixed(0)} MB`);
console.log(`结果分布 / statuses:  ${JSON.stringify(statuses)}`);
console.log(`目标 / target:        < 2 s and < 500 MB on 2 cores — ${seconds < 2 && peakMb < 500 ? '达到 / met' : '未达到 / NOT met'}`);
