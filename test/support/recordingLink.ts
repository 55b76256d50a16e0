import { ApolloLink } from '@apollo/client';
import { Observable } from 'rxjs';

/** What a fake server answers: a GraphQL result, or an Error for a failure to reach it. */
export type Reply = { data?: unknown; errors?: unknown[] } | Error;

export interface RecordedCall {
  operationName: string;
  variables: Record<string, any>;
}

/**
 * An Apollo link for fake servers in tests: records every operation (a copy of its
 * variables), waits for `before(call)` (a test may hold a request), then answers it.
 */
export function createRecordingLink(
  answer: (call: RecordedCall) => Reply,
  before: (call: RecordedCall) => Promise<void> = () => Promise.resolve(),
) {
  const calls: RecordedCall[] = [];
  const link = new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        const call = { operationName: operation.operationName ?? '', variables: structuredClone(operation.variables) };
        calls.push(call);
        void before(call).then(() => {
          const reply = answer(call);
          if (reply instanceof Error) observer.error(reply);
          else {
            observer.next(reply as never);
            observer.complete();
          }
        });
      }),
  );
  return { link, calls };
}
