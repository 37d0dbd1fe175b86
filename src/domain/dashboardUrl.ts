/** Where an object lives in the Cloudflare dashboard, for "Open in Dashboard". */
export type DashboardPage = 'edgeCertificates' | 'customHostnames' | 'clientCertificates' | 'overview';

const pagePaths: Readonly<Record<DashboardPage, string>> = {
  edgeCertificates: 'ssl-tls/edge-certificates',
  customHostnames: 'ssl-tls/custom-hostnames',
  clientCertificates: 'ssl-tls/client-certificates',
  overview: 'ssl-tls',
};

export function dashboardUrl(accountId: string | null | undefined, zoneName: string, page: DashboardPage): string {
  const account = accountId ? encodeURIComponent(accountId) : '';
  const base = account === '' ? 'https://dash.cloudflare.com/?to=/:account' : `https://dash.cloudflare.com/${account}`;
  return `${base}/${encodeURIComponent(zoneName)}/${pagePaths[page]}`;
}
