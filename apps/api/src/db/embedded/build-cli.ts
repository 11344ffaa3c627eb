/** `npm run db:build`: builds the embedded database ahead of the first start (CI runs it to fail early). */
import { ensureFerretdb } from './build.ts';
import { progressLine } from '../../progress.ts';

const line = progressLine();
const binary = await ensureFerretdb({ onProgress: line.update });
line.done(`embedded database ready: ${binary}`);
