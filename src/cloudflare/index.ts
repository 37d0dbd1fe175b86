// The public surface of src/cloudflare: everything other folders may import.
export { CloudflareClient, type ClientOptions, defaultBaseUrl } from './client';
export { type CheckedPage } from './api';
export { type Credentials, type CredentialsSource, isAccountToken } from './credentials';
export { CloudflareApiError, type CloudflareErrorCode, type CloudflareMessage } from './errors';
export { type ResultInfo } from './envelope';
export { type CustomHostnameFilter } from './endpoints/customHostnames';
export { type ZoneFilter } from './endpoints/zones';
export { getCloudflareIps, getDcvDelegationUuid } from './endpoints/network';
export { gatherInventory, toInventoryError } from './inventory';
export type { Inventory, InventoryCollection, InventoryError, InventoryOptions, InventoryProgress, ZoneInventory } from './inventoryTypes';
export { maxPerPage } from './pagination';
export { Permission } from './permissions';
export { bypasses, type ProxyOptions, proxyFor } from './proxy';
export { RateBudget, type RateBudgetOptions } from './rateBudget';
export { type RetryOptions } from './retryPolicy';
export { type TransportStats } from './transport';
export type * from './types';
