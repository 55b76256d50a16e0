import { ApolloProvider } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import { SolutionInstanceEnabler, type SolutionInstanceEnablerProps } from '../../index.js';
import { SEED_IDS } from '../../mock-tray/seed.js';
import type { StoryContext } from '../types.js';
import { installFakePopup, type FakePopupControl } from './fakePopup.js';
import { StartingTray, useInPageTray, type StoryKnobs } from './inPageTray.js';

/** A step a story plays after mounting: click a button by its name, or post a wizard message. */
export type PlayStep = { click: string } | { wizard: unknown };

export interface ScriptedEnablerProps {
  context: StoryContext;
  /** A seeded instance of the demo user. @default SEED_IDS.instances.disabledComplete */
  solutionInstanceId?: string;
  /** The states come from the mock Tray: its knobs, set before the enabler mounts. */
  knobs?: StoryKnobs;
  popup?: 'fake' | 'blocked';
  play?: PlayStep[];
  props?: Partial<SolutionInstanceEnablerProps>;
}

/** The real SolutionInstanceEnabler on the story's in-page mock Tray, driven into one state. */
export function ScriptedEnabler({ context, solutionInstanceId = SEED_IDS.instances.disabledComplete, knobs, popup, play = [], props }: ScriptedEnablerProps) {
  const tray = useInPageTray({ knobs });
  const box = useRef<HTMLDivElement>(null);
  const fake = useRef<FakePopupControl | null>(null);
  const played = useRef(false);

  useEffect(() => {
    if (popup) fake.current = installFakePopup({ blocked: popup === 'blocked' });
    return () => fake.current?.restore();
  }, [popup]);

  useEffect(() => {
    // Only once the in-page Tray is up (its code loads lazily), so each step's wait below is
    // spent on the enabler, not on loading; StrictMode mounts twice in development, the steps play once.
    if (!tray || played.current) return;
    played.current = true;
    void (async () => {
      for (const step of play) {
        // A wizard message waits for the wizard URL (from the handler) to be in the popup.
        await waitFor(() => ('click' in step ? findButton(box.current, step.click) : fake.current?.isLoaded));
        if ('click' in step) findButton(box.current, step.click)?.click();
        else fake.current?.post(step.wizard);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
  }, [play, tray]);

  if (!tray) return <StartingTray />;
  return (
    <ApolloProvider client={tray.client}>
      <div ref={box}>
        <SolutionInstanceEnabler
          solutionInstanceId={solutionInstanceId}
          getWizardUrl={tray.getWizardUrl}
          onEnabled={(instance) => context.log('onEnabled', instance)}
          onDisabled={(instance) => context.log('onDisabled', instance)}
          onCancel={() => context.log('onCancel')}
          onError={(error) => context.log('onError', { code: error.code, message: error.message })}
          {...props}
        />
      </div>
    </ApolloProvider>
  );
}

function findButton(root: HTMLElement | null, name: string): HTMLButtonElement | undefined {
  return [...(root?.querySelectorAll('button') ?? [])].find((b) => b.textContent === name && !b.disabled);
}

async function waitFor(check: () => unknown, timeoutMs = 3000): Promise<void> {
  const started = Date.now();
  while (!check() && Date.now() - started < timeoutMs) await new Promise((resolve) => setTimeout(resolve, 20));
}
