import { assess, codes, expectBilingual, messageWith, testIndicator } from './fixtures';

describe('met and not met, direction-aware and exact at the boundary', () => {
  test('C-HEA-04 婴儿死亡率 ≤3.5‰ in 2030: at and below the ceiling is met; above is not met with a warning', () => {
    for (const value of ['3.5', '3.5‰', '2', '0']) {
      const result = assess('C-HEA-04', { value }, 2030);
      expect({ value, status: result.status, severity: result.severity }).toEqual({ value, status: 'met', severity: 'info' });
      expect(codes(result)).toEqual(['assess.met']);
      expectBilingual(result.messages);
    }
    const missed = assess('C-HEA-04', { value: '3.51' }, 2030);
    expect(missed.status).toBe('notMet');
    expect(missed.severity).toBe('warning');
    const message = messageWith(missed, 'assess.notMet');
    expect(message).toMatchObject({ severity: 'warning', field: 'value' });
    expect(message.zh).toContain('3.51‰');
    expect(message.zh).toContain('≤3.5‰');
    expect(message.en).toContain('3.51‰');
    expectBilingual(missed.messages);
  });

  test('the result carries the parsed value and the judged targets', () => {
    const result = assess('C-HEA-04', { value: '3.5' }, 2030);
    expect(result).toMatchObject({ indicatorId: 'C-HEA-04', year: 2030, value: { kind: 'number', value: 3.5, text: '3.5' } });
    expect(result.targets).toEqual([{ year: 2030, role: 'due', outcome: 'met', description: { zh: '≤3.5‰', en: '≤ 3.5‰' } }]);
  });

  test('before its year, a target not yet reached is not yet due (未到期), with the gap and the years left; not a miss', () => {
    const result = assess('C-HEA-04', { value: '4' }, 2027);
    expect(result.status).toBe('notYetDue');
    expect(result.targets.map((t) => [t.year, t.role, t.outcome])).toEqual([[2030, 'upcoming', 'notMet']]);
    const message = messageWith(result, 'assess.notYetDue');
    expect(message.severity).toBe('info');
    expect(message.zh).toContain('尚差0.5个千分点');
    expect(message.zh).toContain('还有3年');
    expect(message.zh).toContain('不计为未达标');
    expect(message.en).toContain('3 years left');
    expect(result.messages.filter((m) => m.severity === 'warning')).toEqual([]);
    expect(messageWith(assess('C-HEA-04', { value: '4' }, 2029), 'assess.notYetDue').en).toContain('(1 year left');
    // in the target year itself the same value is a miss
    expect(assess('C-HEA-04', { value: '4' }, 2030).status).toBe('notMet');
  });

  test('a % indicator short of a future floor: the gap in percentage points', () => {
    const result = assess('W-SOC-04', { value: '90' }, 2023);
    expect(result.status).toBe('notYetDue');
    expect(messageWith(result, 'assess.notYetDue').zh).toContain('尚差5个百分点');
    expect(messageWith(result, 'assess.notYetDue').en).toContain('5 percentage points short of');
  });

  test('W-ECO-02 45%左右 (everyYear): 44 and 46 met, 43.99 and 46.01 not, in any year; says it is due every year', () => {
    for (const year of [2021, 2025, 2030]) {
      expect(['44', '46', '45.5'].map((value) => assess('W-ECO-02', { value }, year).status)).toEqual(['met', 'met', 'met']);
      expect(['43.99', '46.01'].map((value) => assess('W-ECO-02', { value }, year).status)).toEqual(['notMet', 'notMet']);
    }
    const message = messageWith(assess('W-ECO-02', { value: '46.01' }, 2023), 'assess.notMet');
    expect(message.zh).toContain('每年均须达到');
    expect(message.en).toContain('due every year');
  });

  test('W-ENV-09 2:3 favouring women, from typed ratios', () => {
    expect(['2:3', '1:2', '4:6', '2：3'].map((value) => assess('W-ENV-09', { value }, 2030).status)).toEqual(['met', 'met', 'met', 'met']);
    expect(['1:1', '3:4'].map((value) => assess('W-ENV-09', { value }, 2030).status)).toEqual(['notMet', 'notMet']);
  });

  test('C-HEA-25 achieved by 2025: 否 in 2024 is not yet due, in 2025 and 2026 it is a miss (the milestone keeps binding); 是 meets it', () => {
    const early = assess('C-HEA-25', { value: '否' }, 2024);
    expect(early.status).toBe('notYetDue');
    expect(early.targets.map((t) => t.role)).toEqual(['upcoming']);
    expect(codes(early)).toEqual(['assess.notYetDue']);
    expect(assess('C-HEA-25', { value: '否' }, 2025).status).toBe('notMet');
    const late = assess('C-HEA-25', { value: '否' }, 2026);
    expect(late.status).toBe('notMet');
    expect(messageWith(late, 'assess.notMet').zh).toContain('2025年已到期');
    expect(assess('C-HEA-25', { value: '是' }, 2026).status).toBe('met');
    expect(assess('C-HEA-25', { value: '是' }, 2024).status).toBe('met');
  });

  test('C-WEL-14 count ≥1', () => {
    expect(assess('C-WEL-14', { value: '1', unitId: 'mosha' }, 2030).status).toBe('met');
    expect(assess('C-WEL-14', { value: '0', unitId: 'mosha' }, 2030).status).toBe('notMet');
  });
});

