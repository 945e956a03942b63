/**
 * `generateInternalDns`: options → the chosen server's files, router/tailnet notes and checks. Pure; bad input becomes
 * diagnostics (each naming its option key), never an exception. With an error, no files are written.
 */
import { sortDiagnostics, type GeneratedFile, type GeneratorResult } from '../core';
import type { InternalDnsOptions } from './options';
import { buildPlan, type Plan } from './plan';
import { renderAdguardSteps, renderAdguardYaml } from './render-adguard';
import { renderChecks } from './render-checks';
import { renderDnsmasq } from './render-dnsmasq';
import { renderPiholeSteps, renderPiholeToml } from './render-pihole';
import { renderRouter } from './render-router';
import { renderTechnitiumScript, renderTechnitiumSteps } from './render-technitium';
import { renderUnbound } from './render-unbound';

function serverFiles(plan: Plan): GeneratedFile[] {
  switch (plan.server) {
    case 'dnsmasq':
      return [renderDnsmasq(plan)];
    case 'unbound':
      return [renderUnbound(plan)];
    case 'pihole':
      return [renderPiholeToml(plan), renderPiholeSteps(plan)];
    case 'adguard':
      return [renderAdguardYaml(plan), renderAdguardSteps(plan)];
    case 'technitium':
      return [renderTechnitiumScript(plan), renderTechnitiumSteps(plan)];
  }
}

export function generateInternalDns(options: InternalDnsOptions): GeneratorResult {
  const { plan, diagnostics } = buildPlan(options);
  const files = plan ? [...serverFiles(plan), renderRouter(plan), renderChecks(plan)] : [];
  return { files, diagnostics: sortDiagnostics(diagnostics) };
}
