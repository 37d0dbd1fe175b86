import type { Route } from '../http/route';
import { accountRoutes } from './accountRoutes';
import { certificatePackRoutes } from './certificatePackRoutes';
import { clientCertificateRoutes } from './clientCertificateRoutes';
import { customCertificateRoutes } from './customCertificateRoutes';
import { customHostnameRoutes } from './customHostnameRoutes';
import { networkRoutes } from './networkRoutes';
import { tokenRoutes } from './tokenRoutes';
import { verificationRoutes } from './verificationRoutes';
import { zoneRoutes } from './zoneRoutes';

/** Every route the simulator serves, below `/client/v4`. */
export const routeTable: readonly Route[] = [
  ...tokenRoutes,
  ...accountRoutes,
  ...zoneRoutes,
  ...certificatePackRoutes,
  ...verificationRoutes,
  ...customCertificateRoutes,
  ...customHostnameRoutes,
  ...clientCertificateRoutes,
  ...networkRoutes,
];

/** The fault-injection route names (`route=…` in a fault spec). */
export const routeFamilies: readonly string[] = [...new Set(routeTable.map((route) => route.family))];
