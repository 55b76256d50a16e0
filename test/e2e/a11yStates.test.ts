import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { useDemoInBrowser } from './support/fixture';
import { openStory, type OpenStoryOptions } from './support/story';

/**
 * axe in the states a person reaches by using a story (stories.test.ts checks each story as it
 * opens): inline validation errors, the review step, open inline forms, refusals. Real layout,
 * so colour contrast is checked too, in both themes.
 */
const t = useDemoInBrowser({ fresh: 'file' });
const SCREENSHOTS = 'test/e2e/__screenshots__';
beforeAll(() => void mkdirSync(SCREENSHOTS, { recursive: true }));

interface State {
  /** Also names its screenshots. */
  slug: string;
  name: string;
  story: string;
  before?: OpenStoryOptions['before'];
  /** Console errors the state causes on purpose (Chromium logs every refused request). */
  expectedErrors?: RegExp;
  /** Brings the story's page into the state, and returns once it is shown. */
  reach: (page: Page) => Promise<void>;
}

const integrationRow = (page: Page, name: string) =>
  page.getByRole('list', { name: 'My integrations' }).getByRole('listitem', { name, exact: true });

const states: State[] = [
  {
    slug: 'listing-errors',
    name: 'listing editor with an inline validation error',
    story: 'listing-editor',
    reach: async (page) => {
      await page.getByRole('button', { name: 'Add URL' }).click();
      await page.getByLabel('URL 3 address', { exact: true }).fill('not a url');
      await page.getByRole('button', { name: 'Review changes' }).click();
      await page.getByRole('alert').first().waitFor();
      expect(await page.getByLabel('URL 3 address', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    },
  },
  {
    slug: 'listing-review',
    name: 'listing editor review step',
    story: 'listing-editor',
    reach: async (page) => {
      await page.getByLabel('Display name', { exact: true }).fill('Last Mile Delivery!');
      await page.getByRole('button', { name: 'Review changes' }).click();
      await page.getByRole('region', { name: 'Review changes' }).waitFor();
    },
  },
  {
    slug: 'integrations-rename-remove',
    name: 'my integrations with the rename form and a remove confirmation open',
    story: 'marketplace-my-integrations',
    reach: async (page) => {
      await integrationRow(page, 'Warehouse export').getByRole('button', { name: 'Rename' }).click();
      await page.getByRole('textbox', { name: 'New name' }).waitFor();
      await integrationRow(page, 'Salesforce CRM sync').getByRole('button', { name: 'Remove' }).click();
      await integrationRow(page, 'Salesforce CRM sync').getByRole('button', { name: 'Yes, remove' }).waitFor();
    },
  },
  {
    slug: 'catalog-add-error',
    name: 'catalog with an add-flow error: the wizard failed after the instance was created',
    story: 'marketplace-catalog',
    reach: async (page) => {
      const card = page.getByRole('list', { name: 'Solutions' }).getByRole('listitem', { name: 'Warehouse export (CSV to S3)', exact: true });
      const [popup] = await Promise.all([page.waitForEvent('popup'), card.getByRole('button', { name: 'Add Warehouse export (CSV to S3)' }).click()]);
      await popup.getByRole('link', { name: 'Simulate wizard error' }).click();
      const alert = page.getByRole('alert').filter({ hasText: 'is not set up yet' });
      await alert.getByRole('button', { name: 'Remove it' }).waitFor();
      await alert.getByRole('button', { name: 'Keep it for later' }).waitFor();
      if (!popup.isClosed()) await popup.close();
    },
  },
  {
    slug: 'wizard-dialog',
    name: 'the wizard open in the page’s dialog (presentation="dialog")',
    story: 'enabler-dialog',
    reach: async (page) => {
      await page.getByRole('button', { name: 'Configure' }).click();
      await page.getByRole('dialog', { name: 'Set up integration' }).waitFor();
      await page.frameLocator('iframe[title="Set up integration"]').locator('#form:not([hidden])').waitFor();
    },
  },
  {
    slug: 'reconnect-dialog',
    name: 'Reconnect’s auth-only dialog open in the page',
    story: 'marketplace-reconnect',
    reach: async (page) => {
      await integrationRow(page, 'Slack alerts').getByRole('button', { name: 'Reconnect Slack workspace' }).click();
      await page.getByRole('dialog', { name: 'Reconnect Slack workspace' }).waitFor();
      await page.frameLocator('iframe[title="Reconnect Slack workspace"]').getByRole('button', { name: 'Reconnect Slack' }).waitFor();
    },
  },
  {
    slug: 'console-forbidden',
    name: 'instance console refused (403: not an admin)',
    story: 'marketplace-console',
    // The demo's one user is an admin; this is the handler's answer to anyone else.
    before: async (page) => {
      await page.route('**/api/tray/admin/**', (route) =>
        route.fulfill({ status: 403, contentType: 'application/json', body: JSON.stringify({ error: { code: 'forbidden', message: 'This route is for administrators only.' } }) }),
      );
    },
    expectedErrors: /status of 403/,
    reach: async (page) => {
      await page.getByRole('alert').filter({ hasText: 'You need admin rights' }).waitFor();
    },
  },
];

describe.each(['light', 'dark'] as const)('axe in interactive states, %s theme', (theme) => {
  for (const { slug, name, story, before, reach, expectedErrors } of states) {
    it(`${name}: zero violations; screenshot saved`, async () => {
      const { page, errors } = await openStory(t, story, { theme, before });
      await reach(page);
      await page.screenshot({ path: `${SCREENSHOTS}/state-${slug}-${theme}.png`, fullPage: true });
      expect(await axeViolations(page)).toEqual([]);
      expect(errors.filter((error) => !expectedErrors?.test(error))).toEqual([]);
    });
  }
});
