/**
 * The package's root folder: where package.json, migrations/, schemas/ and, in a clone, fixtures/,
 * seeds/ and corpus/ are. The same from the sources (<root>/src/util/package-root.ts) and from the
 * compiled build (<root>/dist/src/util/package-root.js), which is one folder deeper.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const twoUp = fileURLToPath(new URL('../../', import.meta.url));

/** Absolute path of the package root, with a trailing separator. */
export const PACKAGE_ROOT: string = existsSync(join(twoUp, 'package.json')) ? twoUp : join(resolve(twoUp, '..'), '/');

/** A path inside the package root. */
export const packagePath = (...parts: string[]): string => join(PACKAGE_ROOT, ...parts);
