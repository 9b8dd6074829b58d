import type { Organisation } from '../../../core/catalog/organisation-schema';
import type { Role } from '../../../contract/submission-document';
import { catalogVersionsText, endpointFailureTexts, type CatalogVersionRow, type EndpointFailureTexts } from '../../../client/endpoint-failure-texts';
import type { EndpointUrlProblem } from '../../../client/endpoint-url';
import type { Locale } from './locale';

/** The Settings view (设置): the endpoint's address, the token, the connection test. */
export interface SettingsStrings {
  heading: string;
  intro: string;
  /** The pane's first opening without a token: what to do here, and that it can wait. */
  firstRunTitle: string;
  firstRun: string;
  firstRunLater: string;
  urlLabel: string;
  /** The hint under the address; `defaultUrl` is used when the field is left empty ('' when there is none). */
  urlHint: (defaultUrl: string) => string;
  urlProblems: Record<EndpointUrlProblem, string>;
  tokenLabel: string;
  tokenPlaceholder: string;
  showToken: string;
  hideToken: string;
  /** aria-label of the show/hide button. */
  showTokenLabel: string;
  hideTokenLabel: string;
  tokenSaved: string;
  tokenNotSaved: string;
  tokenHelpHeading: string;
  tokenHelp: string;
  /** The command the bureau runs, shown as code. */
  tokenCommand: string;
  tokenStorage: string;
  actionsLabel: string;
  save: string;
  saved: string;
  testConnection: string;
  testing: string;
  clearToken: string;
  tokenCleared: string;
  result: {
    okTitle: string;
    organisation: string;
    /** The token's organisation as people know it; `organisation` undefined when the add-in's catalog lacks it. */
    organisationName: (organisation: Organisation | undefined, id: string) => string;
    role: string;
    server: string;
    versions: string;
    versionsMatch: (rows: readonly CatalogVersionRow[]) => string;
    roles: Record<Role, string>;
    bureauCannotSubmit: string;
    saved: string;
    catalogUnavailable: string;
  };
  failure: EndpointFailureTexts;
}

