import { OnDemand } from '../builder/OnDemand';

/** The NPM snippet builder as the second builder of a page (the Authelia setup guide): loaded on request. */
export default function NpmSnippetsBuilderOnDemand() {
  return (
    <OnDemand
      title="snippet builder"
      summary="One Advanced-tab snippet per host, with warnings for NPM settings that would skip the login. It is the same builder as in the Nginx Proxy Manager guide and follows your homelab profile."
      fragment="npm"
      load={() => import('./NpmSnippetsBuilder')}
    />
  );
}
