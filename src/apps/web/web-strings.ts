import { createContext, useContext } from 'react';
import type { Language } from '../../core/i18n/message';
import type { Role } from '../../contract/submission-document';

/** The words of the web app (shell, sign-in, admin pages, the department portal), in both languages (zh-CN first). */
export interface WebStrings {
  readonly title: string;
  readonly skipLink: string;
  readonly loading: string;
  readonly retry: string;
  readonly cancel: string;
  readonly close: string;
  readonly copy: string;
  readonly copied: string;
  readonly copyFailed: string;
  readonly nav: string;
  readonly navLinks: { readonly portal: string; readonly bureauProgress: string; readonly bureauConsolidation: string; readonly bureauWarnings: string; readonly bureauEvaluation: string; readonly users: string; readonly organisations: string; readonly tokens: string };
  readonly changePassword: string;
  readonly signOut: string;
  readonly signedInAs: (name: string, organisation: string) => string;
  readonly roles: Readonly<Record<Role, string>>;
  readonly sessionExpired: string;
  readonly signedOut: string;
  readonly sessionFailed: string;
  readonly noPermissionTitle: string;
  readonly noPermission: (role: string) => string;
  readonly goHome: string;
  readonly notFoundTitle: string;
  readonly notFound: string;
  readonly pageFailed: string;
  readonly login: {
    readonly heading: string;
    readonly intro: string;
    readonly login: string;
    readonly password: string;
    readonly submit: string;
    readonly busy: string;
    readonly missing: string;
    readonly otherWays: string;
    readonly addin: string;
    readonly manifest: string;
    readonly api: string;
  };
  readonly password: {
    readonly heading: string;
    readonly mustChange: string;
    readonly current: string;
    readonly next: string;
    readonly confirm: string;
    readonly hint: string;
    readonly submit: string;
    readonly mismatch: string;
    readonly tooShort: string;
    readonly done: string;
  };
  readonly admin: {
    readonly usersHeading: string;
    readonly organisationsHeading: string;
    readonly tokensHeading: string;
    readonly empty: string;
    readonly columns: {
      readonly login: string;
      readonly displayName: string;
      readonly organisation: string;
      readonly role: string;
      readonly state: string;
      readonly lastLogin: string;
      readonly actions: string;
      readonly id: string;
      readonly name: string;
      readonly shortName: string;
      readonly nameEn: string;
      readonly kind: string;
      readonly label: string;
      readonly createdAt: string;
    };
    readonly active: string;
    readonly disabled: string;
    readonly locked: (until: string) => string;
    readonly mustChange: string;
    readonly revoked: (at: string) => string;
    readonly never: string;
    readonly newUser: string;
    readonly create: string;
    readonly optionalPassword: string;
    readonly passwordHint: string;
    readonly choose: string;
    readonly resetPassword: string;
    readonly resetConfirm: (login: string) => string;
    readonly disable: string;
    readonly enable: string;
    readonly unlock: string;
    readonly generatedTitle: (login: string) => string;
    readonly generatedWarning: string;
    readonly generatedLabel: string;
    readonly userCreated: (login: string) => string;
    readonly userUpdated: (login: string) => string;
    readonly newOrganisation: string;
    readonly idHint: string;
    readonly kinds: { readonly department: string; readonly township: string; readonly subdistrict: string };
    readonly organisationCreated: (name: string) => string;
    readonly newToken: string;
    readonly revoke: string;
    readonly revokeTitle: string;
    readonly revokeConfirm: (label: string) => string;
    readonly tokenRevoked: string;
    readonly secretTitle: string;
    readonly secretWarning: string;
    readonly secretLabel: string;
    readonly secretHowTo: readonly string[];
    readonly fieldRequired: (field: string) => string;
  };
}

