import type { PlanId } from '../../../src/core/catalog/indicator-schema';
import { planText } from '../../helpers/plan-text';

/**
 * Where a plan's goals and measures start and where the annual requirements of its implementation section
 * (组织实施（一）（二）) end: the part of the text whose targets the catalog must hold. Shared by the
 * coverage tests of numbers (catalog-coverage.test.ts) and of commitments in words
 * (catalog-commitments.test.ts).
 */
export const REGIONS: Record<PlanId, { from: string; to: string }> = {
  women: { from: '1．妇女全生命周期享有良好的卫生健康服务', to: '（三）提高实施规划的能力和水平' },
  children: { from: '二、发展领域、主要目标和策略措施', to: '（三）提高规划实施的能力和水平' },
};

/** The start and end offsets of a plan's region in its text (`planText(plan)`). */
export function regionOf(plan: PlanId): { start: number; end: number } {
  const text = planText(plan);
  const start = text.indexOf(REGIONS[plan].from);
  const end = text.indexOf(REGIONS[plan].to);
  if (start < 0 || end < 0) throw new Error(`cannot find the goals and measures of the ${plan} plan`);
  return { start, end };
}