describe('milestones and a qualitative final target (C-ENV-09)', () => {
  test('2023: judged against the upcoming 2025 milestone ≥70', () => {
    const result = assess('C-ENV-09', { value: '65' }, 2023);
    expect(result.status).toBe('notYetDue');
    expect(result.targets.map((t) => [t.year, t.role, t.outcome])).toEqual([[2025, 'upcoming', 'notMet']]);
    expect(messageWith(result, 'assess.notYetDue').zh).toContain('2025年目标≥70%');
    expect(messageWith(result, 'assess.notYetDue').zh).toContain('尚差5个百分点');
    expect(assess('C-ENV-09', { value: '70' }, 2023).status).toBe('met');
  });

  test('2025: the milestone is due', () => {
    expect(assess('C-ENV-09', { value: '70' }, 2025).status).toBe('met');
    const missed = assess('C-ENV-09', { value: '69.99' }, 2025);
    expect(missed.status).toBe('notMet');
    expect(missed.targets[0]).toMatchObject({ year: 2025, role: 'due', outcome: 'notMet' });
  });

  test('2027: the 2025 milestone still binds; the qualitative 2030 target adds a "cannot be judged" info', () => {
    const met = assess('C-ENV-09', { value: '72' }, 2027);
    expect(met.status).toBe('met');
    expect(met.severity).toBe('info');
    expect(met.targets.map((t) => [t.year, t.role, t.outcome])).toEqual([[2025, 'due', 'met'], [2030, 'upcoming', 'notAssessable']]);
    const info = messageWith(met, 'assess.unquantifiedTarget');
    expect(info.severity).toBe('info');
    expect(info.zh).toContain('基本普及');
    expect(info.zh).toContain('2030');
    expect(info.en).toContain('basically universal');
    expectBilingual(met.messages);

    const missed = assess('C-ENV-09', { value: '60' }, 2027);
    expect(missed.status).toBe('notMet');
    expect(messageWith(missed, 'assess.notMet').zh).toContain('2025年已到期');
    expect(codes(missed)).toContain('assess.unquantifiedTarget');
  });
});

