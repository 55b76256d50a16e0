import { valueFromASTUntyped } from 'graphql';
import { INSTANCES_PAGE_QUERY } from '../graphql/serverOperations.js';
import type { HandlerContext } from './context.js';
import { isCriteriaIdRejected } from './criteriaId.js';
import { OWN_EDGES, PAGED_VARIABLES, type CriteriaPlan, type LookupPlan } from './criteriaPlan.js';
import { searchInstancePages } from './instancePages.js';
import { TrayHandlerError } from './responses.js';
import type { GraphQLPayload, TrayResult } from './trayClient.js';
import { isRateLimited } from './trayClient.js';
import { forwardResult, pick, reshapedResult } from './trayResults.js';
import { withUserToken } from './userTokens.js';

type Criteria = Record<string, unknown>;

/** A lookup of one instance by id the browser asked for, with the rest of its criteria. */
export interface InstanceLookup {
  id: string;
  rest: Criteria | null;
  plan: LookupPlan;
}

/**
 * The request's criteria, evaluated with its variables: `owner` is refused (Tray documents it for
 * the master token only), and an `id` makes the request a lookup (`answerLookup`).
 */
export function readCriteria(plan: CriteriaPlan, variables: Record<string, unknown> | undefined): InstanceLookup | undefined {
  const values = { ...Object.fromEntries(Object.entries(plan.defaults).map(([key, node]) => [key, valueFromASTUntyped(node)])), ...variables };
  let lookup: InstanceLookup | undefined;
  let lookups = 0;
  for (const node of plan.criteria) {
    const criteria = valueFromASTUntyped(node, values) as unknown;
    if (typeof criteria !== 'object' || criteria === null) continue;
    const { owner, id, ...rest } = criteria as Criteria;
    if (owner !== undefined && owner !== null) {
      throw new TrayHandlerError(
        403,
        'forbidden',
        "criteria.owner is for the partner's console: Tray allows it with the master token only. From the browser, solutionInstances lists the signed-in user's own instances; an admin lists anyone's through …/admin/instances.",
      );
    }
    if (id === undefined || id === null) continue;
    lookups += 1;
    if (typeof id !== 'string') throw new TrayHandlerError(400, 'invalid_request', 'criteria.id must be a string.');
    if (plan.lookup) lookup = { id, rest: Object.keys(rest).length > 0 ? rest : null, plan: plan.lookup };
  }
  if (lookups > 0 && (!lookup || lookups > 1)) {
    throw new TrayHandlerError(400, 'invalid_request', 'Look up one instance by criteria.id per operation: send the other solutionInstances fields in their own operations.');
  }
  return lookup;
}

/**
 * Answers a browser lookup by id with exactly the user's instance of that id, or none, whatever
 * Tray does with `criteria: { id }`: while Tray has honoured it, the browser's document goes as
 * sent (plus the ids to compare); once Tray ignored or rejected it, the handler finds the
 * instance by paging (100 a page) and asks for the browser's fields of that one (`first: 1`
 * after the cursor before it).
 */
export async function answerLookup(
  context: HandlerContext,
  userId: string,
  lookup: InstanceLookup,
  payload: GraphQLPayload,
  signal?: AbortSignal,
): Promise<Response> {
  const send = (query: string, queryJson: string, variables: Record<string, unknown> | undefined) =>
    withUserToken(context.tokens, userId, context.logger, (token) => context.postToTray(token, { ...payload, query, queryJson, variables }, { signal }), signal);

  if (context.criteriaId.worthTrying) {
    const result = await send(lookup.plan.checked, lookup.plan.checkedJson, payload.variables);
    const verdict = judge(result, lookup);
    if (verdict !== 'ignored' && verdict !== 'rejected') {
      if (verdict === 'honoured') context.criteriaId.learn('honoured');
      // The browser's own document went: the answer is already the one it asked for.
      if (lookup.plan.checkedIds !== OWN_EDGES) return forwardResult(result, context.secrets, context.logger);
      return forward(context, result, lookup, (connection) => connection);
    }
    context.criteriaId.learn(verdict);
  }

  // Two tries: the list can shift between finding the instance and reading it.
  for (let attempt = 0; ; attempt += 1) {
    const found = await searchInstancePages(context, userId, { id: lookup.id, query: INSTANCES_PAGE_QUERY, criteria: lookup.rest }, signal);
    const variables: Record<string, unknown> = { ...payload.variables };
    for (const unused of lookup.plan.unusedInPaged) delete variables[unused];
    variables[PAGED_VARIABLES.criteria] = lookup.rest;
    variables[PAGED_VARIABLES.first] = 1;
    variables[PAGED_VARIABLES.after] = found?.cursorBefore ?? null;
    const result = await send(lookup.plan.paged, lookup.plan.pagedJson, variables);
    const shifted = found !== undefined && ownIds(result, lookup, OWN_EDGES).some((id) => id !== lookup.id);
    if (shifted && attempt === 0) continue;
    return forward(context, result, lookup, (connection) => onlyTheMatch(connection, lookup, found !== undefined && !shifted));
  }
}

