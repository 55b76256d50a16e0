// Prismatic's embedded marketplace as its docs import it: the default export, one object
// holding init, authenticate, showMarketplace, configureInstance and the rest.
export { default as prismatic } from '@prismatic-io/embedded';
