import { ApolloProvider } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { SolutionInstanceEnabler, type SolutionInstanceEnablerProps } from '../../index.js';
import type { StoryContext } from '../types.js';
import { whenShown } from '../whenShown.js';
import { createScriptedClient, type MutationScript } from './scriptedClient.js';
import { installFakePopup, SCRIPTED_WIZARD_URL, type FakePopupControl } from './fakePopup.js';

/** A step a story plays after mounting: click a button by its name, or post a wizard message. */
export type PlayStep = { click: string } | { wizard: unknown };

export interface ScriptedEnablerProps {
  context: StoryContext;
  enabled?: boolean;
  mutation?: MutationScript;
  popup?: 'fake' | 'blocked';
  play?: PlayStep[];
  /** Text the enabler's status or alert shows once the steps have played: the story is ready then. */
  shows: string;
  props?: Partial<SolutionInstanceEnablerProps>;
}

/** The real SolutionInstanceEnabler on a scripted server, driven into one state. */
export function ScriptedEnabler({ context, enabled = false, mutation = 'ok', popup, play = [], shows, props }: ScriptedEnablerProps) {
  const [client] = useState(() => createScriptedClient({ id: 'si-demo', name: 'Slack alerts', enabled }, mutation));
  const box = useRef<HTMLDivElement>(null);
  const fake = useRef<FakePopupControl | null>(null);
  const played = useRef(false);

  useEffect(() => {
    if (popup) fake.current = installFakePopup({ blocked: popup === 'blocked' });
    return () => fake.current?.restore();
  }, [popup]);

  useEffect(() => {
    // StrictMode mounts twice in development; the steps play once.
    if (played.current) return;
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
  }, [play, shows, context]);

  return (
    <ApolloProvider client={client}>
      <div ref={box}>
        <SolutionInstanceEnabler
          solutionInstanceId="si-demo"
          getWizardUrl={() => SCRIPTED_WIZARD_URL}
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
  return [...root.querySelectorAll('button')].find((b) => b.textContent === name && !b.disabled);
}

/** What the enabler says: its status and alert regions' text. */
function announced(root: HTMLElement): string {
  return [...root.querySelectorAll('[role="status"], [role="alert"]')].map((region) => region.textContent).join(' ');
}
