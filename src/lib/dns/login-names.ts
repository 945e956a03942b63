/**
 * Names that break logins when they resolve one way at home and another way outside: the Authelia portal and the
 * Headscale coordination server. The site's convention names them `auth.` (the portal every guide and builder uses,
 * `PORTAL_SUBDOMAIN` in src/lib/profile/model.ts) and `headscale.` (the Headscale guide).
 */
import { info, warning, type Diagnostic } from '../core';
import { excerpt } from './names';

/** An internal name as the plan holds it (exactly `name`, or with `wildcard` every name below it too). */
interface Entry {
  name: string;
  wildcard: boolean;
}

const firstLabel = (name: string) => name.split('.')[0] ?? '';

export function loginNameDiagnostics(zone: string, entries: Entry[], publicNames: string[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  // The portal must resolve like the apps it protects. With no port open at home, a public answer for it is an
  // address the browser cannot reach from inside (unless a tunnel publishes the portal), so logins at home fail.
  for (const name of publicNames.filter((n) => firstLabel(n) === 'auth' && entries.some((e) => n !== e.name)))
    out.push(
      warning(
        'portal-public',
        `${excerpt(name)} looks like the Authelia portal, and your apps resolve to the proxy at home: if the portal resolves publicly instead, every login at home is sent to an address outside (which, with no open port, does not answer). Keep the portal internal (remove it here) unless a tunnel publishes it.`,
        { path: 'publicNames' },
      ),
    );
  // Listed names without the portal: fine before Authelia (Layer 3), a broken login after it.
  const listed = entries.filter((e) => !e.wildcard);
  if (listed.length > 0 && listed.length === entries.length && !entries.some((e) => firstLabel(e.name) === 'auth'))
    out.push(
      info(
        'portal-not-internal',
        `None of the internal names is the Authelia portal (auth.${excerpt(zone)}). Once you add Authelia, add the portal here too, or logins at home go to a name that does not lead to the proxy.`,
        { path: 'internalNames' },
      ),
    );
  // The coordination server usually runs outside (a VPS): resolving it to the home proxy cuts tailnet clients at
  // home, and anywhere that uses this DNS server over the tailnet, off their control plane.
  for (const e of entries.filter((x) => !x.wildcard && firstLabel(x.name) === 'headscale'))
    out.push(
      warning(
        'headscale-internal',
        `${excerpt(e.name)} looks like a Headscale server, which usually runs outside your home: answered with the proxy's address, tailnet clients using this DNS server lose their coordination server. List it under public names instead, unless Headscale really runs behind this proxy.`,
        { path: 'internalNames' },
      ),
    );
  return out;
}
