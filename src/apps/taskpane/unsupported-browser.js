/* global window, document */
/*
 * The guard of both front ends, in ES5 (test/build/syntax-level.test.ts parses it with es-check es5): loaded
 * by taskpane.html and the web app's index.html before anything else, as a file of their own origin (their
 * Content-Security-Policy allows scripts from 'self' only, so an inline script would be blocked on the
 * webviews that enforce it). The bundle needs ES2022 (React 19 and Fluent UI are shipped as published; see
 * BUNDLE_ES_LEVEL in webpack.config.js). Office 2016 and 2019 on Windows run add-ins in Internet Explorer 11
 * (Trident) or the old Edge (EdgeHTML), which cannot parse it: the page would stay on "正在加载…" for ever.
 * Microsoft recommends telling such users so ("Support older Microsoft webviews and Office versions"). This
 * script looks for built-ins that came with ES2022 engines (Object.hasOwn, Array.prototype.at: Chromium 93,
 * Safari 15.4, Firefox 92) and, where they are missing, replaces the page's #root with a message in Chinese
 * and English naming what works instead. It never touches a supported engine's page.
 */
(function () {
  'use strict';
  var supported = typeof Object.hasOwn === 'function' && typeof Array.prototype.at === 'function' && typeof window.Promise === 'function';
  if (supported) return;
  window.__xpmUnsupportedBrowser = true;

  var app = document.documentElement.getAttribute('data-app') === 'web' ? 'web' : 'taskpane';
  var portal = window.location.protocol + '//' + window.location.host + '/';

  function paragraph(parent, text, strong) {
    var p = document.createElement('p');
    if (strong) {
      var b = document.createElement('strong');
      b.appendChild(document.createTextNode(text));
      p.appendChild(b);
    } else {
      p.appendChild(document.createTextNode(text));
    }
    parent.appendChild(p);
    return p;
  }

  function list(parent, items) {
    var ul = document.createElement('ul');
    for (var i = 0; i < items.length; i += 1) {
      var li = document.createElement('li');
      li.appendChild(document.createTextNode(items[i]));
      ul.appendChild(li);
    }
    parent.appendChild(ul);
  }

  function show() {
    var root = document.getElementById('root');
    if (!root) return;
    while (root.firstChild) root.removeChild(root.firstChild);
    var box = document.createElement('div');
    box.setAttribute('role', 'alert');
    box.setAttribute('id', 'unsupported-browser');
    box.style.fontFamily = '"Microsoft YaHei", "微软雅黑", SimSun, sans-serif';
    box.style.padding = '12px';
    box.style.lineHeight = '1.6';
    if (app === 'taskpane') {
      paragraph(box, '此版本的 Excel 无法运行本加载项', true);
      paragraph(box, 'Office 2016、Office 2019 等版本用 Internet Explorer 11 或旧版 Edge 显示加载项，不能运行本加载项。请改用以下任一方式填报：');
      list(box, [
        '在浏览器（新版 Edge、Chrome、Firefox 或 360 极速模式）中打开填报门户：' + portal,
        '使用 .xlsx 填报表（向统计局或信息员索取，由 indicators template 生成），填好后用 indicators check 检查，再交统计局或上传。',
        '升级到 Office 2021、Office 2024 或 Microsoft 365，或使用 Excel 网页版。'
      ]);
      paragraph(box, 'This version of Excel cannot run the add-in: Office 2016 and 2019 show add-ins in Internet Explorer 11 or the old Edge. Instead: open the web portal at ' + portal + ' in a current browser; or fill in the .xlsx template (made by `indicators template`) and check it with `indicators check`; or use Office 2021/2024, Microsoft 365 or Excel on the web.');
    } else {
      paragraph(box, '此浏览器版本过旧，无法打开填报门户', true);
      paragraph(box, '请使用新版 Edge、Chrome、Firefox，或 360 等浏览器的极速模式打开本页：' + portal);
      paragraph(box, '也可以使用 .xlsx 填报表（向统计局或信息员索取，由 indicators template 生成），填好后用 indicators check 检查，再交统计局或上传。');
      paragraph(box, 'This browser is too old for the portal. Open ' + portal + ' in a current Edge, Chrome or Firefox; or fill in the .xlsx template (made by `indicators template`) and check it with `indicators check`.');
    }
    root.appendChild(box);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', show);
  else show();
})();
