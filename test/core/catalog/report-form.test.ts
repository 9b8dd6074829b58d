import women from '../../../seeds/women.catalog.json';
import children from '../../../seeds/children.catalog.json';
import organisations from '../../../seeds/organisations.json';
import reportForm from '../../../seeds/report-form.json';
import { CatalogError, loadCatalog, loadReportForms } from '../../../src/core/catalog/catalog';
import { EMPTY_REPORT_FORM } from '../../../src/core/catalog/report-form-schema';
import { catalogForOrganisations, seedCatalog, seedOrganisations } from '../../../src/seed-catalog';

/**
 * seeds/report-form.json: the 统计报表 header of this deployment's templates (表号, 制表机关, 批准文号, 有效期至),
 * loaded with the catalog — blank in the seeds, never invented — and refused, field named, when it could not be
 * printed as typed.
 */
describe('the report form\'s header (seeds/report-form.json)', () => {
  it('ships blank for both plans, and every catalog the code builds carries it', () => {
    expect(loadReportForms(reportForm)).toEqual({ women: EMPTY_REPORT_FORM, children: EMPTY_REPORT_FORM });
    expect(seedCatalog().reportForms).toEqual({ women: EMPTY_REPORT_FORM, children: EMPTY_REPORT_FORM });
    // the endpoint's catalog (its database's organisations) as well
    expect(catalogForOrganisations(seedOrganisations()).reportForms).toEqual(seedCatalog().reportForms);
  });

  it('fills what a deployment sets and leaves the rest blank', () => {
    const forms = loadReportForms({ children: { formNumber: '儿发监1表', validUntil: '2026年12月' } });
    expect(forms).toEqual({ women: EMPTY_REPORT_FORM, children: { formNumber: '儿发监1表', issuedBy: '', approvalNumber: '', validUntil: '2026年12月' } });
  });

  it.each([
    [{ women: { formNumber: '=HYPERLINK("http://x")' } }, 'women.formNumber'],
    [{ children: { issuedBy: '县统计局\n办公室' } }, 'children.issuedBy'],
    [{ children: { validUntil: '很'.repeat(31) } }, 'children.validUntil'],
    [{ children: { number: '1' } }, 'children'],
  ])('refuses %j, naming %s', (file, where) => {
    expect(() => loadReportForms(file)).toThrow(CatalogError);
    expect(() => loadReportForms(file)).toThrow(`report-form: ${where}`);
    expect(() => loadCatalog({ women, children, organisations, reportForm: file })).toThrow(`report-form: ${where}`);
  });
});
