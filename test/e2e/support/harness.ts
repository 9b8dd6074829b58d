import type { StandInOptions } from '../excel-stand-in/api';

/** The harness page's path on the server's origin (answered by the test, never by the server). */
export const HARNESS_PATH = '/__e2e/harness.html';
/** Where the harness page loads the stand-in's workbook script from (answered by the test, never by the server). */
export const WORKBOOK_SCRIPT_PATH = '/__e2e/excel-workbook.js';
/** The pane frame's name (Playwright finds the frame by it). */
export const PANE_FRAME = 'taskpane';
/** The pane's width, as Excel shows a task pane. */
export const PANE_WIDTH = 350;

function escapeScript(json: string): string {
  return json.replace(/</g, '\\u003c');
}

/**
 * A page that looks like Excel with the add-in open: the production task pane (taskpane.html from the
 * server) in a frame on the left, the stand-in's drawing of the active sheet on the right. The same origin as
 * the pane, so the test reaches into the frame and the stand-in draws into this page. The workbook lives
 * here (excel-stand-in/workbook.ts, loaded before the pane), not in the pane's frame: reloading the pane
 * keeps it, as Excel keeps the workbook when its task pane is closed and opened again.
 */
export function harnessHtml(options: StandInOptions): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>E2E: Excel + 任务窗格</title>
<style>
  html, body { margin: 0; height: 100%; }
  body { display: flex; background: #f3f3f3; font-family: "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; }
  #pane { flex: none; width: ${PANE_WIDTH}px; height: 100vh; display: flex; flex-direction: column; border-right: 1px solid #b9b9b9; background: #fff; }
  #pane header { padding: 4px 8px; background: #217346; color: #fff; font-size: 12px; }
  #pane iframe { flex: 1; border: 0; width: 100%; }
  #excel { flex: 1; min-width: 0; padding: 8px; overflow: hidden; --xs-max-height: calc(100vh - 150px); }
</style>
<script>window.__excelStandInOptions = ${escapeScript(JSON.stringify(options))};</script>
<script src="${WORKBOOK_SCRIPT_PATH}"></script>
</head>
<body>
  <section id="pane" aria-label="任务窗格 task pane">
    <header>新平监测填报（加载项）</header>
    <iframe name="${PANE_FRAME}" id="pane-frame" title="任务窗格" src="/taskpane.html"></iframe>
  </section>
  <section id="excel" aria-label="Excel"><div id="excel-grid"></div></section>
</body>
</html>`;
}
