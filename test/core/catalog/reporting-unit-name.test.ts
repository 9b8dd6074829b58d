import { seedCatalog } from '../../../src/seed-catalog';
import { reportingUnitName } from '../../../src/core/catalog/catalog';

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
