/** JSON Schema documents generated from the zod schemas (never written by hand). */
import { z } from 'zod';
import { PUBLISHED_SCHEMAS } from './schema.ts';
import { FLAT_SCHEMAS } from './flat.ts';

/** Every schema published as JSON Schema: the records, and the flat records for one-table-per-kind loaders. */
export const SCHEMAS = { ...PUBLISHED_SCHEMAS, ...FLAT_SCHEMAS } as const;

export type SchemaName = keyof typeof SCHEMAS;

export function jsonSchemaOf(name: SchemaName): Record<string, unknown> {
  // Inputs are described as a writer may send them (defaults optional); records as we emit them.
  return z.toJSONSchema(SCHEMAS[name], { io: name === 'Article' ? 'input' : 'output' }) as Record<string, unknown>;
}

/** The checked-in files under schemas/: name -> file content. */
export function schemaFiles(): Record<string, string> {
  return Object.fromEntries(
    (Object.keys(SCHEMAS) as SchemaName[]).map((n) => [`${n}.schema.json`, JSON.stringify(jsonSchemaOf(n), null, 2) + '\n']),
  );
}
