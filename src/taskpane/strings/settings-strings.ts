import type { PlanId } from '../../core/catalog/indicator-schema';
import type { Organisation } from '../../core/catalog/organisation-schema';
import type { Role } from '../../core/submission/submission-schema';
import type { EndpointFailure } from '../endpoint/endpoint-client';
import type { EndpointUrlProblem } from '../endpoint/endpoint-url';
import type { Locale } from './locale';

/** One plan's catalog version on the server and in the add-in (server null: the server does not know the plan). */
export interface CatalogVersionRow {
  readonly plan: PlanId;
  readonly server: string | null;
  readonly addin: string;
}

/**
 * What a failed call to the endpoint means, in words a clerk can act on. The endpoint client builds every
 * `EndpointError` from these (in both languages); when the server sent its own message, that one is used.
 */
export interface EndpointFailureTexts {
  /** A short title per kind (the message bar's title). */
  titles: Record<EndpointFailure, string>;
  badUrl: (url: string) => string;
  mixedContent: (url: string, pageOrigin: string) => string;
  /** A request failed in the network layer (not diagnosed further: the browser does not say why). */
  networkFailed: (url: string) => string;
  /** Diagnosed by the connection test: neither the request nor a plain probe of the same address got through. */
  unreachable: (url: string) => string;
  /** Diagnosed: the probe got an answer, the real request was refused by the browser (CORS). */
  cors: (url: string, pageOrigin: string) => string;
  timeout: (url: string, seconds: number) => string;
  /** The address answers, but not with this API; `what` is one of `answer`. */
  notOurServer: (url: string, what: string) => string;
  answer: {
    status: (status: number) => string;
    statusHtml: (status: number) => string;
    html: string;
    notJson: string;
    unexpected: string;
  };
  unauthorized: string;
  forbidden: string;
  /** An admin token: it manages organisations and tokens, it cannot submit or read reports. */
  adminToken: string;
  catalogVersion: (rows: readonly CatalogVersionRow[]) => string;
  conflict: string;
  invalid: (status: number) => string;
  tooLarge: string;
  rateLimited: string;
  server: (status: number) => string;
  planNames: Record<PlanId, string>;
}