export const webStrings: Readonly<Record<Language, WebStrings>> = {
  'zh-CN': {
    title: '新平妇女儿童发展规划监测',
    skipLink: '跳到主要内容',
    loading: '正在加载…',
    retry: '重试',
    cancel: '取消',
    close: '关闭',
    copy: '复制',
    copied: '已复制到剪贴板',
    copyFailed: '无法自动复制：请选中文字后按 Ctrl+C 复制。',
    nav: '主导航',
    navLinks: {
      portal: '填报任务',
      bureauProgress: '完成情况',
      bureauConsolidation: '汇总',
      bureauWarnings: '预警',
      bureauEvaluation: '评估',
      users: '用户',
      organisations: '组织',
      tokens: '令牌',
    },
    changePassword: '修改密码',
    signOut: '退出登录',
    signedInAs: (name, organisation) => `${name}（${organisation}）`,
    roles: { reporter: '填报单位', bureau: '统计局', admin: '管理员' },
    sessionExpired: '登录已过期，请重新登录',
    signedOut: '您已退出登录。',
    sessionFailed: '无法确认登录状态：',
    noPermissionTitle: '没有权限',
    noPermission: (role) => `您的账号（${role}）不能打开此页面。如需使用，请联系管理员调整账号角色。`,
    goHome: '返回首页',
    notFoundTitle: '页面不存在',
    notFound: '没有这个页面：请检查网址，或从导航进入。',
    pageFailed: '页面加载失败：请刷新页面重试；仍不行请联系管理员。',
    login: {
      heading: '登录',
      intro: '请使用管理员分配的用户名和密码登录。',
      login: '用户名',
      password: '密码',
      submit: '登录',
      busy: '正在登录…',
      missing: '请填写用户名和密码。',
      otherWays: '其他入口',
      addin: 'Excel 加载项（任务窗格）',
      manifest: '加载项清单 manifest.xml',
      api: '接口说明（OpenAPI）',
    },
    password: {
      heading: '修改密码',
      mustChange: '管理员重置了您的密码：请先设置一个新密码，再继续使用。',
      current: '当前密码',
      next: '新密码',
      confirm: '确认新密码',
      hint: '至少 10 个字符。',
      submit: '保存新密码',
      mismatch: '两次输入的新密码不一致：请重新输入“确认新密码”。',
      tooShort: '新密码至少需要 10 个字符：请加长后再保存。',
      done: '密码已修改。',
    },
    admin: {
      usersHeading: '用户',
      organisationsHeading: '组织',
      tokensHeading: '令牌',
      empty: '还没有记录。',
      columns: {
        login: '用户名',
        displayName: '姓名',
        organisation: '单位',
        role: '角色',
        state: '状态',
        lastLogin: '上次登录',
        actions: '操作',
        id: '编号',
        name: '全称',
        shortName: '简称',
        nameEn: '英文名',
        kind: '类型',
        label: '标签',
        createdAt: '创建时间',
      },
      active: '正常',
      disabled: '已停用',
      locked: (until) => `已锁定（至 ${until}）`,
      mustChange: '须修改密码',
      revoked: (at) => `已吊销（${at}）`,
      never: '从未',
      newUser: '新建用户',
      create: '创建',
      optionalPassword: '初始密码（可不填）',
      passwordHint: '不填则由系统生成一个密码，只显示一次。',
      choose: '请选择',
      resetPassword: '重置密码',
      resetConfirm: (login) => `重置 ${login} 的密码？系统会生成新密码（只显示一次），该用户下次登录时须修改密码。`,
      disable: '停用',
      enable: '启用',
      unlock: '解除锁定',
      generatedTitle: (login) => `${login} 的密码`,
      generatedWarning: '此密码只显示这一次：请现在复制并当面或通过安全渠道交给本人。关闭后无法再次查看，只能重置。',
      generatedLabel: '生成的密码',
      userCreated: (login) => `已创建用户 ${login}。`,
      userUpdated: (login) => `已更新用户 ${login}。`,
      newOrganisation: '新建组织',
      idHint: '小写字母开头，只用小写字母、数字和 -，例如 wjj。创建后不能修改。',
      kinds: { department: '县级部门', township: '乡镇', subdistrict: '街道' },
      organisationCreated: (name) => `已添加组织 ${name}。`,
      newToken: '新建令牌',
      revoke: '吊销',
      revokeTitle: '吊销令牌',
      revokeConfirm: (label) => `吊销令牌“${label}”？使用它的加载项将无法再提交，需要换用新令牌。此操作不能撤销。`,
      tokenRevoked: '令牌已吊销。',
      secretTitle: '新令牌',
      secretWarning: '令牌只显示这一次：请现在复制。关闭后无法再次查看，丢失只能吊销后新建。',
      secretLabel: '令牌',
      secretHowTo: ['在 Excel 中打开“新平监测”加载项，进入“设置”选项卡；', '把令牌粘贴到“访问令牌”一栏，点击保存；', '设置页显示单位名称即表示连接成功。'],
      fieldRequired: (field) => `请填写“${field}”。`,
    },
  },
  'en-US': {
    title: 'Xinping women\u2019s and children\u2019s plan monitoring',
    skipLink: 'Skip to main content',
    loading: 'Loading…',
    retry: 'Retry',
    cancel: 'Cancel',
    close: 'Close',
    copy: 'Copy',
    copied: 'Copied to the clipboard',
    copyFailed: 'Could not copy: select the text and press Ctrl+C.',
    nav: 'Main navigation',
    navLinks: {
      portal: 'Reporting tasks',
      bureauProgress: 'Completeness',
      bureauConsolidation: 'Consolidation',
      bureauWarnings: 'Warnings',
      bureauEvaluation: 'Evaluation',
      users: 'Users',
      organisations: 'Organisations',
      tokens: 'Tokens',
    },
    changePassword: 'Change password',
    signOut: 'Sign out',
    signedInAs: (name, organisation) => `${name} (${organisation})`,
    roles: { reporter: 'Reporting organisation', bureau: 'Statistics bureau', admin: 'Administrator' },
    sessionExpired: 'Your session has expired; please sign in again',
    signedOut: 'You have signed out.',
    sessionFailed: 'Could not check the sign-in: ',
    noPermissionTitle: 'No permission',
    noPermission: (role) => `Your account (${role}) may not open this page. Ask an administrator to change your role if you need it.`,
    goHome: 'Back to the start page',
    notFoundTitle: 'Page not found',
    notFound: 'There is no such page: check the address or use the navigation.',
    pageFailed: 'The page failed to load: reload it; if that does not help, contact the administrator.',
    login: {
      heading: 'Sign in',
      intro: 'Sign in with the login name and password your administrator gave you.',
      login: 'Login name',
      password: 'Password',
      submit: 'Sign in',
      busy: 'Signing in…',
      missing: 'Enter your login name and password.',
      otherWays: 'Other ways in',
      addin: 'The Excel add-in (task pane)',
      manifest: 'The add-in manifest (manifest.xml)',
      api: 'The API (OpenAPI)',
    },
    password: {
      heading: 'Change password',
      mustChange: 'An administrator reset your password: choose a new one before you go on.',
      current: 'Current password',
      next: 'New password',
      confirm: 'Confirm new password',
      hint: 'At least 10 characters.',
      submit: 'Save new password',
      mismatch: 'The new passwords differ: type the confirmation again.',
      tooShort: 'The new password needs at least 10 characters.',
      done: 'Your password has been changed.',
    },
    admin: {
      usersHeading: 'Users',
      organisationsHeading: 'Organisations',
      tokensHeading: 'Tokens',
      empty: 'Nothing yet.',
      columns: {
        login: 'Login',
        displayName: 'Name',
        organisation: 'Organisation',
        role: 'Role',
        state: 'State',
        lastLogin: 'Last sign-in',
        actions: 'Actions',
        id: 'Id',
        name: 'Full name',
        shortName: 'Short name',
        nameEn: 'English name',
        kind: 'Kind',
        label: 'Label',
        createdAt: 'Created',
      },
      active: 'Active',
      disabled: 'Disabled',
      locked: (until) => `Locked (until ${until})`,
      mustChange: 'Must change password',
      revoked: (at) => `Revoked (${at})`,
      never: 'Never',
      newUser: 'New user',
      create: 'Create',
      optionalPassword: 'Initial password (optional)',
      passwordHint: 'Leave empty and the server generates one, shown once.',
      choose: 'Choose',
      resetPassword: 'Reset password',
      resetConfirm: (login) => `Reset ${login}'s password? A new one is generated (shown once); the user must change it at the next sign-in.`,
      disable: 'Disable',
      enable: 'Enable',
      unlock: 'Unlock',
      generatedTitle: (login) => `Password of ${login}`,
      generatedWarning: 'This password is shown only now: copy it and hand it over securely. It cannot be shown again, only reset.',
      generatedLabel: 'Generated password',
      userCreated: (login) => `User ${login} created.`,
      userUpdated: (login) => `User ${login} updated.`,
      newOrganisation: 'New organisation',
      idHint: 'Starts with a lower-case letter; lower-case letters, digits and - only, e.g. wjj. Cannot be changed later.',
      kinds: { department: 'County department', township: 'Township', subdistrict: 'Subdistrict' },
      organisationCreated: (name) => `Organisation ${name} added.`,
      newToken: 'New token',
      revoke: 'Revoke',
      revokeTitle: 'Revoke token',
      revokeConfirm: (label) => `Revoke the token "${label}"? Add-ins using it can no longer submit. This cannot be undone.`,
      tokenRevoked: 'Token revoked.',
      secretTitle: 'New token',
      secretWarning: 'The token is shown only now: copy it. It cannot be shown again; if lost, revoke it and create another.',
      secretLabel: 'Token',
      secretHowTo: ['In Excel open the add-in and go to the 设置 (Settings) tab;', 'paste the token into the access token field and save;', 'the tab then shows the organisation\u2019s name.'],
      fieldRequired: (field) => `Fill in "${field}".`,
    },
  },
};

/** The browser's language when it is English, else Chinese. */
export function pickWebLanguage(languages: readonly string[]): Language {
  return languages[0]?.toLowerCase().startsWith('en') ? 'en-US' : 'zh-CN';
}

/** The language of the web app and its strings, for every page. */
export const LanguageContext = createContext<Language>('zh-CN');

export function useLanguage(): Language {
  return useContext(LanguageContext);
}

export function useWebStrings(): WebStrings {
  return webStrings[useContext(LanguageContext)];
}
