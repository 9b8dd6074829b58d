/**
 * What other views may reuse from 检查 (the Submit view's pre-flight): the findings of a check in the four
 * groups, their list, and the runner. The view itself (CheckView) is loaded on demand by the shell.
 */
export {
  FINDING_GROUPS,
  checkFindings,
  collectFindings,
  findingGroupOf,
  groupFindings,
  inLanguage,
  type BilingualText,
  type Finding,
  type FindingGroup,
  type GroupedFindings,
} from './findings';
export { FindingGroups, type FindingGroupsProps } from './FindingGroups';
export { CheckRunner, RECHECK_DELAY_MS, INITIAL_CHECK_STATE, type CheckResult, type CheckRunnerOptions, type CheckRunnerState, type LiveState, type Schedule } from './check-runner';
