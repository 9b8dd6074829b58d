import { seedCatalog } from '../../../src/seed-catalog';
import { entryPlace, reportingUnitName } from '../../../src/core/catalog/catalog';

const catalog = seedCatalog();

describe('reportingUnitName', () => {
  test('a body listed by the indicator goes by its listed name', () => {
    expect(reportingUnitName(catalog, 'county-government', catalog.indicators.get('W-DEC-07'))).toEqual({ zh: '县政府领导班子', en: 'County government leadership' });
  });
  test('a township or department goes by its short name', () => {
    expect(reportingUnitName(catalog, 'guishan', catalog.indicators.get('C-HEA-09'))).toEqual({ zh: '桂山街道', en: 'Guishan Subdistrict' });
    expect(reportingUnitName(catalog, 'yjj').zh).toBe('应急管理局');
  });
  test('an unknown id is shown as it is', () => {
    expect(reportingUnitName(catalog, 'nowhere')).toEqual({ zh: 'nowhere', en: 'nowhere' });
  });
});

describe('entryPlace', () => {
  test('names the indicator and, per unit, the township or listed body in both languages', () => {
    const indicator = catalog.indicators.get('C-HEA-09');
    expect(entryPlace(catalog, 'C-HEA-09', 'guishan')).toEqual({
      indicatorId: 'C-HEA-09',
      indicatorName: { zh: indicator?.name, en: indicator?.nameEn },
      unitId: 'guishan',
      unitName: { zh: '桂山街道', en: 'Guishan Subdistrict' },
    });
    expect(entryPlace(catalog, 'W-DEC-07', 'county-government').unitName?.zh).toBe('县政府领导班子');
  });
  test('without a unit there is no unit; an unknown indicator has no name', () => {
    expect(entryPlace(catalog, 'C-HEA-09')).not.toHaveProperty('unitId');
    expect(entryPlace(catalog, 'X-NONE-1')).toEqual({ indicatorId: 'X-NONE-1' });
  });
});