/** What the answer to the checked document says about Tray's filter. */
function judge(result: TrayResult, lookup: InstanceLookup): 'honoured' | 'ignored' | 'rejected' | 'unknown' {
  if (isCriteriaIdRejected(result)) return 'rejected';
  const ids = ownIds(result, lookup, lookup.plan.checkedIds);
  if (ids.some((id) => id !== lookup.id)) return 'ignored';
  return ids.length > 0 ? 'honoured' : 'unknown';
}

function connections(result: TrayResult, lookup: InstanceLookup): Array<Record<string, unknown>> {
  return lookup.plan.paths
    .map(([viewer, field]) => pick(result.body.data, viewer, field))
    .filter((connection): connection is Record<string, unknown> => typeof connection === 'object' && connection !== null);
}

/** The node ids of the edges under `edgesKey` in each lookup connection of the answer. */
function ownIds(result: TrayResult, lookup: InstanceLookup, edgesKey: string): unknown[] {
  return connections(result, lookup).flatMap((connection) => {
    const edges = connection[edgesKey];
    return Array.isArray(edges) ? edges.map((edge) => pick(edge, 'node', 'id')) : [];
  });
}

/** The paged answer's connection as a lookup's: the one edge when it is the match, else none. */
function onlyTheMatch(connection: Record<string, unknown>, lookup: InstanceLookup, matched: boolean): Record<string, unknown> {
  const next: Record<string, unknown> = { ...connection };
  const count = matched ? 1 : 0;
  for (const key of lookup.plan.keys.edges) if (Array.isArray(next[key])) next[key] = (next[key] as unknown[]).slice(0, count);
  for (const key of lookup.plan.keys.totalCount) if (key in next) next[key] = count;
  for (const key of lookup.plan.keys.pageInfo) {
    const pageInfo = next[key];
    if (typeof pageInfo !== 'object' || pageInfo === null) continue;
    const fixed: Record<string, unknown> = { ...pageInfo };
    if ('hasNextPage' in fixed) fixed['hasNextPage'] = false;
    if ('hasPreviousPage' in fixed) fixed['hasPreviousPage'] = false;
    next[key] = fixed;
  }
  return next;
}

/** Tray's answer with each lookup connection changed by `change` and the handler's own edges removed. */
function forward(context: HandlerContext, result: TrayResult, lookup: InstanceLookup, change: (connection: Record<string, unknown>) => Record<string, unknown>): Response {
  if (isRateLimited(result) || typeof result.body.data !== 'object' || result.body.data === null) return forwardResult(result, context.secrets, context.logger);
  // Copies along the paths changed only: the rest of Tray's answer is shared, not cloned.
  const data: Record<string, unknown> = { ...(result.body.data as Record<string, unknown>) };
  for (const [viewer, field] of lookup.plan.paths) {
    const parent = data[viewer];
    const connection = pick(parent, field);
    if (typeof connection !== 'object' || connection === null) continue;
    const { [OWN_EDGES]: _own, ...rest } = change(connection as Record<string, unknown>);
    data[viewer] = { ...(parent as Record<string, unknown>), [field]: rest };
  }
  return forwardResult(reshapedResult(result, { ...result.body, data }), context.secrets, context.logger);
}
