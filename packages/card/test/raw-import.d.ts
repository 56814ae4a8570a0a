// Vite's `?raw` imports (the docs are checked against the code), typed without vite/client's DOM types.
declare module '*.md?raw' {
  const text: string;
  export default text;
}
