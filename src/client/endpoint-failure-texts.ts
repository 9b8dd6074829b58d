import type { PlanId } from '../core/catalog/indicator-schema';
import { PLAN_SHORT_NAMES, planNamesIn } from '../core/catalog/plan-names';
import type { Language } from '../core/i18n/message';
import type { EndpointFailure } from './endpoint-client';

/**
 * What a failed call to the shared endpoint means, in words a clerk can act on, in both languages: the
 * endpoint client builds every `EndpointError` from these (when the server sent its own message, that one
 * is used), and the apps show them. They live with the client, not with a view, so that every front end
 * (the task pane, the web app) says the same.
 */
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

/** "妇女规划 2026.1、儿童规划 2026.1": the server's or the add-in's catalog versions, plan by plan. */
export function catalogVersionsText(rows: readonly CatalogVersionRow[], pick: 'server' | 'addin', language: Language): string {
  return language === 'en-US'
    ? rows.map((row) => `${PLAN_SHORT_NAMES[row.plan].en} ${row[pick] ?? '(none)'}`).join(', ')
    : rows.map((row) => `${PLAN_SHORT_NAMES[row.plan].zh} ${row[pick] ?? '（无）'}`).join('、');
}
const zhVersions = (rows: readonly CatalogVersionRow[], pick: 'server' | 'addin') => catalogVersionsText(rows, pick, 'zh-CN');
const enVersions = (rows: readonly CatalogVersionRow[], pick: 'server' | 'addin') => catalogVersionsText(rows, pick, 'en-US');

export const endpointFailureTexts: Readonly<Record<Language, EndpointFailureTexts>> = {
  'zh-CN': {
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
      planNames: planNamesIn('zh-CN'),
    },
  'en-US': {
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
      planNames: planNamesIn('en-US'),
    },
};
