import type { Locator } from 'playwright-core';

/** Waits until the element is visible (Playwright's own wait); fails naming the locator. */
export async function shown(locator: Locator, timeout = 15_000): Promise<Locator> {
  await locator.first().waitFor({ state: 'visible', timeout });
  return locator;
}

/** Waits until the element is gone or hidden. */
export async function gone(locator: Locator, timeout = 15_000): Promise<void> {
  await locator.first().waitFor({ state: 'hidden', timeout });
}

/**
 * Retries an assertion until it passes (the page updates asynchronously: a debounced re-check, a retry
 * with backoff); after `timeout` the last failure is thrown as it is, so the message is jest's.
 */
export async function eventually(assertion: () => unknown, timeout = 15_000, interval = 100): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      await assertion();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, interval));
    }
  }
}
