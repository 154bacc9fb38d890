// The calculator's fields in the units people type (src/core/field-units.ts): each unit's
// suffix beside the field and its bounds and step.
import { describe, expect, it } from 'vitest';
import { fieldBounds, unitSuffix } from '../../src/core/field-units.ts';

describe('field units', () => {
  it('names each unit beside its field', () => {
    expect(unitSuffix('renewalRate')).toBe('%');
    expect(unitSuffix('horizonMonths')).toBe('months');
    expect(unitSuffix('certificationHours')).toBe('hours');
    expect(unitSuffix('servicesAttachRatio')).toBe('× product value');
    // Customers a month can be fractional (an average), so no "whole number".
    expect(unitSuffix('newCustomersPerMonth')).toBe('');
    // Money: the page adds the currency.
    expect(unitSuffix('dealValue')).toBe('');
  });

  it('steps: tenths of a percent, whole months, hundredths of a factor, anything for money', () => {
    expect(fieldBounds('renewalRate').step).toBe(0.1);
    expect(fieldBounds('horizonMonths').step).toBe(1);
    expect(fieldBounds('servicesAttachRatio').step).toBe(0.01);
    expect(fieldBounds('dealValue').step).toBe('any');
  });
});
