import { ApolloProvider } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import { SolutionInstanceEnabler, type SolutionInstanceEnablerProps } from '../../index.js';
import { SEED_IDS } from '../../mock-tray/seed.js';
import { installFakePopup } from '../scripted/fakePopup.js';
import type { Story, StoryContext } from '../types.js';
import { whenShown } from '../whenShown.js';

const { instances } = SEED_IDS;

interface LiveEnablerProps {
  context: StoryContext;
  solutionInstanceId: string;
  /** The browser blocks every popup while the story is shown (`window.open` returns null). */
  blockPopups?: boolean;
  /** Text the enabler shows once the story's state is reached (after a Configure click when popups are blocked). @default its status, loaded */
  shows?: string;
  props?: Partial<SolutionInstanceEnablerProps>;
}

/** One real enabler on the live backend (the mock Tray's wizard on its own origin). */
function LiveEnabler({ context, solutionInstanceId, blockPopups = false, shows, props }: LiveEnablerProps) {
  const box = useRef<HTMLDivElement>(null);
  const played = useRef(false);
  useEffect(() => {
    if (!blockPopups) return;
    const blocker = installFakePopup({ blocked: true });
    return blocker.restore;
  }, [blockPopups]);
  useEffect(() => {
    // StrictMode mounts twice in development: the steps play once.
    if (played.current) return;
    played.current = true;
    const root = box.current!;
    const text = () => root.textContent ?? '';
    void (async () => {
      await whenShown(root, () => /Enabled|Disabled/.test(text()));
      if (blockPopups) [...root.querySelectorAll('button')].find((button) => button.textContent === 'Configure')?.click();
      if (shows) await whenShown(root, () => text().includes(shows));
      context.ready();
    })();
  }, [blockPopups, shows, context]);
  return (
    <ApolloProvider client={context.liveClient}>
      <div ref={box} data-instance={solutionInstanceId}>
        <SolutionInstanceEnabler
          solutionInstanceId={solutionInstanceId}
          onEnabled={(instance) => context.log('onEnabled', instance)}
          onCancel={() => context.log('onCancel')}
          onError={(error) => context.log('onError', { code: error.code, message: error.message })}
          {...props}
        />
      </div>
    </ApolloProvider>
  );
}

/** The wizard inside the page: the dialog, and the way out of a blocked popup. */
export const dialogStories: Story[] = [
  {
    id: 'enabler-dialog',
    title: 'Wizard in the page',
    group: 'Wizard in the page',
    description:
      'presentation="dialog": Configure shows Tray’s wizard in a modal dialog with an iframe, no popup. Escape or Close ends it unfinished; finishing enables once with both flags. Its Slack step opens the provider’s consent page in a popup, as OAuth does.',
    props: { solutionInstanceId: instances.disabledMissingValues, presentation: 'dialog' },
    live: true,
    render: (context) => <LiveEnabler context={context} solutionInstanceId={instances.disabledMissingValues} props={{ presentation: 'dialog' }} />,
  },
  {
    id: 'enabler-open-here',
    title: 'Popup blocked → Open here',
    group: 'Wizard in the page',
    description:
      'This page blocks pop-ups, so Configure fails as it would for a new user; the alert offers Open here, which shows the same wizard in the page. It no longer suggests Enable.',
    props: { solutionInstanceId: instances.disabledComplete },
    live: true,
    render: (context) => <LiveEnabler context={context} solutionInstanceId={instances.disabledComplete} blockPopups shows="Open here" />,
  },
];
