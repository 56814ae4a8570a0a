import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
// The same stylesheet as the script-tag checkout, so the two demos look alike.
import '../../demo/public/checkout.css';
import './react-demo.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
// StrictMode mounts every effect twice in development: the SDK must clean up after itself.
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
