/** `npm start` from the sources, without a build (the tests spawn it): see start.ts. */
import { start } from './start.ts';

await start({ importModule: (url) => import(url) });
