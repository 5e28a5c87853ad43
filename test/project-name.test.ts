import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isValidNpmPackageName, toNpmPackageName } from '../common/project-name.js';

describe('project name normalisation', () => {
  const cases: Array<[string, string]> = [
    ['My Dir', 'my-dir'],
    ['my-dir', 'my-dir'],
    ['  Spaces   Everywhere  ', 'spaces-everywhere'],
    ['Café Übersicht', 'cafe-ubersicht'],
    ['.hidden', 'hidden'],
    ['_private', 'private'],
    ['..__weird--name__..', 'weird-name'],
    ['@Acme/My API', '@acme/my-api'],
    ['@acme/', 'acme'],
    ['a/b/c', 'a-b-c'],
    ['!!!', 'mvp-backend'],
    ['', 'mvp-backend'],
    ['node_modules', 'node_modules-app'],
    ['http', 'http-app'],
    ['favicon.ico', 'favicon.ico-app'],
    ['UPPER_case.Name', 'upper_case.name'],
    ['日本語', 'mvp-backend'],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${expected}`, () => assert.equal(toNpmPackageName(input), expected));
  }

  it('cuts names longer than 214 characters', () => {
    const name = toNpmPackageName('a'.repeat(300));
    assert.equal(name.length, 214);
    const scoped = toNpmPackageName(`@scope/${'b-'.repeat(200)}`);
    assert.ok(scoped.length <= 214);
    assert.ok(scoped.startsWith('@scope/'));
    assert.ok(!scoped.endsWith('-'));
  });

  it('uses the fallback when nothing is left', () => {
    assert.equal(toNpmPackageName('###', 'fallback name'), 'fallback-name');
  });

  it('always returns a valid, stable npm name', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (input) => {
        const name = toNpmPackageName(input);
        assert.ok(name.length > 0 && name.length <= 214, name);
        assert.match(name, /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/);
        assert.equal(toNpmPackageName(name), name, 'idempotent');
        assert.ok(isValidNpmPackageName(name));
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});
