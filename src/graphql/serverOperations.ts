// The documents our server handler (src/server) sends to Tray on its own behalf, never on the
// browser's. Plain strings, not `gql` documents: the server entry must not need @apollo/client,
// and Tray takes the text as it is. test/graphql/serverOperations.test.ts validates every
// export of this file against the schema subset in ./schema.ts.

/** Sent by the handler with the master token: mints a user token for `userId` (cached per user). */
export const AUTHORIZE_MUTATION = /* GraphQL */ `
  mutation TrayHandlerAuthorize($input: AuthorizeInput!) {
    authorize(input: $input) { accessToken }
  }
`;

// Only the master token can list every user's instances (Tray lets it filter by `owner`).
/** Sent by `POST …/admin/instances` (admins only) with the master token: any user's instances. */
export const ADMIN_INSTANCES_QUERY = /* GraphQL */ `
  query TrayHandlerAdminInstances($criteria: SolutionInstanceSearchCriteria, $first: Int, $after: String) {
    viewer {
      solutionInstances(criteria: $criteria, first: $first, after: $after) {
        edges { node { id name enabled created owner solution { id title } } cursor }
        pageInfo { endCursor hasNextPage }
        totalCount
      }
    }
  }
`;

// The master token cannot update instances, so an admin's change runs as the instance's owner.
/** Sent by `POST …/admin/set-enabled` (admins only) with the instance owner's user token. */
export const SET_ENABLED_MUTATION = /* GraphQL */ `
  mutation TrayHandlerAdminSetEnabled($input: UpdateSolutionInstanceInput!) {
    updateSolutionInstance(input: $input) {
      solutionInstance { id name enabled created owner solution { id title } }
    }
  }
`;

// Asked with the user's own token, so Tray only finds instances that user owns.
// `$id: String!`, not `ID!`: the criteria field is a String in Tray's schema. Whether Tray
// honours that filter is unconfirmed: the handler compares ids, and pages through the user's
// instances with the *_PAGE_QUERY documents once Tray has ignored or rejected it.
/** Sent by `POST …/wizard-url` with the signed-in user's token: is this instance theirs? */
export const OWNED_INSTANCE_QUERY = /* GraphQL */ `
  query TrayHandlerOwnedInstance($id: String!) {
    viewer { solutionInstances(criteria: { id: $id }) { edges { node { id } } } }
  }
`;

/** The user's instances a page at a time (their token), to find one by id without `criteria: { id }`. */
export const INSTANCES_PAGE_QUERY = /* GraphQL */ `
  query TrayHandlerInstancesPage($criteria: SolutionInstanceSearchCriteria, $first: Int!, $after: String) {
    viewer { solutionInstances(criteria: $criteria, first: $first, after: $after) { edges { node { id } cursor } pageInfo { endCursor hasNextPage } } }
  }
`;

/** As INSTANCES_PAGE_QUERY, with each instance's auth values (for `POST …/auth-url`). */
export const INSTANCES_AUTH_VALUES_PAGE_QUERY = /* GraphQL */ `
  query TrayHandlerInstancesAuthValuesPage($criteria: SolutionInstanceSearchCriteria, $first: Int!, $after: String) {
    viewer { solutionInstances(criteria: $criteria, first: $first, after: $after) { edges { node { id authValues { externalId authId } } cursor } pageInfo { endCursor hasNextPage } } }
  }
`;

/** Sent by `POST …/wizard-url` with the master token: a fresh single-use code for the wizard URL. */
export const AUTHORIZATION_CODE_MUTATION = /* GraphQL */ `
  mutation TrayHandlerAuthorizationCode($input: GenerateAuthorizationCodeInput!) {
    generateAuthorizationCode(input: $input) { authorizationCode }
  }
`;

// As OWNED_INSTANCE_QUERY, with the instance's auth values: repairing an authentication is
// allowed only for one this instance uses.
/** Sent by `POST …/auth-url` with the signed-in user's token: is this instance theirs, and which authentications does it use? */
export const OWNED_INSTANCE_AUTH_VALUES_QUERY = /* GraphQL */ `
  query TrayHandlerOwnedInstanceAuthValues($id: String!) {
    viewer { solutionInstances(criteria: { id: $id }) { edges { node { id authValues { externalId authId } } } } }
  }
`;

// As OWNED_INSTANCE_QUERY, with what a partner's beforeEnable checks: the solution's custom
// fields, the values the wizard saved and the authentications chosen.
/** Sent before an enable, when `beforeEnable` is set, with the instance owner's token. */
export const HOOK_INSTANCE_QUERY = /* GraphQL */ `
  query TrayHandlerHookInstance($id: String!) {
    viewer {
      solutionInstances(criteria: { id: $id }) {
        edges { node { id name enabled owner solution { id title customFields { key value } } configValues { externalId value } authValues { externalId authId } } }
      }
    }
  }
`;

/** As INSTANCES_PAGE_QUERY, with what HOOK_INSTANCE_QUERY reads (Tray ignored or rejected `criteria: { id }`). */
export const HOOK_INSTANCES_PAGE_QUERY = /* GraphQL */ `
  query TrayHandlerHookInstancesPage($criteria: SolutionInstanceSearchCriteria, $first: Int!, $after: String) {
    viewer {
      solutionInstances(criteria: $criteria, first: $first, after: $after) {
        edges { node { id name enabled owner solution { id title customFields { key value } } configValues { externalId value } authValues { externalId authId } } cursor }
        pageInfo { endCursor hasNextPage }
      }
    }
  }
`;

// Tray's docs advise storing the Tray user id; these run only for getUser's { externalUserId }.
/** Sent with the master token: the Tray user with this external id, if any. */
export const FIND_EXTERNAL_USER_QUERY = /* GraphQL */ `
  query TrayHandlerFindExternalUser($externalUserId: String!) {
    users(criteria: { externalUserId: $externalUserId }) { edges { node { id externalUserId } } }
  }
`;

/** Sent with the master token when no Tray user has the external id yet. */
export const CREATE_EXTERNAL_USER_MUTATION = /* GraphQL */ `
  mutation TrayHandlerCreateExternalUser($input: CreateExternalUserInput!) {
    createExternalUser(input: $input) { userId }
  }
`;
