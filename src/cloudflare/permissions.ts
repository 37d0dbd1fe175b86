/** Dashboard names of the permission groups each call needs (facts §8), named in 403 errors. */
export const Permission = {
  zoneRead: 'Zone: Read',
  zoneSettingsRead: 'Zone Settings: Read',
  sslRead: 'SSL and Certificates: Read',
  sslEdit: 'SSL and Certificates: Edit',
  accountSettingsRead: 'Account Settings: Read',
} as const;
