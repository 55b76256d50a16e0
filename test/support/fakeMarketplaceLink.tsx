import { ApolloClient, InMemoryCache } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { createRecordingLink, type Reply } from './recordingLink';

export interface FakeSolution {
  id: string;
  title: string;
  description: string | null;
  tags: string[];
}

export interface FakeMarketplaceInstance {
  id: string;
  name: string;
  enabled: boolean;
  created: string;
  solutionId: string;
  /** Enabling with errorOnEnablingWithMissingValues is refused while true. */
  missingValues?: boolean;
  hasNewerVersion?: boolean;
  requiresUserInput?: boolean;
}


export const solution = (id: string, title: string, tags: string[] = [], description: string | null = `About ${title}`): FakeSolution => ({ id, title, description, tags });

export const instance = (id: string, name: string, extra: Partial<FakeMarketplaceInstance> = {}): FakeMarketplaceInstance => ({
  id, name, enabled: false, created: '2025-01-06T09:15:00.000Z', solutionId: 'sol-1', ...extra,
});

/**
 * Our server handler in front of Tray, in memory, for the marketplace operations: paginates by
 * cursor (the node id), applies mutations, records every operation, and can be told to fail,
 * hold, or apply-then-fail (the server changed, the answer got lost) the next operation of a name.
 */
export function createFakeMarketplace(options: { solutions?: FakeSolution[]; instances?: FakeMarketplaceInstance[] } = {}) {
  const solutions = options.solutions ?? [solution('sol-1', 'Salesforce CRM sync', ['crm'])];
  const instances = [...(options.instances ?? [])];
  const failures = new Map<string, Array<{ reply: Reply; apply: boolean }>>();
  const holds = new Map<string, Promise<void>>();
  let created = 0;

  const titleOf = (id: string) => solutions.find((s) => s.id === id)?.title ?? id;
  const node = (i: FakeMarketplaceInstance) => ({
    __typename: 'SolutionInstance', id: i.id, name: i.name, enabled: i.enabled, created: i.created,
    solution: { __typename: 'Solution', id: i.solutionId, title: titleOf(i.solutionId) },
    solutionVersionFlags: {
      __typename: 'SolutionVersionFlags', hasNewerVersion: Boolean(i.hasNewerVersion),
      requiresUserInputToUpdateVersion: Boolean(i.requiresUserInput), requiresSystemInputToUpdateVersion: false,
    },
  });
  const page = <T extends { id: string }>(items: T[], v: Record<string, any>, typename: string, present: (item: T) => unknown) => {
    const start = v.after ? items.findIndex((item) => item.id === v.after) + 1 : 0;
    const slice = items.slice(start, v.first ? start + v.first : undefined);
    return {
      __typename: typename,
      edges: slice.map((item) => ({ __typename: `${typename.replace('Connection', '')}Edge`, node: present(item), cursor: item.id })),
      pageInfo: { __typename: 'PageInfo', endCursor: slice.at(-1)?.id ?? null, hasNextPage: start + slice.length < items.length },
      ...(typename === 'SolutionInstanceConnection' ? { totalCount: items.length } : {}),
    };
  };
  const find = (id: string) => instances.find((i) => i.id === id);
  const payload = (field: string, i: FakeMarketplaceInstance) => ({ data: { [field]: { __typename: 'Payload', solutionInstance: node(i) } } });
  const notFound = { data: null, errors: [{ message: 'No such solution instance', extensions: { code: 'NOT_FOUND' } }] };

  const apply = (name: string, v: Record<string, any>): Reply => {
    const input = v.input;
    switch (name) {
      case 'MarketplaceSolutions': {
        const tags: string[] = v.tags ?? [];
        const matching = solutions.filter((s) => tags.every((t) => s.tags.includes(t)));
        return { data: { viewer: { __typename: 'Viewer', solutions: page(matching, v, 'SolutionConnection', (s) => ({ __typename: 'Solution', ...s })) } } };
      }
      case 'MarketplaceSolutionInstances':
        return { data: { viewer: { __typename: 'Viewer', solutionInstances: page(instances, v, 'SolutionInstanceConnection', node) } } };
      case 'MarketplaceCreateSolutionInstance': {
        const made = instance(`si-new-${++created}`, input.instanceName, { solutionId: input.solutionId, created: '2026-01-01T00:00:00.000Z' });
        instances.push(made);
        return payload('createSolutionInstance', made);
      }
      case 'MarketplaceUpdateSolutionInstance': {
        const target = find(input.solutionInstanceId);
        if (!target) return notFound;
        if (input.enabled && input.errorOnEnablingWithMissingValues && target.missingValues) {
          return { data: null, errors: [{ message: 'Cannot enable: required config values are missing: Channel', extensions: { code: 'MISSING_VALUES' } }] };
        }
        if (typeof input.enabled === 'boolean') target.enabled = input.enabled;
        if (typeof input.instanceName === 'string') target.name = input.instanceName;
        return payload('updateSolutionInstance', target);
      }
      case 'MarketplaceUpgradeSolutionInstance': {
        const target = find(input.solutionInstanceId);
        if (!target) return notFound;
        target.hasNewerVersion = false;
        target.requiresUserInput = false;
        return payload('upgradeSolutionInstance', target);
      }
      case 'MarketplaceRemoveSolutionInstance': {
        const index = instances.findIndex((i) => i.id === input.solutionInstanceId);
        if (index === -1) return notFound;
        instances.splice(index, 1);
        return { data: { removeSolutionInstance: { __typename: 'RemoveSolutionInstancePayload', clientMutationId: null } } };
      }
      default:
        return new Error(`fake marketplace: unexpected operation ${name}`);
    }
  };

  const answer = (name: string, v: Record<string, any>): Reply => {
    const failure = failures.get(name)?.shift();
    if (!failure) return apply(name, v);
    if (failure.apply) apply(name, v);
    return failure.reply;
  };

  const { link, calls } = createRecordingLink(
    (call) => answer(call.operationName, call.variables),
    (call) => holds.get(call.operationName) ?? Promise.resolve(),
  );

  const client = new ApolloClient({ link, cache: new InMemoryCache() });
  return {
    solutions,
    instances,
    calls,
    client,
    find,
    callsTo: (name: string) => calls.filter((c) => c.operationName === name),
    /** The next `name` operation answers `reply`; with `apply`, the server changes first (a lost answer). */
    failNext: (name: string, reply: Reply, { apply = false } = {}) => {
      failures.set(name, [...(failures.get(name) ?? []), { reply, apply }]);
    },
    /** Holds every `name` operation until the returned function is called. */
    hold: (name: string) => {
      let release!: () => void;
      holds.set(name, new Promise<void>((resolve) => (release = resolve)));
      return () => {
        holds.delete(name);
        release();
      };
    },
    wrapper: ({ children }: { children: ReactNode }) => <ApolloProvider client={client}>{children}</ApolloProvider>,
  };
}

export type FakeMarketplace = ReturnType<typeof createFakeMarketplace>;

export const MISSING_VALUES_ERROR = { data: null, errors: [{ message: 'required config values are missing', extensions: { code: 'MISSING_VALUES' } }] };
