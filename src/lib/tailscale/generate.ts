/**
 * `generateTailscale`: options → router script, sysctl file, client commands, approval (console, policy fragment or
 * Headscale). Pure; bad input becomes diagnostics, never an exception.
 */
import { sortDiagnostics, type GeneratedFile, type GeneratorResult } from '../core';
import { tailscaleCommandsFor, type TailscaleCommands } from './commands';
import { defaultTailscaleOptions, TAILSCALE_CHOICES, type TailscaleOptions } from './options';
import { buildPlan, type Plan } from './plan';
import { renderConsoleApproval, renderHeadscale, renderPolicy } from './render-approval';
import { renderClient } from './render-client';
import { renderCompose, renderDockerSetup, renderEnvExample, renderLxcHost } from './render-container';
import { renderRouterScript, renderSysctl, renderUdpGro } from './render-router';

function routerFiles(plan: Plan, cmds: TailscaleCommands): GeneratedFile[] {
  if (!cmds.router) return [];
  if (plan.platform === 'docker') {
    const files = [renderDockerSetup(plan), renderCompose(plan), renderEnvExample(plan), renderSysctl(plan)];
    if (plan.udpGro) files.push(renderUdpGro());
    return files;
  }
  const files = [...(plan.platform === 'lxc' ? [renderLxcHost()] : []), renderRouterScript(plan, cmds.router)];
  if (plan.os === 'linux') files.push(renderSysctl(plan));
  if (plan.udpGro) files.push(renderUdpGro());
  return files;
}

function approvalFiles(plan: Plan): GeneratedFile[] {
  if (!plan.isRouter) return [];
  const files: GeneratedFile[] = [];
  if (plan.approval === 'autoApprovers' || plan.tags.length) files.push(renderPolicy(plan));
  if (plan.coordination === 'headscale') files.push(renderHeadscale(plan));
  else if (plan.approval === 'console') files.push(renderConsoleApproval(plan));
  return files;
}

/**
 * Fills missing or mistyped fields from the defaults (an unknown choice value counts as missing), so a partial, stale
 * or hand-made options object never breaks generation. The UI renders its controls from this too.
 */
export function completeTailscaleOptions(options: Partial<TailscaleOptions>): TailscaleOptions {
  const out = { ...defaultTailscaleOptions };
  for (const key of Object.keys(out) as (keyof TailscaleOptions)[]) {
    const value = options[key];
    const choices: readonly string[] | undefined = (TAILSCALE_CHOICES as Partial<Record<string, readonly string[]>>)[key];
    const allowed = choices ? typeof value === 'string' && choices.includes(value) : typeof value === typeof out[key];
    if (value !== undefined && allowed) Object.assign(out, { [key]: value });
  }
  return out;
}

/** The checked plan and the commands as argument lists (no `sudo`), for the UI and for tests. */
export function tailscaleCommands(options: Partial<TailscaleOptions>): TailscaleCommands {
  return tailscaleCommandsFor(buildPlan(completeTailscaleOptions(options)).plan);
}

export function generateTailscale(options: Partial<TailscaleOptions>): GeneratorResult {
  const { plan, diagnostics } = buildPlan(completeTailscaleOptions(options));
  const cmds = tailscaleCommandsFor(plan);
  const files = [...routerFiles(plan, cmds), renderClient(plan, cmds.client), ...approvalFiles(plan)];
  return { files, diagnostics: sortDiagnostics(diagnostics) };
}
