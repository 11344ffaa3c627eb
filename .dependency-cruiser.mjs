/**
 * The import boundaries of ARCHITECTURE.md, checked by `npm run check` (`npm run check:boundaries`). Type-only
 * imports count: a layer that needs another's type depends on it.
 */
import path from 'node:path';

/** Node's built-in modules that reach outside the process (files, network, processes, threads). */
const nodeIo = [
  'fs',
  'fs/promises',
  'net',
  'http',
  'https',
  'http2',
  'dgram',
  'dns',
  'tls',
  'child_process',
  'cluster',
  'worker_threads',
  'readline',
  'repl',
  'inspector',
  'os',
  'process',
  'v8',
  'vm'
];
const nodeIoPath = `^(node:)?(${nodeIo.join('|')})$`;
/** The pure modules: the API's analytics and the rubrics package. */
const pure = '^(apps/api/src/analytics|packages/rubrics/src)/';

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'routes-not-db',
      comment: 'Routes parse, call a service and reply: the database is reached through services only.',
      severity: 'error',
      from: { path: '^apps/api/src/routes/' },
      to: { path: '^apps/api/src/db/' }
    },
    {
      name: 'middleware-not-db',
      comment: 'Middleware asks services (who is signed in is the auth service’s); it builds no repository.',
      severity: 'error',
      from: { path: '^apps/api/src/middleware/' },
      to: { path: '^apps/api/src/db/' }
    },
    {
      name: 'db-not-services',
      comment: 'db/ knows collections and queries; the rules that use them live above it, in services/.',
      severity: 'error',
      from: { path: '^apps/api/src/db/' },
      to: { path: '^apps/api/src/(services|routes|middleware)/' }
    },
    {
      name: 'pure-no-io',
      comment: 'Analytics and rubrics are pure functions on plain data: no file, network or process I/O.',
      severity: 'error',
      from: { path: pure },
      to: { dependencyTypes: ['core'], path: nodeIoPath }
    },
    {
      name: 'pure-no-database',
      comment: 'Analytics and rubrics never reach the database: not its driver, not db/, not the services above it.',
      severity: 'error',
      from: { path: pure },
      to: { path: '(^|/)node_modules/mongodb/|^apps/api/src/(db|services|routes|middleware)/' }
    },
    {
      name: 'web-imports-contracts-rubrics-harness-route-type',
      comment:
        'The web app reaches the rest of the repository only through the contracts, the rubrics, the question ' +
        'bank’s browser harness (harness/ and the performance judge it runs) and the API’s route type.',
      severity: 'error',
      from: { path: '^apps/web/' },
      to: {
        path: '^(apps/(?!web/)|packages/|question-bank/|tools/|bench/|tests/)',
        pathNot: [
          '^packages/contracts/src/',
          '^packages/rubrics/src/',
          '^question-bank/src/harness/',
          '^question-bank/src/performance/',
          '^apps/api/src/routes/index\\.ts$'
        ]
      }
    },
    {
      name: 'no-cycles',
      comment: 'No import cycles: each module can be read (and tested) after the ones it imports.',
      severity: 'error',
      from: { path: '^(apps|packages|question-bank/src)/' },
      to: { circular: true }
    }
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: {
      path: '^apps/[^/]+/(\\.svelte-kit|build|dist|dist-test-[^/]*|static)/|^apps/web/vite-plugins/'
    },
    // Type-only imports are dependencies too (env.ts needing app.ts's type closed a 17-file circle).
    tsPreCompilationDeps: true,
    // Resolves SvelteKit's $lib alias as the web app's own tsconfig does (that one is written by svelte-kit sync).
    tsConfig: { fileName: path.resolve(import.meta.dirname, '.dependency-cruiser.tsconfig.json') },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'svelte', 'browser', 'default', 'types'],
      mainFields: ['svelte', 'module', 'main', 'types'],
      extensions: ['.ts', '.js', '.svelte', '.mjs', '.cjs', '.d.ts', '.json']
    },
    reporterOptions: { text: { highlightFocused: true } }
  }
};
