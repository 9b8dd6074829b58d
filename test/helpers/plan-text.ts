import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlanId } from '../../src/core/catalog/indicator-schema';

/** The full text of both plans, as shipped in seeds/. */
export const PLAN_TEXT = readFileSync(join(__dirname, '..', '..', 'seeds', 'plans-source.txt'), 'utf8');

// The children's plan starts at its (mislabeled) title line followed by its own preface.
const CHILDREN_START = PLAN_TEXT.indexOf('\n 新平妇女发展规划（2021—2030年）\n\n序  言\n\n儿童');

/** The text of one plan. */
export function planText(plan: PlanId): string {
  if (CHILDREN_START < 0) throw new Error('cannot find where the children\'s plan starts');
  return plan === 'women' ? PLAN_TEXT.slice(0, CHILDREN_START) : PLAN_TEXT.slice(CHILDREN_START);
}
