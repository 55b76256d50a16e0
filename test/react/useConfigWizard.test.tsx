import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, expect, it, vi } from 'vitest';
import { useConfigWizard } from '../../src';
import { WIZARD_URL, createFakePopup, postFromWizard, stubWindowOpen, type FakePopup } from '../support/fakePopup';

let popup: FakePopup;
beforeEach(() => {
  popup = createFakePopup();
  stubWindowOpen(popup);
});

/** A partner's own button, using the hook alone (no Apollo, none of our components). */
function CustomButton({ onFinish, onCancel }: { onFinish: () => void; onCancel: () => void }) {
  const wizard = useConfigWizard({ getWizardUrl: async () => WIZARD_URL, onFinish, onCancel });
  return (
    <>
      <button onClick={wizard.open}>Connect Slack</button>
      <p>state: {wizard.state.status}</p>
    </>
  );
}

it('works headless, and the latest callbacks are used without re-attaching listeners', async () => {
  const first = vi.fn();
  const second = vi.fn();
  const added = vi.spyOn(window, 'addEventListener');
  const { rerender } = render(<CustomButton onFinish={first} onCancel={() => {}} />);
  await userEvent.click(screen.getByRole('button', { name: 'Connect Slack' }));
  expect(await screen.findByText('state: open')).toBeInTheDocument();
  rerender(<CustomButton onFinish={second} onCancel={() => {}} />);
  rerender(<CustomButton onFinish={second} onCancel={() => {}} />);
  expect(added.mock.calls.filter(([type]) => type === 'message')).toHaveLength(1);
  act(() => postFromWizard({ type: 'tray.configPopup.finish' }, { source: popup }));
  expect(screen.getByText('state: finished')).toBeInTheDocument();
  expect(first).not.toHaveBeenCalled();
  expect(second).toHaveBeenCalledTimes(1);
});

it('two widgets on one page never finish each other', async () => {
  const popups = [createFakePopup(), createFakePopup()];
  vi.mocked(window.open).mockImplementationOnce(() => popups[0] as unknown as Window).mockImplementationOnce(() => popups[1] as unknown as Window);
  const finishes = [vi.fn(), vi.fn()];
  render(
    <>
      <CustomButton onFinish={finishes[0]!} onCancel={() => {}} />
      <CustomButton onFinish={finishes[1]!} onCancel={() => {}} />
    </>,
  );
  const [a, b] = screen.getAllByRole('button', { name: 'Connect Slack' });
  await userEvent.click(a!);
  await userEvent.click(b!);
  expect(await screen.findAllByText('state: open')).toHaveLength(2);
  expect(vi.mocked(window.open).mock.calls.map((call) => call[1])).toEqual(['_blank', '_blank']);
  act(() => postFromWizard({ type: 'tray.configPopup.finish' }, { source: popups[1] }));
  expect(finishes[0]).not.toHaveBeenCalled();
  expect(finishes[1]).toHaveBeenCalledTimes(1);
});
