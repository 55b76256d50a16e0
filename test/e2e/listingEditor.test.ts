import { expect, it } from 'vitest';
import { SEED_SOLUTION_VERSION_ID, seedListing } from '../../src/mock-tray/listing/index';
import { useDemoInBrowser } from './support/fixture';

const t = useDemoInBrowser({ fresh: 'file' });

it('adds a third URL, removes an app, adds truck-trackers 1.0.2, saves: the mock keeps every other element', async () => {
  const before = t.demo.backend.listing!.getVersion(SEED_SOLUTION_VERSION_ID)!;
  const page = await t.browser.newPage();
  const sent: Array<{ method: string; url: string; body: unknown }> = [];
  page.on('request', (request) => {
    if (request.url().includes('/developer/solutions/versions/') && request.method() !== 'GET' && request.method() !== 'OPTIONS') {
      sent.push({ method: request.method(), url: request.url(), body: request.postDataJSON() });
    }
  });
  await page.goto(`${t.demo.url}/#/story/listing-editor`);
  await page.getByLabel('Display name', { exact: true }).waitFor();

  await page.getByRole('button', { name: 'Add URL' }).click();
  await page.getByLabel('URL 3 name', { exact: true }).fill('solution3');
  await page.getByLabel('URL 3 address', { exact: true }).fill('https://example.com/solution3');
  await page.getByRole('button', { name: 'Remove app last-mile-delivery' }).click();
  await page.getByRole('button', { name: 'Add app' }).click();
  const appCount = (before.apps ?? []).length; // one removed, one added: the new app takes the last number
  await page.getByLabel(`App ${appCount} listing ID`, { exact: true }).fill('truck-trackers');
  await page.getByLabel(`App ${appCount} semver`, { exact: true }).fill('1.0.2');

  await page.getByRole('button', { name: 'Review changes' }).click();
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Saved.').waitFor();

  const after = t.demo.backend.listing!.getVersion(SEED_SOLUTION_VERSION_ID)!;
  expect(after.solnUrls).toEqual([...(before.solnUrls ?? []), { name: 'solution3', url: 'https://example.com/solution3' }]);
  // Nothing else lost: every other attribute is as it was.
  for (const key of ['displayName', 'shortDescription', 'longDescription', 'categories', 'supportedCountries', 'systemAppSettings', 'visibility'] as const) {
    expect(after[key]).toEqual(before[key]);
  }
  const appIds = (after.apps ?? []).map((app) => app.listingId);
  expect(appIds).not.toContain('last-mile-delivery');
  expect(appIds).toEqual(expect.arrayContaining([...(before.apps ?? []).map((a) => a.listingId).filter((id) => id !== 'last-mile-delivery'), 'truck-trackers']));
  expect(after.apps?.find((app) => app.listingId === 'truck-trackers')?.semver).toBe('1.0.2');

  // The PATCH carried the whole URL array, and only what changed.
  const patch = sent.find((request) => request.method === 'PATCH');
  expect(patch?.body).toEqual({ solnUrls: after.solnUrls });
  expect(sent.map((request) => request.method)).toEqual(['PATCH', 'PUT', 'DELETE']);
  expect(seedListing().solnUrls).toHaveLength(2);
  await page.close();
});

it('asks before leaving with unsaved edits: staying keeps them, leaving goes', async () => {
  const page = await t.browser.newPage();
  await page.goto(`${t.demo.url}/#/story/listing-editor`);
  const name = page.getByLabel('Display name', { exact: true });
  await name.fill('Last Mile Delivery (edited)');
  await page.getByText('Unsaved changes: yes').waitFor();

  const dialogs: string[] = [];
  page.once('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.getByRole('navigation', { name: 'Stories' }).getByRole('link', { name: 'Custom labels' }).click();
  expect(dialogs).toEqual(['Leave the listing editor? Your changes are not saved.']);
  expect(new URL(page.url()).hash).toBe('#/story/listing-editor');
  expect(await name.inputValue()).toBe('Last Mile Delivery (edited)');

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('navigation', { name: 'Stories' }).getByRole('link', { name: 'Custom labels' }).click();
  await page.waitForURL(/#\/story\/enabler-custom-labels$/);
  await page.close();
});