describe('inputs a target needs', () => {
  test('C-SAF-01 reduction: exact against the base-year value; without it, not assessable and asks for it', () => {
    expect(assess('C-SAF-01', { value: '4.8', baseline: '6' }, 2030).status).toBe('met');
    expect(assess('C-SAF-01', { value: '4.81', baseline: '6' }, 2030).status).toBe('notMet');
    expect(assess('C-SAF-01', { value: '0.24', baseline: '0.3' }, 2030).status).toBe('met');
    for (const baseline of [undefined, null, '', '—']) {
      const result = assess('C-SAF-01', { value: '4.8', ...(baseline === undefined ? {} : { baseline }) }, 2030);
      expect(result.status).toBe('notAssessable');
      const ask = messageWith(result, 'assess.missing.baseline');
      expect(ask).toMatchObject({ field: 'baseline', severity: 'warning' });
      expect(ask.zh).toContain('2020年基期值');
      expect(ask.en).toContain('2020 base-year value');
      expectBilingual(result.messages);
    }
  });

  test('W-DEC-06 不低于上届: judged on the previous term, which every message calls 上届值', () => {
    expect(assess('W-DEC-06', { value: '20', previous: '20' }, 2030).status).toBe('met');
    const missed = assess('W-DEC-06', { value: '19.9', previous: '20' }, 2030);
    expect(missed.status).toBe('notMet');
    expect(messageWith(missed, 'assess.notMet').zh).toContain('不低于上届');
    // a comparison with the previous term is due in every report, not only by 2030
    const early = assess('W-DEC-06', { value: '19.9', previous: '20' }, 2026);
    expect(codes(early)).toContain('assess.notMet');
    expect(messageWith(early, 'assess.notMet').zh).toContain('（每年均须达到）');
    const missing = assess('W-DEC-06', { value: '20' }, 2026);
    expect(missing.status).toBe('notAssessable');
    const ask = messageWith(missing, 'assess.missing.previous');
    expect(ask.field).toBe('previous');
    expect(ask.zh).toContain('上届值');
    expect(ask.zh).not.toContain('上年值');
    expect(ask.en).toContain("previous term's value");
  });

  test('an increase by the previous year asks for 上年值', () => {
    const ask = messageWith(assess('W-HEA-07', { value: '50' }, 2026), 'assess.missing.previous');
    expect(ask.zh).toContain('上年值');
    expect(assess('W-HEA-07', { value: '50', previous: '49.99' }, 2026).status).toBe('met');
    expect(assess('W-HEA-07', { value: '50', previous: '50' }, 2026).status).toBe('notMet');
  });

  test('W-DEC-03 relative ≥: met/notMet against the other value; missing other → not assessable naming it', () => {
    expect(assess('W-DEC-03', { value: '30', other: '30' }, 2030).status).toBe('met');
    expect(assess('W-DEC-03', { value: '29.9', other: '30' }, 2030).status).toBe('notMet');
    const missing = assess('W-DEC-03', { value: '30' }, 2030);
    expect(missing.status).toBe('notAssessable');
    const ask = messageWith(missing, 'assess.missing.other');
    expect(ask.field).toBe('other');
    expect(ask.zh).toContain('本地区党员总数中女性比例');
  });
});

describe('a target the plan states twice (C-HEA-20: ≥93% in 主要目标, 90% in 策略措施)', () => {
  test('91: not met against 93, with an info that 90 would meet it', () => {
    const result = assess('C-HEA-20', { value: '91' }, 2030);
    expect(result.status).toBe('notMet');
    expect(result.severity).toBe('warning');
    const conflict = messageWith(result, 'assess.conflictingTarget');
    expect(conflict.severity).toBe('info');
    expect(conflict.zh).toContain('90%');
    expect(conflict.zh).toContain('策略措施');
    expect(conflict.zh).toContain('按该值则达标');
    expect(conflict.en).toContain('90%');
    expectBilingual(result.messages);
  });
  test('95 and 89: both targets agree, so no conflict message', () => {
    const met = assess('C-HEA-20', { value: '95' }, 2030);
    expect(met.status).toBe('met');
    expect(codes(met)).toEqual(['assess.met']);
    expect(codes(assess('C-HEA-20', { value: '89' }, 2030))).not.toContain('assess.conflictingTarget');
  });
  test('an alternative that would miss where the main target meets is reported too', () => {
    const strictAlternative = testIndicator({ target: { kind: 'max', value: 10, alternatives: [{ value: 8, sourceIndex: 1 }] } });
    const result = assess(strictAlternative, { value: '9' }, 2030);
    expect(result.status).toBe('met');
    expect(messageWith(result, 'assess.conflictingTarget').zh).toContain('按该值则未达标');
  });
});

test('a qualitative target on a text unit: progress recorded, not judged', () => {
  const result = assess('C-HEA-02', { value: '开展了健康教育活动' }, 2025);
  expect(result.status).toBe('notAssessable');
  expect(result.severity).toBe('info');
  expect(codes(result)).toEqual(['assess.qualitative']);
  expect(result.value).toEqual({ kind: 'text', text: '开展了健康教育活动' });
});

test('a note is kept trimmed on the result', () => {
  expect(assess('C-HEA-04', { value: '3', note: '  据卫健局年报  ' }, 2030).note).toBe('据卫健局年报');
  expect(assess('C-HEA-04', { value: '3', note: '   ' }, 2030).note).toBeUndefined();
});
