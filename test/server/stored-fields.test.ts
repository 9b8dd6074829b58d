import { catalogVersion } from '../helpers/catalog-version';
import { describeEachDialect } from './helpers/test-database';
import { withTestApp } from './helpers/test-app';

/**
 * The bureau's series, consolidation and evaluation are built from stored values: every field of a
 * submitted entry must come back as it was sent (storing previous, baseline or other as null once survived
 * every test).
 */
describeEachDialect('every field of a submitted entry round-trips through the store', (dialect) => {
  const t = withTestApp(dialect);

  it('value, previous, baseline, other and note, for numbers, text with full-width digits, markers and yes/no', async () => {
    const wjj = await t.token('wjj');
    const values = [
      // 以2020年为基数下降: this year's value, last year's and the base-year value
      { indicatorId: 'C-SAF-01', value: 4.8, previous: '５．１', baseline: 6, note: '与公安局数据核对一致' },
      // a rate with its previous value as typed
      { indicatorId: 'C-HEA-04', value: '3.2‰', previous: 3.4 },
      // per township, a marker with its note
      { indicatorId: 'C-HEA-09', unitId: 'mosha', value: '—', note: '本年度该乡镇接种数据尚未上报' },
      { indicatorId: 'C-HEA-09', unitId: 'gasa', value: 96.5, previous: '95.8%' },
    ];
    const sent = { plan: 'children', year: 2025, organisationId: 'wjj', catalogVersion: catalogVersion(), templateVersion: 1, values };
    const accepted = await t.request(wjj, { method: 'POST', url: '/api/v1/submissions', payload: sent });
    expect(accepted.statusCode).toBe(201);
    const detail = (await t.request(wjj, { method: 'GET', url: `/api/v1/submissions/${accepted.json().submissionId}` })).json();
    expect(detail.values).toHaveLength(values.length);
    detail.values.forEach((stored: Record<string, unknown>, index: number) => {
      const original = values[index] as Record<string, unknown>;
      expect({
        indicatorId: stored.indicatorId,
        unitId: stored.unitId,
        value: stored.value,
        previous: stored.previous,
        baseline: stored.baseline,
        note: stored.note,
      }).toEqual({
        indicatorId: original.indicatorId,
        unitId: original.unitId ?? null,
        value: original.value,
        previous: original.previous ?? null,
        baseline: original.baseline ?? null,
        note: original.note ?? null,
      });
    });
    // the server's own reading of each, as judged
    expect(detail.values[0]).toMatchObject({ parsed: { kind: 'number', value: 4.8 }, status: 'met' });
    expect(detail.values[2]).toMatchObject({ parsed: { kind: 'notAvailable' }, status: 'noData' });
  });

  it('the comparison value (relative targets) is kept too', async () => {
    const zzb = await t.token('zzb');
    const sent = {
      plan: 'women',
      year: 2025,
      organisationId: 'zzb',
      catalogVersion: catalogVersion('women'),
      templateVersion: 1,
      values: [{ indicatorId: 'W-DEC-03', value: '31.5%', other: '28.4', note: '比较值为全县党员中女性比例' }],
    };
    const accepted = await t.request(zzb, { method: 'POST', url: '/api/v1/submissions', payload: sent });
    expect(accepted.statusCode).toBe(201);
    const [stored] = (await t.request(zzb, { method: 'GET', url: `/api/v1/submissions/${accepted.json().submissionId}` })).json().values;
    expect(stored).toMatchObject({ value: '31.5%', other: '28.4', note: '比较值为全县党员中女性比例', previous: null, baseline: null });
  });
});
