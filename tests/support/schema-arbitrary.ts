/**
 * fast-check arbitraries from the JSON Schemas of /api/openapi.json: values a schema accepts (to be checked with
 * Ajv afterwards, since a generator of a schema's subset can still miss a rule), and values that break it.
 * Covers the subset our document uses: types, enum/const, anyOf, lengths, ranges, patterns, date and e-mail
 * formats, required and additional properties, and our `x-weekday`.
 */
import fc from 'fast-check';
import type { Schema } from './contract.ts';

const WELL_FORMED = '^[^\\u0000\\uD800-\\uDFFF]*$';
const DAY_MS = 86_400_000;

function dateArbitrary(schema: Schema): fc.Arbitrary<string> {
  const days = fc.integer({ min: Date.UTC(2000, 0, 3) / DAY_MS, max: Date.UTC(2099, 11, 28) / DAY_MS });
  return days.map((day) => {
    const monday = schema['x-weekday'] === 'Monday' ? day - ((new Date(day * DAY_MS).getUTCDay() + 6) % 7) : day;
    return new Date(monday * DAY_MS).toISOString().slice(0, 10);
  });
}

function stringArbitrary(schema: Schema): fc.Arbitrary<string> {
  if (schema.format === 'date' || String(schema.pattern ?? '').startsWith('^20')) return dateArbitrary(schema);
  if (schema.format === 'email') return fc.emailAddress().filter((e) => e.length <= 254);
  const minLength = Number(schema.minLength ?? 0);
  const maxLength = Math.max(minLength, Math.min(Number(schema.maxLength ?? 40), minLength + 40));
  const pattern = schema.pattern as string | undefined;
  const oneClass = pattern && /^\^\[([^\]]+)\][+*]\$$/.exec(pattern);
  if (oneClass) {
    // "^[A-Za-z0-9_-]+$": characters of the class, as many as the lengths allow.
    const unit = fc.stringMatching(new RegExp(`^[${oneClass[1]}]$`));
    return fc.string({ unit, minLength: Math.max(minLength, 1), maxLength });
  }
  if (pattern && pattern !== WELL_FORMED) {
    return fc
      .stringMatching(new RegExp(pattern))
      .filter((text) => text.length >= minLength && text.length <= Number(schema.maxLength ?? Infinity));
  }
  // Binary units include lone surrogates: the caller's Ajv check drops those where the schema forbids them.
  return fc.oneof(
    fc.string({ unit: 'grapheme', minLength, maxLength }),
    fc.string({ unit: 'binary', minLength, maxLength })
  );
}

/**
 * Values `schema` should accept.
 *
 * @example
 * fc.sample(valid({ type: 'integer', minimum: 1, maximum: 4 }), 3); // [2, 4, 1]
 */
export function valid(schema: Schema | undefined): fc.Arbitrary<unknown> {
  if (!schema || Object.keys(schema).length === 0) return fc.jsonValue({ maxDepth: 2 });
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  if (Array.isArray(schema.anyOf) && !schema.type) return fc.oneof(...(schema.anyOf as Schema[]).map(valid));
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string | undefined];
  return fc.oneof(...types.map((type) => validOfType(type, schema)));
}

function validOfType(type: string | undefined, schema: Schema): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string':
      return stringArbitrary(schema);
    case 'integer':
      return fc.integer({
        min: Math.max(Number(schema.minimum ?? -1000), -1e9),
        max: Math.min(Number(schema.maximum ?? 1000), 1e9)
      });
    case 'number':
      return fc.double({
        min: Number(schema.minimum ?? -1e6),
        max: Number(schema.maximum ?? 1e6),
        noNaN: true,
        noDefaultInfinity: true
      });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = Number(schema.minItems ?? 0);
      const maxLength = Math.min(Number(schema.maxItems ?? 4), minLength + 4);
      return fc.array(valid(schema.items as Schema), { minLength, maxLength });
    }
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      const required = new Set((schema.required ?? []) as string[]);
      const keys = Object.keys(properties);
      // Rubric-sized objects (a rating per criterion) keep a few optional keys, not dozens.
      const optional = keys.filter((k) => !required.has(k));
      return fc
        .tuple(
          fc.record(Object.fromEntries([...required].map((k) => [k, valid(properties[k])]))),
          fc
            .subarray(optional, { maxLength: Math.min(optional.length, 6) })
            .chain((chosen) => fc.record(Object.fromEntries(chosen.map((k) => [k, valid(properties[k])]))))
        )
        .map(([a, b]) => ({ ...a, ...b }));
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Values of the wrong kind for any schema of ours: most are rejected by it (the tester keeps only those Ajv rejects). */
export function invalid(schema: Schema | undefined): fc.Arbitrary<unknown> {
  const wrongTypes = fc.oneof(
    fc.constant(null),
    fc.integer(),
    fc.string({ maxLength: 10 }),
    fc.boolean(),
    fc.constant([]),
    fc.constant({ $gt: '' }),
    fc.constant('x'.repeat(5000)),
    fc.constant('nul\u0000'),
    fc.constant('\uD800')
  );
  if (schema?.type !== 'object' || !schema.properties) return wrongTypes;
  // A valid object with one property broken, or an unknown key added.
  const keys = Object.keys(schema.properties as object);
  return fc.oneof(
    wrongTypes,
    fc
      .tuple(valid(schema), fc.constantFrom(...keys), wrongTypes)
      .map(([value, key, wrong]) => ({ ...(value as object), [key]: wrong })),
    valid(schema).map((value) => ({ ...(value as object), 'not-a-field': 1 }))
  );
}
