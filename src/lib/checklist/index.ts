/**
 * The printable build-order checklist: five steps, each broken into concrete tasks that link to the
 * guide section that explains them and, where one exists, the builder that writes the config.
 * Data apart from rendering; progress helpers are pure so the page script stays tiny.
 */

import { parseTicksFor, serializeTicks } from '../site/ticks';

export interface ChecklistTask {
  /** Stable id: ticks are stored by id, so never reuse or renumber one. */
  id: string;
  text: string;
  /** Guide section that explains the task. */
  guide: string;
  /** The builder that generates its config, if there is one. */
  builder?: string;
}

export interface ChecklistStep {
  id: string;
  title: string;
  summary: string;
  tasks: ChecklistTask[];
}

export const CHECKLIST: readonly ChecklistStep[] = [
  {
    id: 'step-1',
    title: 'Step 1: Close the ports, set up Tailscale, check from outside',
    summary:
      'The biggest win for the least effort: nothing on the internet can reach your network any more, and a scan from outside proves it.',
    tasks: [
      {
        id: 'delete-port-forwards',
        text: 'Delete every port forward on the router',
        guide: '/guides/close-the-ports/#delete-the-port-forwards',
      },
      {
        id: 'disable-upnp',
        text: 'Turn off UPnP (and NAT-PMP/PCP) on the router',
        guide: '/guides/close-the-ports/#turn-off-upnp-nat-pmp-and-pcp',
      },
      {
        id: 'install-tailscale',
        text: 'Install Tailscale on the server, laptop and phone',
        guide: '/guides/tailscale/#install-on-the-server',
      },
      {
        id: 'advertise-routes',
        text: 'Turn on IP forwarding and advertise the LAN route from the server',
        guide: '/guides/tailscale/#route-the-whole-lan',
        builder: '/guides/tailscale/#build-your-commands',
      },
      {
        id: 'approve-routes',
        text: 'Approve the route in the admin console (or with autoApprovers)',
        guide: '/guides/tailscale/#approve-the-route',
      },
      {
        id: 'external-scan',
        text: 'Scan your public IP from outside: every TCP port closed or filtered',
        guide: '/guides/verify/#run-the-scan',
      },
    ],
  },
  {
    id: 'step-2',
    title: 'Step 2: SSH keys only',
    summary: 'Stops password guessing and reused passwords at the server itself.',
    tasks: [
      {
        id: 'create-ssh-key',
        text: 'Create an ed25519 key and copy it to the server',
        guide: '/guides/ssh-keys/#create-a-key-on-your-computer',
      },
      {
        id: 'disable-password-login',
        text: 'Turn off password logins and test from a second terminal',
        guide: '/guides/ssh-keys/#turn-off-password-logins',
        builder: '/guides/ssh-keys/#build-the-drop-in-for-your-server',
      },
    ],
  },
  {
    id: 'step-3',
    title: 'Step 3: Proxy, internal DNS and a wildcard certificate',
    summary: 'Clean names and valid HTTPS for every service, through one chokepoint.',
    tasks: [
      {
        id: 'run-npm',
        text: 'Run Nginx Proxy Manager and keep its admin port private',
        guide: '/guides/nginx-proxy-manager/#run-nginx-proxy-manager',
      },
      {
        id: 'internal-dns',
        text: 'Point your service names at the server with internal DNS',
        guide: '/guides/nginx-proxy-manager/#point-names-at-the-proxy-with-internal-dns',
        builder: '/guides/internal-dns/#build-your-dns-records',
      },
      {
        id: 'wildcard-cert',
        text: 'Issue a wildcard certificate over the DNS-01 challenge',
        guide: '/guides/nginx-proxy-manager/#issue-a-wildcard-certificate-over-dns-01',
      },
      {
        id: 'npm-cache-assets-off',
        text: 'Leave "Cache Assets" off on every proxy host whose app serves per-user files (NPM\'s cache hands them to the next visitor)',
        guide: '/guides/nginx-proxy-manager/#what-a-protected-hosts-snippet-covers',
        builder: '/guides/nginx-proxy-manager/#protect-hosts-with-authelia',
      },
    ],
  },
  {
    id: 'step-4',
    title: 'Step 4: Updates, secrets and a tested backup',
    summary: 'Patch what you run, keep passwords out of compose files, and make sure you can recover.',
    tasks: [
      {
        id: 'automatic-updates',
        text: 'Turn on automatic OS security updates',
        guide: '/guides/updates/#debian-and-ubuntu-unattended-upgrades',
      },
      {
        id: 'container-updates',
        text: 'Pin container images and get notified of new versions',
        guide: '/guides/updates/#notify-then-update-by-hand',
      },
      {
        id: 'secrets-out-of-compose',
        text: 'Move secrets from compose files into .env or secret files',
        guide: '/guides/secrets/',
        builder: '/guides/secrets/#split-your-compose-file',
      },
      {
        id: 'backup',
        text: 'Back up volumes, compose files and secrets off the machine',
        guide: '/guides/backups/#back-up-with-restic',
      },
      { id: 'restore-test', text: 'Restore a backup to prove it works', guide: '/guides/backups/#test-restores-on-a-schedule' },
    ],
  },
  {
    id: 'step-5',
    title: 'Step 5: Authelia with 2FA',
    summary: 'One login in front of everything, a second factor where it matters, and optionally one more look from outside.',
    tasks: [
      {
        id: 'authelia',
        text: 'Set up Authelia behind Nginx Proxy Manager',
        guide: '/guides/authelia-setup/',
        builder: '/guides/authelia-setup/#generate-the-files',
      },
      {
        id: 'two-factor',
        text: 'Require 2FA on the sensitive services',
        guide: '/guides/authelia-forward-auth/#policy-levels',
        builder: '/guides/authelia-forward-auth/#build-and-test-your-rules',
      },
      {
        id: 'external-scan-final',
        text: 'Optional: repeat the outside scan now that everything is in place',
        guide: '/guides/verify/#check-again-later',
      },
    ],
  },
];

export const TICKS_STORAGE_KEY = 'checklist:v1';

export function allTaskIds(steps: readonly ChecklistStep[] = CHECKLIST): string[] {
  return steps.flatMap((s) => s.tasks.map((t) => t.id));
}

/** Reads stored ticks, ignoring anything malformed or no longer in the checklist. */
export function parseTicks(stored: string | null | undefined, steps: readonly ChecklistStep[] = CHECKLIST): Set<string> {
  return parseTicksFor(stored, allTaskIds(steps));
}

export { serializeTicks };

export interface StepProgress {
  done: number;
  total: number;
  label: string;
}

export function stepProgress(step: ChecklistStep, ticks: ReadonlySet<string>): StepProgress {
  const done = step.tasks.filter((t) => ticks.has(t.id)).length;
  const total = step.tasks.length;
  return { done, total, label: done === total ? `All ${total} done` : `${done} of ${total} done` };
}
