'use strict';
/*
 * A stand-in for the upload reading thread (src/server/workers/read-workbook-worker.cjs): instead of reading,
 * it does what a hostile file would make the reader do — take long, or allocate without end — as the first
 * byte of the "file" says: 1 sleeps 5 s, 2 allocates until the heap limit, anything else answers at once.
 */
module.exports.readWorkbook = async function readWorkbook(task) {
  task.started.postMessage('started');
  task.started.close();
  const kind = task.data[0];
  if (kind === 1) await new Promise((resolve) => setTimeout(resolve, 5000));
  if (kind === 2) {
    const hoard = [];
    for (;;) hoard.push(new Array(1_000_000).fill(hoard.length));
  }
  return { ok: true, sheets: [] };
};
