import { describe, expect, it } from 'vitest';
import { defaultLabels, defaultWizardLabels, enablerDefaultLabels } from '../../src/react/labels';
import { defaultCatalogLabels } from '../../src/react/marketplace/catalogLabels';

describe('default labels', () => {
  it('the public defaults keep the in-page dialog’s texts, though the enabler leaves them to the dialog', () => {
    const dialogTexts = { dialogTitle: 'Set up integration', closeDialog: 'Close', dialogLoading: 'Loading the setup page…' };
    const notResponding = 'The setup window is not responding.';
    expect(defaultWizardLabels).toEqual({ ...dialogTexts, notResponding });
    expect(defaultLabels).toEqual({ ...enablerDefaultLabels, ...dialogTexts });
    expect(defaultCatalogLabels).toMatchObject({ ...dialogTexts, notResponding });
    // What the enabler starts from: the hint (shown beside a popup too), none of the dialog's own texts.
    expect(enablerDefaultLabels.notResponding).toBe(notResponding);
    for (const key of Object.keys(dialogTexts)) expect(enablerDefaultLabels).not.toHaveProperty(key);
  });
});
