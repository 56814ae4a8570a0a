// @tokenframe/sdk/react, /vue and /svelte are types only (JSX and template typings for the custom
// elements); this empty module lets `import '@tokenframe/sdk/react'` resolve at run time too.
export {};
