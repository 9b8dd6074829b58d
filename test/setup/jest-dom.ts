// DOM matchers (toBeInTheDocument, toHaveAccessibleName …) for the task pane's component tests.
import '@testing-library/jest-dom/jest-globals';
