/**
 * What other views may reuse from 检查: the findings of a check as the pane names and lays them out, their
 * list, and the runner. The view itself (CheckView) is loaded on demand by the shell.
 */
export {
  FINDING_GROUPS,
  GROUPINGS,
  checkFindings,
  inLanguage,
  nextProblemCell,
  type BilingualText,
  type CheckSummary,
  type Finding,
  type FindingGroup,
  type FindingRow,
  type FindingSection,
  type FindingText,
  type Grouping,
} from './findings';
export { FindingGroups, type FindingGroupsProps } from './FindingGroups';
export { CheckRunner, RECHECK_DELAY_MS, INITIAL_CHECK_STATE, type CheckResult, type CheckRunnerOptions, type CheckRunnerState, type LiveState, type Schedule } from './check-runner';
