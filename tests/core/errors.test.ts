import { DomainError, ERRORS, fail, isFailure, ok } from '../../src/core';

describe('errors', () => {
  it('gives every code a Chinese message', () => {
    for (const [code, message] of Object.entries(ERRORS)) {
      expect(code).toMatch(/^([A-Z]+\.[A-Z_]+|INTERNAL)$/);
      expect(message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('turns a domain error into a failure value with its field', () => {
    const f = new DomainError('UNIT.NAME_TAKEN', undefined, 'name').toFailure();
    expect(f).toEqual({ ok: false, code: 'UNIT.NAME_TAKEN', message: ERRORS['UNIT.NAME_TAKEN'], field: 'name' });
    expect(isFailure(f)).toBe(true);
    expect(isFailure(ok(1))).toBe(false);
    expect(fail('INTERNAL')).not.toHaveProperty('field');
  });
});
