export { SOLUTION_INSTANCE_QUERY, UPDATE_SOLUTION_INSTANCE } from './operations.js';
export { enableInput, disableInput } from './inputs.js';
export { traySchemaSDL } from './schema.js';
export type * from './types.js';
