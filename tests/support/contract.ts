/**
 * The API's published contract (`/api/openapi.json`) as a checker: does a response have a status, content type and
 * body the document promises for that route? Every test client runs it on every response (support/server.ts), and
 * the property-based tester (api/contract.test.ts) runs it on generated requests. Validation is Ajv's, JSON Schema
 * 2020-12 as OpenAPI 3.1 uses it, plus our documented `x-` keywords (what the server counts that JSON Schema cannot).
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { nestingDepth, utf8Bytes } from '@mockloop/contracts';

export type Schema = Record<string, unknown>;
export interface Operation {
  method: string;
  path: string;
  matcher: RegExp;
  parameters: { name: string; in: string; required?: boolean; schema: Schema }[];
  body: Schema | null;
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Omit<Operation, 'method' | 'path' | 'matcher' | 'body'>>>;
}

export const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
addFormats.default(ajv);
ajv.addKeyword({
  keyword: 'x-maxUtf8Bytes',
  type: 'string',
  validate: (max: number, text: string) => utf8Bytes(text) <= max
});
ajv.addKeyword({
  keyword: 'x-weekday',
  type: 'string',
  validate: (_day: string, date: string) => new Date(`${date}T00:00:00Z`).getUTCDay() === 1
});
ajv.addKeyword({ keyword: 'x-maxDepth', validate: (max: number, value: unknown) => nestingDepth(value) <= max });

const compiled = new WeakMap<Schema, ValidateFunction>();
export function validatorFor(schema: Schema): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) compiled.set(schema, (validate = ajv.compile(schema)));
  return validate;
}

export function operationsOf(doc: OpenApiDocument): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => {
      const body = (op as { requestBody?: { content?: Record<string, { schema: Schema }> } }).requestBody;
      return {
        method: method.toUpperCase(),
        path,
        matcher: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
        parameters: op.parameters ?? [],
        body: body?.content?.['application/json']?.schema ?? null,
        responses: op.responses
      };
    })
  );
}

let documents: Promise<Operation[]> | null = null;
/** The document is the same for every server of a run (it is built from the routes' schemas); read it once. */
export function contractOf(baseUrl: string): Promise<Operation[]> {
  documents ??= fetch(`${baseUrl}/api/openapi.json`)
    .then((res) => res.json() as Promise<OpenApiDocument>)
    .then(operationsOf);
  return documents;
}

/** The error shape every refusal uses (for routes that are not documented at all: unknown paths answer 404). */
const errorShape = {
  type: 'object',
  required: ['error'],
  properties: { error: { type: 'object', required: ['code', 'message'] } }
};

/**
 * What is wrong with a response, by the contract; an empty list when nothing is.
 *
 * @example
 * expect(conformanceProblems(ops, 'GET', '/api/me', res.status, res.headers.get('content-type'), text)).toEqual([]);
 */
export function conformanceProblems(
  operations: Operation[],
  method: string,
  url: string,
  status: number,
  contentType: string | null,
  text: string
): string[] {
  const path = url.split('?')[0]!;
  if (path === '/api/openapi.json' || method === 'HEAD' || method === 'OPTIONS') return [];
  const where = `${method} ${path} → ${status}`;
  const op = operations.find((o) => o.method === method && o.matcher.test(path));
  const type = (contentType ?? '').split(';')[0]!.trim();
  if (!op) {
    if (status !== 404 && status !== 405 && status !== 413 && status !== 403) return [`${where}: no such route`];
    return type === 'application/json' && validatorFor(errorShape)(safeJson(text))
      ? []
      : [`${where}: not an error body`];
  }
  const response = op.responses[String(status)];
  if (!response) return [`${where}: status not documented for ${op.method} ${op.path}`];
  const content = response.content ?? {};
  if (!(type in content)) return [`${where}: content type "${type}" not documented (${Object.keys(content)})`];
  const schema = content[type]?.schema;
  if (type !== 'application/json' || !schema) return [];
  const validate = validatorFor(schema);
  if (validate(safeJson(text))) return [];
  return [`${where}: body does not match its schema: ${ajv.errorsText(validate.errors)} in ${text.slice(0, 200)}`];
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
