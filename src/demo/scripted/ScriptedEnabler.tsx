import { ApolloProvider } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import { SolutionInstanceEnabler, type SolutionInstanceEnablerProps } from '../../index.js';
import { SEED_IDS } from '../../mock-tray/seed.js';
import type { StoryContext } from '../types.js';
import { whenShown } from '../whenShown.js';
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
  /** Text the enabler's status or alert shows once the steps have played: the story is ready then. */
  shows: string;
  props?: Partial<SolutionInstanceEnablerProps>;
}

/** The real SolutionInstanceEnabler on the story's in-page mock Tray, driven into one state. */
export function ScriptedEnabler({ context, solutionInstanceId = SEED_IDS.instances.disabledComplete, knobs, popup, play = [], shows, props }: ScriptedEnablerProps) {
  const tray = useInPageTray({ knobs });
  const box = useRef<HTMLDivElement>(null);
  const fake = useRef<FakePopupControl | null>(null);
  const played = useRef(false);

  useEffect(() => {
    if (popup) fake.current = installFakePopup({ blocked: popup === 'blocked' });
    return () => fake.current?.restore();
  }, [popup]);

  useEffect(() => {
    // Only once the in-page Tray is up (its code loads lazily); StrictMode mounts twice in
    // development, the steps play once.
    if (!tray || played.current) return;
    played.current = true;
    const root = box.current!;
    void (async () => {
      // Each step waits for what it needs (its button, or the wizard listening), never a timer.
      for (const step of play) {
        if ('click' in step) {
          await whenShown(root, () => findButton(root, step.click) !== undefined);
          findButton(root, step.click)!.click();
        } else {
          await fake.current!.whenWizardOpen();
          fake.current!.post(step.wizard);
        }
      }
      await whenShown(root, () => announced(root).includes(shows));
      context.ready();
    })();
  }, [play, shows, context, tray]);

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

function findButton(root: HTMLElement, name: string): HTMLButtonElement | undefined {
  return [...root.querySelectorAll('button')].find((b) => b.textContent === name && !b.disabled && b.getAttribute('aria-disabled') !== 'true');
}

/** What the enabler says: its status and alert regions' text. */
function announced(root: HTMLElement): string {
  return [...root.querySelectorAll('[role="status"], [role="alert"]')].map((region) => region.textContent).join(' ');
}