export const settingsStrings: Readonly<Record<Locale, SettingsStrings>> = {
  'zh-CN': {
    heading: '设置',
    intro: '填写统计局提供的服务器地址和本单位的访问令牌，然后点击“测试连接”确认可以提交。',
    firstRunTitle: '欢迎使用：先连接到统计局的服务器',
    firstRun: '请填写统计局提供的服务器地址和发给您的访问令牌，保存后点击“测试连接”。连接好以后，插入模板时会自动填入本单位上年已报送的数据，检查通过的报表可以直接提交。暂时没有令牌，也可以先插入模板、填写和检查。',
    firstRunLater: '先去填报',
    urlLabel: '服务器地址',
    urlHint: (defaultUrl) =>
      defaultUrl ? `例如 https://tianbao.example.gov.cn。不填写时使用 ${defaultUrl}。` : '例如 https://tianbao.example.gov.cn（请向统计局索取）。',
    urlProblems: {
      empty: '请填写服务器地址，例如 https://tianbao.example.gov.cn（请向统计局索取）。',
      notUrl: '这不是完整的网址：请以 https:// 开头填写，例如 https://tianbao.example.gov.cn。',
      notHttp: '服务器地址应以 https:// （或 http://）开头。',
    },
    tokenLabel: '访问令牌',
    tokenPlaceholder: 'xpm_…',
    showToken: '显示',
    hideToken: '隐藏',
    showTokenLabel: '显示令牌',
    hideTokenLabel: '隐藏令牌',
    tokenSaved: '已保存令牌。',
    tokenNotSaved: '尚未保存令牌。',
    tokenHelpHeading: '令牌从哪里来？',
    tokenHelp: '令牌由统计局为每个填报单位生成，以 xpm_ 开头，相当于本单位的提交密码，请勿转发。管理员在服务器上运行：',
    tokenCommand: 'indicators token create --org <单位编号>',
    tokenStorage: '令牌只保存在这台电脑上您本人的 Office 用户配置中，不会写入工作簿，也不会随工作簿发给他人。换电脑或换用户时需要重新填写。',
    actionsLabel: '设置操作',
    save: '保存',
    saved: '设置已保存。',
    testConnection: '测试连接',
    testing: '正在测试连接…',
    clearToken: '清除令牌',
    tokenCleared: '令牌已从这台电脑上清除。',
    result: {
      okTitle: '连接正常',
      organisation: '单位',
      organisationName: (organisation, id) =>
        !organisation ? `单位编号 ${id}` : organisation.shortName === organisation.name ? organisation.name : `${organisation.shortName}（${organisation.name}）`,
      role: '角色',
      server: '服务器',
      versions: '指标目录版本',
      versionsMatch: (rows) => `与服务器一致（${catalogVersionsText(rows, 'server', 'zh-CN')}）`,
      roles: { reporter: '填报单位', bureau: '统计局（查看与审核）', admin: '管理员' },
      bureauCannotSubmit: '此令牌属于统计局：可以查看和审核各单位的报表，但不能提交报表。',
      saved: '这组地址和令牌已保存。',
      catalogUnavailable: '加载项自带的指标目录未能加载（可能网络已断开），无法比较版本。请稍后重试。',
    },
    failure: endpointFailureTexts['zh-CN'],
  },
  'en-US': {
    heading: 'Settings',
    intro: 'Enter the server address from the statistics bureau and your organisation\u2019s token, then choose Test connection to make sure you can submit.',
    firstRunTitle: 'Welcome: connect to the statistics bureau\u2019s server first',
    firstRun: 'Enter the server address from the statistics bureau and the access token you were given, save, then choose Test connection. Once connected, inserting a template fills in your organisation\u2019s values of last year, and a checked report can be submitted from here. Without a token yet you can still insert, fill and check a template.',
    firstRunLater: 'Go to Fill first',
    urlLabel: 'Server address',
    urlHint: (defaultUrl) =>
      defaultUrl ? `For example https://tianbao.example.gov.cn. Left empty, ${defaultUrl} is used.` : 'For example https://tianbao.example.gov.cn (ask the statistics bureau).',
    urlProblems: {
      empty: 'Enter the server address, for example https://tianbao.example.gov.cn (ask the statistics bureau).',
      notUrl: 'This is not a complete web address: start it with https://, for example https://tianbao.example.gov.cn.',
      notHttp: 'The server address must start with https:// (or http://).',
    },
    tokenLabel: 'Access token',
    tokenPlaceholder: 'xpm_…',
    showToken: 'Show',
    hideToken: 'Hide',
    showTokenLabel: 'Show token',
    hideTokenLabel: 'Hide token',
    tokenSaved: 'A token is saved.',
    tokenNotSaved: 'No token saved yet.',
    tokenHelpHeading: 'Where does the token come from?',
    tokenHelp: 'The statistics bureau creates one for each reporting organisation. It starts with xpm_ and works like your organisation\u2019s submission password: do not forward it. An administrator runs on the server:',
    tokenCommand: 'indicators token create --org <organisation id>',
    tokenStorage: 'The token is stored only in your own Office user profile on this computer. It is never written into the workbook and never travels with it. On another computer or for another user, enter it again.',
    actionsLabel: 'Settings actions',
    save: 'Save',
    saved: 'Settings saved.',
    testConnection: 'Test connection',
    testing: 'Testing the connection…',
    clearToken: 'Clear token',
    tokenCleared: 'The token has been removed from this computer.',
    result: {
      okTitle: 'Connected',
      organisation: 'Organisation',
      organisationName: (organisation, id) => (organisation ? organisation.nameEn : `organisation id ${id}`),
      role: 'Role',
      server: 'Server',
      versions: 'Catalog version',
      versionsMatch: (rows) => `same as the server (${catalogVersionsText(rows, 'server', 'en-US')})`,
      roles: { reporter: 'Reporting organisation', bureau: 'Statistics bureau (read and review)', admin: 'Administrator' },
      bureauCannotSubmit: 'This token belongs to the statistics bureau: it can read and review every organisation\u2019s reports but cannot submit.',
      saved: 'This address and token have been saved.',
      catalogUnavailable: 'The add-in\u2019s own catalog could not be loaded (you may be offline), so the versions could not be compared. Try again later.',
    },
    failure: endpointFailureTexts['en-US'],
  },
};
