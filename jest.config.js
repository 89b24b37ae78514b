// Two projects: `unit` (fast, collaborators faked or in-process, plus the schema and contract checks)
// and `e2e` (real processes from the build, their own nats-server and database).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2023',
    },
    module: { type: 'commonjs' },
  },
];

// Nest 12 and some of its dependencies ship ESM only; let swc turn them into CommonJS for jest.
const esmPackages = [
  '@nestjs',
  '@apollo',
  'file-type',
  'load-esm',
  'uid',
  'strtok3',
  'token-types',
  '@tokenizer',
  'uint8array-extras',
  'jose',
  'htmlparser2',
  'domhandler',
  'domutils',
  'dom-serializer',
  'domelementtype',
  'entities',
];

const common = {
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper: { '^@kern/(contracts|config|logging|messaging|database|events|testing)$': '<rootDir>/libs/$1/src' },
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  testEnvironment: 'node',
  rootDir: __dirname,
};

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{libs,services,gateway}/**/src/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/{libs,services}/**/src/**/*.int-spec.ts', '<rootDir>/tests/**/*.e2e-spec.ts'],
    },
  ],
  // A global option: jest ignores it inside a project. Starting a stack takes seconds on a busy machine.
  testTimeout: 120_000,
};
