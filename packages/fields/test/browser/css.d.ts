// Vite (and Vitest browser mode) import stylesheets as side effects.
declare module '*.css';
