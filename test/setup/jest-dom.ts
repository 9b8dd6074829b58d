// DOM matchers (toBeInTheDocument, toHaveAccessibleName …) for the task pane's component tests.
import '@testing-library/jest-dom/jest-globals';
import { configure } from '@testing-library/dom';

// findBy…/waitFor wait up to 5 s (the library's default is 1 s): on the 2-core CI machine running the whole
// suite, a live re-check (debounced, then a workbook read) can take longer than 1 s; a condition that never
// holds still fails, only later.
configure({ asyncUtilTimeout: 5000 });
