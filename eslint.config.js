// ESLint (flat config), run by `npm run lint` and so by `npm test`. typescript-eslint's
// recommended rules for all TypeScript; the React hooks rules where React lives (src/react,
// the demo, the component tests). Every `eslint-disable` must name a rule that runs there and
// say why (`-- reason`); one that no longer suppresses anything is an error.
import comments from '@eslint-community/eslint-plugin-eslint-comments/configs';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/**', 'dist-demo/**', 'dist-demo-e2e/**', 'dist-demo-bench/**', 'node_modules/**', '.tmp/**', 'test/e2e/__screenshots__/**', 'examples/**/dist/**'],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  comments.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@eslint-community/eslint-comments/require-description': ['error', { ignore: [] }],
      '@eslint-community/eslint-comments/no-unlimited-disable': 'error',
      // `_name` marks a binding kept for its position or its type, not for use.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // The shapes we read are parsed JSON from Tray and the browser; `any` is confined to those reads.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['src/react/**/*.{ts,tsx}', 'src/demo/**/*.{ts,tsx}', 'test/react/**/*.{ts,tsx}', 'test/support/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
);
