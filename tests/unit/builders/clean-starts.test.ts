/**
 * Issue 21 item 7: a reader's first look at any builder is not red. Every builder's defaults, and every example it
 * offers (the Tailscale and access-control presets, the compose samples), generate with no error and no warning: a
 * warning appears because the reader did something.
 */
import { describe, expect, it } from 'vitest';
import { accessControlPresets } from '../../../src/lib/authelia/form';
import { BUILDER_SPECS, type AnyBuilderSpec } from '../../../src/lib/builders/specs';
import { samples } from '../../../src/lib/compose/samples';
import { tailscalePresets } from '../../../src/lib/tailscale/presets';

function loud(spec: AnyBuilderSpec, state: object) {
  return spec
    .generate(spec.toInput(state))
    .diagnostics.filter((d) => d.severity !== 'info')
    .map((d) => `${d.severity} ${d.code} at ${d.path ?? '-'}: ${d.message}`);
}

const spec = (id: string) => {
  const found = BUILDER_SPECS[id];
  if (!found) throw new Error(`No builder ${id}`);
  return found;
};

describe('every builder opens clean', () => {
  for (const [id, builder] of Object.entries(BUILDER_SPECS)) {
    it(`${id}: the defaults have no error or warning`, () => {
      expect(loud(builder, builder.defaults)).toEqual([]);
    });
  }
});

describe('every example is clean', () => {
  it('lists an example for each builder that offers examples', () => {
    expect(tailscalePresets.length).toBeGreaterThan(1);
    expect(accessControlPresets.length).toBeGreaterThan(1);
    expect(samples.length).toBeGreaterThan(1);
  });
  for (const preset of tailscalePresets) {
    it(`tailscale preset ${preset.id}`, () => expect(loud(spec('tailscale'), preset.options)).toEqual([]));
  }
  for (const preset of accessControlPresets) {
    it(`access-control preset ${preset.id}`, () => expect(loud(spec('access'), preset.form)).toEqual([]));
  }
  for (const sample of samples) {
    it(`compose sample ${sample.id}`, () => {
      const compose = spec('compose');
      expect(loud(compose, { ...compose.defaults, composeSource: sample.compose })).toEqual([]);
    });
  }
});