/** The Settings view (设置): the endpoint's address, the token, the connection test. */
export interface SettingsStrings {
  heading: string;
  intro: string;
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

const zhPlanNames: Record<PlanId, string> = { women: '妇女规划', children: '儿童规划' };
const enPlanNames: Record<PlanId, string> = { women: 'women\u2019s plan', children: 'children\u2019s plan' };

const zhVersions = (rows: readonly CatalogVersionRow[], pick: 'server' | 'addin') =>
  rows.map((row) => `${zhPlanNames[row.plan]} ${row[pick] ?? '（无）'}`).join('、');
const enVersions = (rows: readonly CatalogVersionRow[], pick: 'server' | 'addin') =>
  rows.map((row) => `${enPlanNames[row.plan]} ${row[pick] ?? '(none)'}`).join(', ');

export const settingsStrings: Readonly<Record<Locale, SettingsStrings>> = {
  'zh-CN': {
    heading: '设置',
    intro: '填写统计局提供的服务器地址和本单位的访问令牌，然后点击“测试连接”确认可以提交。',
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
      versionsMatch: (rows) => `与服务器一致（${zhVersions(rows, 'server')}）`,
      roles: { reporter: '填报单位', bureau: '统计局（查看与审核）', admin: '管理员' },
      bureauCannotSubmit: '此令牌属于统计局：可以查看和审核各单位的报表，但不能提交报表。',
      saved: '这组地址和令牌已保存。',
      catalogUnavailable: '加载项自带的指标目录未能加载（可能网络已断开），无法比较版本。请稍后重试。',
    },
    failure: {
      titles: {
        badUrl: '服务器地址不正确',
        mixedContent: '需要 HTTPS 地址',
        unreachable: '无法连接到服务器',
        cors: '服务器未允许本加载项访问',
        timeout: '服务器响应超时',
        notOurServer: '该地址不是本系统的服务器',
        unauthorized: '令牌无效',
        forbidden: '令牌没有权限',
        catalogVersion: '版本不一致',
        conflict: '与服务器上的记录冲突',
        invalid: '报表未被接受',
        tooLarge: '内容过大',
        rateLimited: '请求过于频繁',
        server: '服务器出错',
      },
      badUrl: (url) => `“${url}”不是有效的服务器地址：应以 https:// 开头，例如 https://tianbao.example.gov.cn（请向统计局索取）。`,
      mixedContent: (url, pageOrigin) =>
        `加载项通过加密连接（${pageOrigin}）打开，浏览器不允许它访问不加密的 http:// 地址 ${url}。请改填以 https:// 开头的服务器地址；如果服务器还没有启用 HTTPS，请联系统计局管理员配置证书。`,
      networkFailed: (url) =>
        `无法连接到服务器 ${url}：可能是网络断开、服务器未运行，或服务器不允许本加载项访问。请稍后重试；如果一直这样，请在“设置”中点击“测试连接”查看具体原因。`,
      unreachable: (url) =>
        `无法连接到服务器 ${url}。可能是：服务器名称无法解析（地址写错或单位内网不通），服务器没有运行，或服务器的 HTTPS 证书不受这台电脑信任——浏览器不会告诉加载项是哪一种。请在浏览器中打开 ${url}/api/v1/healthz：打不开或提示证书问题，请把看到的提示告诉统计局管理员；能打开并显示 "ok"，请再测试一次。`,
      cors: (url, pageOrigin) =>
        `服务器 ${url} 有回应，但它没有允许本加载项（来源 ${pageOrigin}）读取数据（跨域 CORS 设置）。请统计局管理员把 ${pageOrigin} 加入服务器的 ALLOWED_ORIGINS 设置（多个来源用英文逗号分隔）后重启服务器。也请核对服务器地址是否填写正确。`,
      timeout: (url, seconds) => `服务器 ${url} 在 ${seconds} 秒内没有回应：可能是网络很慢或服务器繁忙。请稍后重试；如果一直这样，请联系统计局管理员。`,
      notOurServer: (url, what) =>
        `地址 ${url} 有回应，但不是本系统的接口（${what}）。请核对服务器地址：只填写到域名（和端口），例如 https://tianbao.example.gov.cn；地址无误时，可能是服务器与加载项的版本不一致，请联系统计局管理员。`,
      answer: {
        status: (status) => `HTTP ${status}`,
        statusHtml: (status) => `HTTP ${status}，返回的是网页`,
        html: '返回的是网页而不是数据',
        notJson: '返回的不是 JSON 数据',
        unexpected: '返回数据的格式与本加载项不符',
      },
      unauthorized: '服务器不接受这个令牌：令牌可能填写有误、不完整或已被撤销。请核对令牌，或向统计局申请新的令牌。',
      forbidden: '服务器拒绝了这个请求（403）：此令牌没有这项操作的权限，或单位网络、服务器前的代理不允许访问。请联系统计局管理员。',
      adminToken: '这是管理员令牌（只用于管理单位和令牌），不能提交或查看报表。请向统计局申请本单位的填报令牌。',
      catalogVersion: (rows) =>
        `版本不一致：服务器的指标目录为 ${zhVersions(rows, 'server')}，本加载项为 ${zhVersions(rows, 'addin')}。请更新加载项（关闭并重新打开 Excel），或请统计局管理员更新服务器；两者一致后才能提交。`,
      conflict: '提交与服务器上已有的记录冲突，未被接受。请刷新后重试；如仍不行，请联系统计局。',
      invalid: (status) => `服务器没有接受这份报表（HTTP ${status}）：请在“检查”中逐项改正后再提交。`,
      tooLarge: '提交的内容过大，服务器没有接受。请联系统计局。',
      rateLimited: '请求过于频繁，服务器暂时拒绝。请稍等一分钟再试。',
      server: (status) => `服务器暂时无法处理（HTTP ${status}）。请稍后重试；如果反复出现，请联系统计局管理员。`,
      planNames: zhPlanNames,
    },
  },
  'en-US': {
    heading: 'Settings',
    intro: 'Enter the server address from the statistics bureau and your organisation\u2019s token, then choose Test connection to make sure you can submit.',
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
      versionsMatch: (rows) => `same as the server (${enVersions(rows, 'server')})`,
      roles: { reporter: 'Reporting organisation', bureau: 'Statistics bureau (read and review)', admin: 'Administrator' },
      bureauCannotSubmit: 'This token belongs to the statistics bureau: it can read and review every organisation\u2019s reports but cannot submit.',
      saved: 'This address and token have been saved.',
      catalogUnavailable: 'The add-in\u2019s own catalog could not be loaded (you may be offline), so the versions could not be compared. Try again later.',
    },
    failure: {
      titles: {
        badUrl: 'Invalid server address',
        mixedContent: 'An HTTPS address is needed',
        unreachable: 'Cannot reach the server',
        cors: 'The server does not allow this add-in',
        timeout: 'The server did not answer in time',
        notOurServer: 'Not this system\u2019s server',
        unauthorized: 'Token not accepted',
        forbidden: 'Not permitted',
        catalogVersion: 'Versions differ',
        conflict: 'Conflict with the server\u2019s records',
        invalid: 'Report not accepted',
        tooLarge: 'Too large',
        rateLimited: 'Too many requests',
        server: 'Server error',
      },
      badUrl: (url) => `\u201c${url}\u201d is not a valid server address: it should start with https://, for example https://tianbao.example.gov.cn (ask the statistics bureau).`,
      mixedContent: (url, pageOrigin) =>
        `The add-in runs over an encrypted connection (${pageOrigin}); the browser does not let it reach the unencrypted http:// address ${url}. Use an address starting with https://; if the server does not have HTTPS yet, ask the bureau\u2019s administrator to set up a certificate.`,
      networkFailed: (url) =>
        `Cannot connect to the server ${url}: the network may be down, the server may not be running, or it may not allow this add-in. Try again later; if it persists, choose Test connection under Settings to see why.`,
      unreachable: (url) =>
        `Cannot connect to the server ${url}. Either its name cannot be resolved (a typo, or the internal network is not reachable), the server is not running, or its HTTPS certificate is not trusted by this computer \u2014 the browser does not tell the add-in which. Open ${url}/api/v1/healthz in a browser: if it does not open or shows a certificate warning, tell the bureau\u2019s administrator what you see; if it shows "ok", test again.`,
      cors: (url, pageOrigin) =>
        `The server ${url} answers, but it does not allow this add-in (origin ${pageOrigin}) to read its answers (CORS). Ask the bureau\u2019s administrator to add ${pageOrigin} to the server\u2019s ALLOWED_ORIGINS setting (comma-separated) and restart the server. Also check that the address is right.`,
      timeout: (url, seconds) => `The server ${url} did not answer within ${seconds} seconds: the network may be slow or the server busy. Try again later; if it persists, contact the bureau\u2019s administrator.`,
      notOurServer: (url, what) =>
        `${url} answers, but not with this system\u2019s API (${what}). Check the address: only the host (and port), for example https://tianbao.example.gov.cn. If it is right, the server and the add-in may be different versions; contact the bureau\u2019s administrator.`,
      answer: {
        status: (status) => `HTTP ${status}`,
        statusHtml: (status) => `HTTP ${status}, a web page`,
        html: 'a web page instead of data',
        notJson: 'not JSON data',
        unexpected: 'data in a format this add-in does not know',
      },
      unauthorized: 'The server does not accept this token: it may be mistyped, incomplete or revoked. Check it, or ask the statistics bureau for a new one.',
      forbidden: 'The server refused the request (403): this token may not do this, or a network or proxy in front of the server blocks it. Contact the bureau\u2019s administrator.',
      adminToken: 'This is an administrator token (for managing organisations and tokens): it cannot submit or read reports. Ask the statistics bureau for your organisation\u2019s reporting token.',
      catalogVersion: (rows) =>
        `Versions differ: the server\u2019s indicator catalog is ${enVersions(rows, 'server')}, this add-in\u2019s is ${enVersions(rows, 'addin')}. Update the add-in (close and reopen Excel) or ask the bureau\u2019s administrator to update the server; they must match before you can submit.`,
      conflict: 'The submission conflicts with the server\u2019s records and was not accepted. Reload and try again; if it persists, contact the statistics bureau.',
      invalid: (status) => `The server did not accept the report (HTTP ${status}): correct it under Check, then submit again.`,
      tooLarge: 'The submission is too large; the server did not accept it. Contact the statistics bureau.',
      rateLimited: 'Too many requests: the server refuses for now. Wait a minute and try again.',
      server: (status) => `The server cannot handle the request right now (HTTP ${status}). Try again later; if it keeps happening, contact the bureau\u2019s administrator.`,
      planNames: enPlanNames,
    },
  },
};
