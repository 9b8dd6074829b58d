'use strict';
/*
 * The entry of the threads that read uploaded workbooks (see src/server/services/workbook-intake.ts).
 * A worker thread does not inherit its parent's TypeScript loader (tsx under `npm start`, SWC under jest),
 * so it registers tsx itself before loading the task.
 */
require('tsx/cjs/api').register();
module.exports = require('./read-workbook-task.ts');
