import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** `postMessage(x, '*')` (or any '*' target origin) is never allowed anywhere in Tokenframe. */
const noStarTargetOrigin = {
  selector:
    "CallExpression[callee.property.name='postMessage'] > Literal[value='*'], CallExpression[callee.name='postMessage'] > Literal[value='*'], Property[key.name='targetOrigin'] > Literal[value='*']",
  message: "Never post with targetOrigin '*': pass the exact, canonical origin (DESIGN.md, 'The channel').",
};

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.tokenframe/**', 'bench/results/**', '**/test-results/**', '**/playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-restricted-syntax': ['error', noStarTargetOrigin],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['scripts/**', '.ci/**', 'bench/**', 'e2e/**', '**/cli/**', '**/*.config.*', 'apps/demo/**', 'examples/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' },
    },
  },
);
